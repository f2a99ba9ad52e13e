package org.compliance.platform.input;

import java.util.Optional;

/**
 * What text the suite accepts, decided once. Anything a user sends may end up in an event, which is kept
 * for ever and read back by every service: text that PostgreSQL refuses (U+0000), that no font shows
 * (controls, noncharacters), or that is not even valid Unicode (an unpaired surrogate) would be stored to
 * break something later, so it is refused at the door instead.
 */
public final class Text {

    private Text() {
    }

    /**
     * Why {@code text} is not acceptable, or empty when it is. Tab, CR and LF are allowed only where the
     * field allows lines.
     */
    public static Optional<String> refusal(CharSequence text, boolean linesAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, text.charAt(++i));
                    if (isNoncharacter(codePoint)) {
                        return Optional.of("contains the noncharacter " + describe(codePoint));
                    }
                    continue;
                }
                return Optional.of("contains an unpaired surrogate " + describe(c) + " (not valid Unicode)");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("contains an unpaired surrogate " + describe(c) + " (not valid Unicode)");
            }
            if (c == '\t' || c == '\n' || c == '\r') {
                if (!linesAllowed) {
                    return Optional.of("must be a single line (no tab or line break)");
                }
                continue;
            }
            if (isControl(c)) {
                return Optional.of("contains the control character " + describe(c));
            }
            if (isNoncharacter(c)) {
                return Optional.of("contains the noncharacter " + describe(c));
            }
        }
        return Optional.empty();
    }

    /**
     * True when nothing in {@code text} would show on a page: it is empty, or made only of white space and
     * invisible characters (zero-width spaces and joiners, format marks, fillers, lone combining marks).
     */
    public static boolean isVisiblyBlank(CharSequence text) {
        return text.codePoints().allMatch(Text::isInvisible);
    }

    /** True when {@code text} has no visible character but at least one invisible one that is not white space. */
    public static boolean isInvisibleOnly(CharSequence text) {
        return isVisiblyBlank(text) && text.codePoints().anyMatch(c -> !Character.isWhitespace(c)
                && !Character.isSpaceChar(c));
    }

    static boolean isInvisible(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.FORMAT, Character.CONTROL, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
                 Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE -> true;
            default -> isFiller(codePoint);
        };
    }

    /** Letters and symbols that render as nothing: Hangul fillers, the braille blank, the Mongolian vowel separator. */
    private static boolean isFiller(int codePoint) {
        return codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0
                || codePoint == 0x2800 || codePoint == 0x180E || codePoint == 0x034F;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    private static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static String describe(int codePoint) {
        return String.format("U+%04X", codePoint);
    }
}
