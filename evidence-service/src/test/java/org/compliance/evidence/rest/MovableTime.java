package org.compliance.evidence.rest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Moves the service's clock (test profile: {@code target/clock-offset}) forward, never back. */
final class MovableTime {

    private static final Path FILE = Path.of("target", "clock-offset");

    private MovableTime() {
    }

    static Duration offset() throws IOException {
        return Files.exists(FILE) ? Duration.parse(Files.readString(FILE).strip()) : Duration.ZERO;
    }

    /** Moves the clock so that it reads at least {@code moment}. */
    static void moveTo(Instant moment) throws IOException {
        Duration needed = Duration.between(Instant.now(), moment);
        if (needed.compareTo(offset()) > 0) {
            Files.writeString(FILE, needed.toString());
        }
    }

    static Instant now() throws IOException {
        return Instant.now().plus(offset());
    }
}
