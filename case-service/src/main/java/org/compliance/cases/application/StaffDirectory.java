package org.compliance.cases.application;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;
import org.compliance.api.cases.views.StaffEntry;
import org.compliance.api.shared.StaffMember;

/** Who is regulator staff (an investigator or a supervisor), as the identity provider knows them. */
public interface StaffDirectory {

    /** The member of staff with this user id, or empty when no such user has a staff role. */
    Uni<Optional<StaffMember>> staffMember(String userId);

    /** Every enabled member of staff, with their staff roles, in no particular order. */
    Uni<List<StaffEntry>> staff();
}
