package org.compliance.platform.axon;

/**
 * A system an event handler depends on (Keycloak, a mail server, another service) did not answer. Such a failure
 * says nothing about the event: the processor retries it with back-off and never parks it as a dead letter.
 */
public class PeerUnavailable extends RuntimeException {

    public PeerUnavailable(String message) {
        super(message);
    }

    public PeerUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
