package org.compliance.portal.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How an evidence file is previewed in the browser, decided from the type evidence-service detected in its bytes
 * (never the name the company gave it, except to tell a CSV from other plain text): PDFs by pdf.js, raster images as
 * images, text as escaped text and CSV as a table, both from the file's first {@link #TEXT_BYTES} bytes. HTML, SVG,
 * XML and any other markup are text: nothing the company uploaded runs in the portal's origin. The raw bytes are
 * served only with a type from {@link #safeType}.
 */
final class FilePreviews {

    /** How much of a text or CSV file is read for its preview (one ranged read). */
    static final int TEXT_BYTES = 64 * 1024;
    /** How many rows of a CSV file the preview's table shows. */
    static final int CSV_ROWS = 200;

    enum Kind { PDF, IMAGE, CSV, TEXT, NONE }

    private static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    private static final Set<String> TEXTS = Set.of("application/json", "application/xml", "application/xhtml+xml",
            "image/svg+xml", "application/javascript", "application/x-sh", "message/rfc822");

    private FilePreviews() {
    }

    static Kind kind(String mediaType, String fileName) {
        String type = base(mediaType);
        if (type.equals("application/pdf")) {
            return Kind.PDF;
        }
        if (IMAGES.contains(type)) {
            return Kind.IMAGE;
        }
        if (type.equals("text/csv") || type.equals("text/plain") && fileName != null
                && fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return Kind.CSV;
        }
        if (type.startsWith("text/") || TEXTS.contains(type) || type.endsWith("+xml") || type.endsWith("+json")) {
            return Kind.TEXT;
        }
        return Kind.NONE;
    }

    /**
     * The Content-Type the raw bytes are served with: a PDF or a raster image as itself, anything else as bytes to
     * download (never text/html or image/svg+xml, which a browser would run in the portal's origin).
     */
    static String safeType(String mediaType) {
        String type = base(mediaType);
        return type.equals("application/pdf") || IMAGES.contains(type) ? type : "application/octet-stream";
    }

    /** The text of a file's first bytes (UTF-8; what is not is shown as U+FFFD), without a line cut off at the end. */
    static String text(byte[] head, boolean truncated) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        String text;
        try {
            text = utf8.decode(ByteBuffer.wrap(head)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e); // REPLACE never throws
        }
        if (truncated && text.lastIndexOf('\n') > 0) {
            text = text.substring(0, text.lastIndexOf('\n') + 1);
        }
        return text.replace("\u0000", "\uFFFD");
    }

    /** A CSV's rows (RFC 4180: commas, double quotes, quoted line breaks), at most {@code maxRows}. */
    static List<List<String>> rows(String text, int maxRows) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length() && rows.size() < maxRows; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if ((!row.isEmpty() || !cell.isEmpty()) && rows.size() < maxRows) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    private static String base(String mediaType) {
        if (mediaType == null) {
            return "";
        }
        int parameters = mediaType.indexOf(';');
        return (parameters < 0 ? mediaType : mediaType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }
}
