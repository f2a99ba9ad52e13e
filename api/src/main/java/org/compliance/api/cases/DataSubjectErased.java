package org.compliance.api.cases;

import java.time.Instant;
import org.compliance.api.shared.StaffMember;

/**
 * A data subject of the case (the complainant or named person {@code personId}) was erased: their key is destroyed, so every text sealed under it (their name, the
 * summary, allegations, notes, reasons, findings, decisions and referrals that name them) reads {@link org.compliance.api.shared.PersonalData#ERASED} from now on,
 * in the event store and in every view, while the hash chain still verifies.
 */
public record DataSubjectErased(String caseId, String personId, String dataSubject, String reason,
                                StaffMember erasedBy, Instant erasedAt) implements CaseEvent {
}
