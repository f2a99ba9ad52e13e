package org.compliance.api.shared;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which data subjects a text names: a subject is named when their whole name, or any word of it of three letters or
 * more, appears in the text as a word (case and accents aside). It errs on the side of naming: a text that names
 * someone's first name only is sealed under their key as well, so erasing them leaves nothing of them readable.
 */
public final class DataSubjects {

    private DataSubjects() {
    }

    /** The subjects (ids, in the order given) whose names, or a word of them, appear in {@code text}. */
    public static List<String> namedIn(String text, Map<String, String> namesBySubject) {
        return find(text, namesBySubject, true);
    }

    /** The subjects whose whole names appear in {@code text}. */
    public static List<String> fullyNamedIn(String text, Map<String, String> namesBySubject) {
        return find(text, namesBySubject, false);
    }

    private static List<String> find(String text, Map<String, String> namesBySubject, boolean anyWord) {
        if (text == null || text.isBlank() || namesBySubject.isEmpty()) {
            return List.of();
        }
        String folded = fold(text);
        List<String> named = new ArrayList<>();
        namesBySubject.forEach((subject, name) -> {
            if (name != null && !PersonalData.ERASED.equals(name) && names(folded, fold(name), anyWord)) {
                named.add(subject);
            }
        });
        return List.copyOf(named);
    }

    private static boolean names(String text, String name, boolean anyWord) {
        if (name.isBlank()) {
            return false;
        }
        if (containsWord(text, name.strip())) {
            return true;
        }
        if (!anyWord) {
            return false;
        }
        for (String word : name.split("[^\\p{L}\\p{N}'-]+")) {
            if (word.length() >= 3 && containsWord(text, word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsWord(String text, String word) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])").matcher(text).find();
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
