package org.compliance.audit.application;

import java.util.Optional;

/**
 * Where a bundle gets a request's formal notice PDF from: evidence-service, asked as the auditor exporting the
 * bundle. Empty when it cannot be had; the bundle then lacks it and the verifier says so.
 */
public interface FormalNoticeSource {

    Optional<byte[]> pdf(String requestId);
}
