package org.compliance.notifications.application;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** How webhooks are called, and which endpoints may be. */
@ConfigMapping(prefix = "compliance.webhooks")
public interface WebhookSettings {

    /** How long an endpoint has to answer a delivery. */
    Duration timeout();

    /** Hosts whose endpoints may be plain {@code http://} (none in production; loopback in tests). */
    Optional<Set<String>> plainHttpHosts();

    /**
     * Hosts, as written in endpoint URLs (a name, an IPv4 address, or an IPv6 address in brackets), that may
     * resolve to loopback, private, link-local or other non-public addresses: for installations whose
     * companies' receivers are inside a private network. None by default.
     */
    Optional<Set<String>> privateHosts();
}
