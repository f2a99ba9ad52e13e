package org.compliance.platform.personaldata;

import java.util.Optional;

/** The keys of data subjects, one per subject, kept apart from the events they seal (decision 29). */
public interface SubjectKeys {

    /**
     * The subject's key for sealing, made on first use.
     *
     * @throws SubjectErased when the subject was erased: nothing new may be sealed for them
     */
    byte[] keyToSeal(String subject);

    /** The subject's key, or empty when the subject was erased (or never had one). */
    Optional<byte[]> keyToUnseal(String subject);

    /** Destroys the subject's key, for good; returns whether it was still there. */
    boolean destroy(String subject);

    /** Sealing for a subject whose key is destroyed. */
    final class SubjectErased extends RuntimeException {
        public SubjectErased(String subject) {
            super("Data subject " + subject + " is erased; nothing more can be kept about them");
        }
    }
}
