package org.compliance.api.cases;

import org.compliance.api.shared.StaffMember;

/**
 * Erases a data subject of the case (a complainant who is a person, or a person the case names: {@code personId} is
 * the complainant's or the named person's id), as the law requires of a regulator once it no longer needs their data:
 * refused while the case is under legal hold.
 */
public record EraseDataSubject(String caseId, String personId, String reason, StaffMember erasedBy)
        implements CaseCommand {
}
