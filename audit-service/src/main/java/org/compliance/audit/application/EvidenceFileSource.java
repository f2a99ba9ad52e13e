package org.compliance.audit.application;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where a bundle gets the evidence files from: evidence-service's download, asked as the auditor exporting the bundle
 * (so evidence-service applies its own rules and records each download in the request's chain of custody).
 */
public interface EvidenceFileSource {

    /**
     * Downloads as the caller of the request being served (their credentials read here, once), usable afterwards on
     * the thread that writes the bundle.
     */
    Downloads asCaller();

    interface Downloads {

        /** The file's bytes as they arrive, never held whole; the caller closes the stream. */
        InputStream open(String requestId, String fileId) throws IOException;
    }
}
