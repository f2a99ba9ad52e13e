package org.compliance.notifications.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Organisations' display names for the words of notices, from the directory (which caches its answers for
 * {@code compliance.directory.cache-for}). A name only makes a notice readable, so it never holds one back: when
 * the directory cannot answer, the names it last gave are used (an alias it never named stands for itself), and it
 * is not asked again for a while, so that an outage costs the notifier one short wait, not one per event.
 */
@ApplicationScoped
public class OrganisationNames {

    private static final Logger LOG = Logger.getLogger(OrganisationNames.class);
    static final Duration QUIET_AFTER_FAILURE = Duration.ofSeconds(30);

    private final Directory directory;
    private final Clock clock;
    private volatile Map<String, String> lastKnown = Map.of();
    private volatile Instant askAgainAt = Instant.MIN;

    public OrganisationNames(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** Display names by alias, as well as they can be had now. */
    public Map<String, String> now() {
        Instant now = clock.instant();
        if (now.isBefore(askAgainAt)) {
            return lastKnown;
        }
        try {
            lastKnown = Map.copyOf(directory.organisationNames());
        } catch (RuntimeException unavailable) {
            askAgainAt = now.plus(QUIET_AFTER_FAILURE);
            LOG.warnf("Organisation names unavailable (%s): notices name organisations as last known, or by alias, "
                    + "until %s", unavailable.getMessage(), askAgainAt);
        }
        return lastKnown;
    }
}
