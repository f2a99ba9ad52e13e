package org.compliance.evidence.application;

import java.util.List;

/**
 * What the legal-hold policy keeps: the blobs of each case's evidence and which cases are under legal hold. Each
 * method first serialises the policy's work (its events arrive on several segments at once) until the transaction
 * ends, so a hold placed and a file submitted at the same moment, or two cases sharing a blob, cannot miss each other.
 */
public interface HeldBlobs {

    /** Records that the case's evidence uses the blob; answers whether the case is under legal hold. */
    boolean use(String caseId, String sha256);

    /** Marks the case held; answers its blobs. */
    List<String> place(String caseId);

    /** Marks the case no longer held; answers those of its blobs that no other held case uses. */
    List<String> lift(String caseId);
}
