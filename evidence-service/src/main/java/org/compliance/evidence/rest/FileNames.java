package org.compliance.evidence.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Original file names are data: kept exactly as given (slashes, dots and all), never part of a storage path,
 * and sent back only inside a {@code Content-Disposition} header encoded per RFC 6266 / RFC 8187.
 */
final class FileNames {

    static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    /** Why {@code name} cannot be accepted as a file name, or empty when it can. */
    static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("fileName is required");
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            return Optional.of("fileName is longer than " + MAX_LENGTH + " characters");
        }
        if (name.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            return Optional.of("fileName contains control or formatting characters");
        }
        return Optional.empty();
    }

    /** {@code attachment} with an ASCII fallback name and the exact name in UTF-8. */
    static String contentDisposition(String name) {
        StringBuilder fallback = new StringBuilder();
        name.codePoints().forEach(c -> fallback.append(c < 0x20 || c > 0x7e || "\"\\/%;".indexOf(c) >= 0
                ? '_' : (char) c));
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }
}
