package org.compliance.cases.application;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What a picker offers when staff choose someone by name: the entries with the query in any of their texts
 * (any case, any part), sorted by name, at most {@code size} of them. A blank query matches everyone.
 */
public record Picker<T>(Function<T, String> name, Function<T, Stream<String>> texts, Comparator<T> tieBreak) {

    public List<T> pick(List<T> entries, String query, int size) {
        String wanted = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return entries.stream()
                .filter(entry -> wanted.isEmpty()
                        || texts.apply(entry).anyMatch(text -> text != null
                        && text.toLowerCase(Locale.ROOT).contains(wanted)))
                .sorted(Comparator.comparing(name, String.CASE_INSENSITIVE_ORDER).thenComparing(tieBreak))
                .limit(size)
                .toList();
    }
}
