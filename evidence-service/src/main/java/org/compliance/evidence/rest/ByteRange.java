package org.compliance.evidence.rest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One range of a file's bytes asked for with {@code Range: bytes=...} (RFC 9110 §14): {@code first-last},
 * {@code first-} or the suffix {@code -length}. Anything else, including several ranges, is answered with
 * the whole file, as the RFC allows.
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /** Thrown for a well-formed range that lies wholly beyond the end of the file (416). */
    static final class Unsatisfiable extends RuntimeException {
        Unsatisfiable() {
            super("The range lies beyond the end of the file");
        }
    }

    /** The range of a file of {@code size} bytes that {@code header} asks for, or empty for the whole file. */
    static Optional<ByteRange> of(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0 || size == 0) {
                throw new Unsatisfiable();
            }
            return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        if (m.group(2).isEmpty() || Long.parseLong(m.group(2)) >= first) {
            if (first >= size) {
                throw new Unsatisfiable();
            }
            return Optional.of(new ByteRange(first, last));
        }
        return Optional.empty(); // last before first: not a valid range, so the whole file
    }

    long length() {
        return last - first + 1;
    }

    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }
}
