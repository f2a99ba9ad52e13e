package org.compliance.api.cases;

import java.util.List;
import org.compliance.api.shared.PersonalData;

/**
 * A case handed to another authority: its name, their reference and why. {@code reason} is the staff's own
 * record; {@code publicReason} is what respondents are told (null: only that the case was referred). Both are sealed
 * under the keys of the data subjects either names ({@code namedSubjects}, found by case-service; decision 29).
 */
public record Referral(String authority, String theirReference,
                       @PersonalData(subjectsIn = "namedSubjects") String reason,
                       @PersonalData(subjectsIn = "namedSubjects") String publicReason, List<String> namedSubjects) {

    public Referral {
        namedSubjects = namedSubjects == null ? List.of() : List.copyOf(namedSubjects);
    }

    public Referral(String authority, String theirReference, String reason, String publicReason) {
        this(authority, theirReference, reason, publicReason, List.of());
    }

    public Referral(String authority, String theirReference, String reason) {
        this(authority, theirReference, reason, null);
    }

    /** This referral with its reasons erased when they name {@code subject}. */
    public Referral erasing(String subject) {
        return namedSubjects.contains(subject)
                ? new Referral(authority, theirReference, erased(reason), erased(publicReason), namedSubjects)
                : this;
    }

    private static String erased(String text) {
        return text == null ? null : PersonalData.ERASED;
    }
}
