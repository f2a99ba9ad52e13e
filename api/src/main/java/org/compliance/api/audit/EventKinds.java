package org.compliance.api.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.compliance.api.cases.CaseEvent;
import org.compliance.api.evidence.EvidenceEvent;

/**
 * The kinds of event an auditor reads in a case's history, by their simple names ({@code EvidenceRequestAcknowledged})
 * and in words ("Evidence request acknowledged"). The kinds are the two sealed event families, so a new event is
 * known here the moment it is declared; its words come from its name unless {@link #IN_OTHER_WORDS} says better.
 */
public final class EventKinds {

    /** Names whose words, split as written, would not read as what happened. */
    private static final Map<String, String> IN_OTHER_WORDS = Map.of(
            "CaseAwaitingOverdueEvidence", "Case waiting on overdue evidence",
            "CaseOverdueEvidenceResolved", "Overdue evidence resolved",
            "EvidenceClockStopped", "Clock stopped",
            "EvidenceClockRestarted", "Clock restarted",
            "EvidenceDownloaded", "Evidence file downloaded",
            "MoreEvidenceRequested", "More evidence asked for");

    private static final List<Class<?>> ALL = all();

    private EventKinds() {
    }

    /** Every kind's simple name, case events first, each family in alphabetical order. */
    public static List<String> names() {
        return ALL.stream().map(Class::getSimpleName).toList();
    }

    /** The event class of a simple name, if it is one of the kinds. */
    public static Optional<Class<?>> byName(String simpleName) {
        return ALL.stream().filter(k -> k.getSimpleName().equals(simpleName)).findFirst();
    }

    /** "EvidenceRequestAcknowledged" as "Evidence request acknowledged"; a name that is no kind is split the same way. */
    public static String inWords(String simpleName) {
        if (simpleName == null || simpleName.isBlank()) {
            return "";
        }
        String named = IN_OTHER_WORDS.get(simpleName);
        return named != null ? named : words(simpleName);
    }

    /** Camel case split into words, the first capitalised: "legalHoldReason" as "Legal hold reason". */
    public static String words(String camelCase) {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < camelCase.length(); i++) {
            char c = camelCase.charAt(i);
            boolean startsWord = i > 0 && Character.isUpperCase(c)
                    && (Character.isLowerCase(camelCase.charAt(i - 1))
                    || i + 1 < camelCase.length() && Character.isLowerCase(camelCase.charAt(i + 1)));
            if (startsWord) {
                words.append(' ');
            }
            words.append(i == 0 ? Character.toUpperCase(c) : startsWord && !acronymAt(camelCase, i)
                    ? Character.toLowerCase(c) : c);
        }
        return words.toString();
    }

    /** An upper-case letter followed by another (as in "SHA256" or "UKGDPR") begins an acronym, kept as written. */
    private static boolean acronymAt(String text, int i) {
        return i + 1 < text.length() && Character.isUpperCase(text.charAt(i + 1));
    }

    private static List<Class<?>> all() {
        List<Class<?>> kinds = new ArrayList<>();
        for (Class<?> family : List.of(CaseEvent.class, EvidenceEvent.class)) {
            List<Class<?>> members = new ArrayList<>(List.of(family.getPermittedSubclasses()));
            members.sort(Comparator.comparing(k -> k.getSimpleName().toLowerCase(Locale.ROOT)));
            kinds.addAll(members);
        }
        return List.copyOf(kinds);
    }
}
