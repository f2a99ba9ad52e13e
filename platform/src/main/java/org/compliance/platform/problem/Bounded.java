package org.compliance.platform.problem;

/** Echoes of what a client sent stay short: an answer must never be larger than a hostile request made it. */
final class Bounded {

    static final int MAX_ECHO = 200;

    private Bounded() {
    }

    static String text(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "…";
    }
}
