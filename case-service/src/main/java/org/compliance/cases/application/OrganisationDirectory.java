package org.compliance.cases.application;

import io.smallrye.mutiny.Uni;
import java.util.List;
import org.compliance.api.cases.views.OrganisationEntry;

/** The organisations cases can name as respondents or addressees, as the identity provider knows them. */
public interface OrganisationDirectory {

    /** Every enabled organisation, in no particular order. */
    Uni<List<OrganisationEntry>> organisations();
}
