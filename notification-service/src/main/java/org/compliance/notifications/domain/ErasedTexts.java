package org.compliance.notifications.domain;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compliance.api.shared.DataSubjects;
import org.compliance.api.shared.PersonalData;

/**
 * What erasing a data subject does to a text notification-service keeps (a notice's subject or body, an e-mail, a
 * field of a webhook payload, a case's title): a text that names them ({@link DataSubjects#namedIn}, any word of
 * the name of three letters or more) is replaced whole by {@link PersonalData#ERASED}; a text that does not is kept.
 *
 * <p>Whole, not just the name's words: what makes a notice about a person is more than the words of their name
 * (the sentence around it, "her neighbour at 4 Mill Lane", initials, a possessive's tail), the matcher already errs
 * on the side of naming, and an HTML body may hold the name escaped. What is left of the notice (its kind, case,
 * request, moment and link) still says that there was one and where to read the case.
 */
public final class ErasedTexts {

    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos);");

    private ErasedTexts() {
    }

    /** True when {@code text}, read as it is and with HTML entities resolved, names one of the subjects. */
    public static boolean names(String text, Map<String, String> namesBySubject) {
        return text != null && (!DataSubjects.namedIn(text, namesBySubject).isEmpty()
                || !DataSubjects.namedIn(unescaped(text), namesBySubject).isEmpty());
    }

    /** The text as kept after the subjects' erasure. */
    public static String erased(String text, Map<String, String> namesBySubject) {
        return names(text, namesBySubject) ? PersonalData.ERASED : text;
    }

    private static String unescaped(String html) {
        Matcher entity = ENTITY.matcher(html);
        StringBuilder text = new StringBuilder();
        while (entity.find()) {
            String name = entity.group(1);
            String replacement = switch (name) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> character(name.charAt(1) == 'x' || name.charAt(1) == 'X'
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1)));
            };
            entity.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        entity.appendTail(text);
        return text.toString();
    }

    private static String character(int codePoint) {
        return Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : "\uFFFD";
    }
}
