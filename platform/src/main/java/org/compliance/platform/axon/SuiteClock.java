package org.compliance.platform.axon;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one clock of a service: UTC system time. For tests and demos that must move time (a deadline passing
 * while a service is down), {@code compliance.clock.offset-file} names a file holding an ISO-8601 duration
 * (e.g. {@code P15D}) added to system time; every process reading the same file agrees on the time.
 */
public class SuiteClock {

    private static final Logger LOG = Logger.getLogger(SuiteClock.class);

    @Produces
    @ApplicationScoped
    Clock clock(@ConfigProperty(name = "compliance.clock.offset-file") Optional<String> offsetFile) {
        if (offsetFile.isEmpty()) {
            return Clock.systemUTC();
        }
        LOG.warnf("The clock is moved by the offset in %s: for tests and demos only", offsetFile.get());
        return new OffsetFileClock(Path.of(offsetFile.get()));
    }

    /** System time plus the duration in a file, re-read at most every 100 ms. */
    static final class OffsetFileClock extends Clock {

        private final Path file;
        private volatile long checkedAtNanos;
        private volatile Duration offset = Duration.ZERO;
        private volatile String text = "";

        OffsetFileClock(Path file) {
            this.file = file;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset());
        }

        private Duration offset() {
            long now = System.nanoTime();
            if (now - checkedAtNanos > 100_000_000L) {
                checkedAtNanos = now;
                try {
                    String current = Files.exists(file) ? Files.readString(file).strip() : "";
                    if (!current.equals(text)) {
                        offset = current.isEmpty() ? Duration.ZERO : Duration.parse(current);
                        text = current;
                        LOG.infof("Clock offset is now %s", offset);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.errorf(e, "Unreadable clock offset in %s; keeping %s", file, offset);
                }
            }
            return offset;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("The suite's clock is UTC");
        }
    }
}
