package org.compliance.evidence.query;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ResumableUploadRepository implements PanacheRepositoryBase<ResumableUploadRow, UUID> {

    private static final String ABANDONED = "coalesce(claimedAt, createdAt) < ?1 "
            + "and (patchClaim is null or claimedAt < ?2)";

    /** The upload, when it was made for this request by this organisation. */
    public Uni<ResumableUploadRow> of(UUID uploadId, String requestId, String organisation) {
        return find("uploadId = ?1 and requestId = ?2 and organisationAlias = ?3", uploadId, requestId, organisation)
                .firstResult();
    }

    /**
     * Claims the upload for one PATCH starting at {@code offset}: only when that is the offset held and no other PATCH
     * holds a claim renewed since {@code staleBefore}. Answers whether it was claimed.
     */
    public Uni<Boolean> claim(UUID uploadId, String requestId, String organisation, long offset, UUID claim,
                              Instant now, Instant staleBefore) {
        return update("patchClaim = ?1, claimedAt = ?2 where uploadId = ?3 and requestId = ?4 and organisationAlias = ?5 "
                + "and offset = ?6 and (patchClaim is null or claimedAt < ?7)", claim, now, uploadId, requestId,
                organisation, offset, staleBefore).map(count -> count == 1);
    }

    /** Saves the progress of the PATCH holding {@code claim}; answers false when it no longer holds it. */
    public Uni<Boolean> progress(UUID uploadId, UUID claim, long offset, byte[] sha256State, Instant now) {
        return update("offset = ?1, sha256State = ?2, claimedAt = ?3 where uploadId = ?4 and patchClaim = ?5",
                offset, sha256State, now, uploadId, claim).map(count -> count == 1);
    }

    /**
     * Saves the progress of the PATCH holding {@code claim} and lets the claim go; {@code claimedAt} stays as the
     * upload's last activity, from which it expires when abandoned.
     */
    public Uni<Boolean> release(UUID uploadId, UUID claim, long offset, byte[] sha256State, Instant now) {
        return update("offset = ?1, sha256State = ?2, patchClaim = null, claimedAt = ?3 where uploadId = ?4 "
                + "and patchClaim = ?5", offset, sha256State, now, uploadId, claim).map(count -> count == 1);
    }

    /** Uploads idle since before {@code idleBefore} that no PATCH is writing (or whose writer fell silent). */
    public Uni<List<ResumableUploadRow>> abandoned(Instant idleBefore, Instant staleBefore, int limit) {
        return find(ABANDONED, idleBefore, staleBefore).page(0, limit).list();
    }

    /** Removes the upload if it is still abandoned; answers whether it was. */
    public Uni<Boolean> expire(UUID uploadId, Instant idleBefore, Instant staleBefore) {
        return delete("uploadId = ?3 and " + ABANDONED, idleBefore, staleBefore, uploadId).map(count -> count == 1);
    }
}
