package org.compliance.api.audit;

import java.util.Locale;
import java.util.Map;

/**
 * What a recorded read of a case looked at ({@link CaseContentRead#what()}, {@code EXPORT}), in the words the bundle's
 * report and the portal both show ("Export of the case bundle"), so that the two name a read alike.
 */
public final class ReadKinds {

    private static final Map<String, String> IN_WORDS = Map.of(
            "CASE_PAGE", "Case page",
            "HISTORY", "History",
            "STATE", "State of the case",
            "CHANGES", "Changes between two moments",
            "TIMELINE", "Timeline",
            "VERIFICATION", "Verification of the case",
            "EXPORT", "Export of the case bundle",
            "UNREADABLE", "A read on the record that cannot be read");

    private ReadKinds() {
    }

    /** "CASE_PAGE" as "Case page"; one not known here as its words lower-cased, the first capitalised. */
    public static String inWords(String what) {
        if (what == null || what.isBlank()) {
            return "";
        }
        String named = IN_WORDS.get(what);
        if (named != null) {
            return named;
        }
        String words = what.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
