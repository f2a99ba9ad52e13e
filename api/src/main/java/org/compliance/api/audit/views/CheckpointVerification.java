package org.compliance.api.audit.views;

import java.util.List;

/**
 * Whether a checkpoint holds beyond the operator's key: its signature, the RFC 3161 time-stamps of outside authorities
 * over its signed text, and its log's consistency with the checkpoint before it, cut from the store as it is now.
 * {@code verified} only when the signature holds, a valid stamp came within the allowed delay of the moment it
 * claims, and the store still extends the earlier checkpoint's log; {@code problems} says what does not hold.
 */
public record CheckpointVerification(long position, String createdAt, boolean signatureValid,
                                     List<Stamp> timestamps, Long previousPosition, Boolean consistentWithPrevious,
                                     boolean verified, List<String> problems) {

    /** One authority's token: valid or not, the time it stamped, who signed it (certificate fingerprint). */
    public record Stamp(String authority, boolean valid, String time, String signedBy, String certificateFingerprint,
                        boolean late, String problem) {
    }
}
