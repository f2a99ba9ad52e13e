package org.compliance.cases.query;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words of a search, in any order: runs of letters and digits, lower case, each at most once. Only these reach
 * PostgreSQL's query parser, so nothing typed can be read there as an operator.
 */
public record SearchWords(List<String> words) {

    public static final int MAX_WORDS = 10;
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    public SearchWords {
        words = List.copyOf(words);
    }

    public static SearchWords of(String text) {
        if (text == null) {
            return new SearchWords(List.of());
        }
        return new SearchWords(Arrays.stream(SEPARATORS.split(text.toLowerCase(Locale.ROOT)))
                .filter(word -> !word.isEmpty()).map(word -> word.length() > 60 ? word.substring(0, 60) : word)
                .distinct().toList());
    }

    public boolean none() {
        return words.isEmpty();
    }
}
