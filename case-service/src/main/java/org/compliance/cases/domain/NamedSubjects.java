package org.compliance.cases.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.compliance.api.shared.DataSubjects;

/**
 * Which of a case's data subjects the texts of one event name: the subjects its texts are sealed under (decision 29).
 * Every text the rules write (summary, allegations, notes, reasons, findings, decisions, referrals) is searched here.
 */
final class NamedSubjects {

    private NamedSubjects() {
    }

    /** The subjects any of {@code texts} names, in the order of {@code namesBySubject}; nulls name nobody. */
    static List<String> in(Map<String, String> namesBySubject, Collection<String> texts) {
        Set<String> named = new LinkedHashSet<>();
        texts.stream().filter(Objects::nonNull).forEach(text -> named.addAll(DataSubjects.namedIn(text,
                namesBySubject)));
        List<String> ordered = new ArrayList<>(namesBySubject.keySet());
        ordered.retainAll(named);
        return List.copyOf(ordered);
    }
}
