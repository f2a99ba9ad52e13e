package org.compliance.system.fuzz;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One generated request: who sends it, the request target as sent (already percent-encoded, or deliberately
 * not), headers, body. {@code %v} in a header stands for the version the target currently has (read just before
 * sending). {@code mustRefuse} says why no service may accept it, or is null when either answer is right.
 */
record FuzzRequest(ApiOperation operation, String user, String target, List<Map.Entry<String, String>> headers,
                   RawHttp.Body body, String variant, String mustRefuse) {

    static final String CURRENT_VERSION = "%v";

    /**
     * True when the request target is not valid URI syntax (a {@code %} not followed by two hex digits, a raw
     * backslash): the HTTP server itself answers 400 before any handler of ours runs, and Quarkus offers no hook
     * to give that answer a body (decision 7 names this gap). Such a request must still be refused and change
     * nothing.
     */
    boolean malformedTarget() {
        return MALFORMED_TARGET.matcher(target).find();
    }

    private static final java.util.regex.Pattern MALFORMED_TARGET =
            java.util.regex.Pattern.compile("%(?![0-9A-Fa-f]{2})|\\\\");

    boolean needsVersion() {
        return headers.stream().anyMatch(h -> h.getValue().contains(CURRENT_VERSION));
    }

    /** As a developer reads it: what it is, then the request itself with invisible characters escaped. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder()
                .append(operation).append(": ").append(variant)
                .append(mustRefuse != null ? " (must be refused: " + mustRefuse + ")" : "")
                .append("\n    as ").append(user == null ? "nobody (no token)" : user)
                .append("\n    ").append(operation.method()).append(' ').append(visible(target)).append(" HTTP/1.1");
        headers.forEach(h -> out.append("\n    ").append(h.getKey()).append(": ").append(visible(h.getValue())));
        if (body.bytes() != null) {
            out.append("\n    ").append(body.chunked() ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length())
                    .append("\n\n    ").append(shown(body));
        }
        return out.toString();
    }

    private static String shown(RawHttp.Body body) {
        if (body.repeat() > 1) {
            String chunk = new String(body.bytes(), 0, Math.min(body.bytes().length, 8), StandardCharsets.UTF_8);
            return body.repeat() + " chunks of " + body.bytes().length + " bytes, each like \"" + visible(chunk)
                    + "…\"  [" + body.length() + " bytes in all]";
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body.bytes())).toString();
        } catch (CharacterCodingException e) {
            text = new String(body.bytes(), StandardCharsets.UTF_8) + "  [not valid UTF-8; \ufffd marks bytes that are no character]";
        }
        String shown = visible(text.length() > 800 ? text.substring(0, 800) + "…" : text);
        return shown + (text.length() > 800 ? "  [" + body.length() + " bytes in all]" : "");
    }

    /** Controls, format characters, lone surrogates and unusual spaces as \\uXXXX; the rest as is. */
    static String visible(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            boolean odd = (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || type == Character.FORMAT
                    || type == Character.SURROGATE || type == Character.UNASSIGNED
                    || (Character.isSpaceChar(c) && c != ' ') || type == Character.LINE_SEPARATOR;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (odd) {
                out.append(String.format("\\u%04X", (int) c));
            } else if (c == '\n') {
                out.append("\\n");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
