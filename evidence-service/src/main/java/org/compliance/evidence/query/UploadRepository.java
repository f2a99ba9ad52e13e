package org.compliance.evidence.query;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class UploadRepository implements PanacheRepositoryBase<UploadRow, UUID> {

    /** Those of these uploads made for the request by the organisation. */
    public Uni<List<UploadRow>> of(String requestId, String organisation, List<UUID> uploadIds) {
        return list("uploadId in ?1 and requestId = ?2 and organisationAlias = ?3", uploadIds, requestId,
                organisation);
    }

    /** The upload, when it was made for this request by this organisation. */
    public Uni<UploadRow> of(UUID uploadId, String requestId, String organisation) {
        return find("uploadId = ?1 and requestId = ?2 and organisationAlias = ?3", uploadId, requestId, organisation)
                .firstResult();
    }
}
