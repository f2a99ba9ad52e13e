package org.compliance.platform.directory;

import org.compliance.platform.axon.PeerUnavailable;

/**
 * The directory (Keycloak) cannot answer now; whoever asked must try again later, not carry on without it (an event
 * processor retries the event, it does not park it; an API request fails and can be repeated).
 */
public class DirectoryUnavailable extends PeerUnavailable {

    public DirectoryUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
