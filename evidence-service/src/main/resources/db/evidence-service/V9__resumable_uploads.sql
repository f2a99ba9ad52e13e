-- Resumable uploads (tus 1.0, decision 26): one row per upload under way. The offset is the last byte the blob store
-- holds for it and sha256_state the SHA-256 of those bytes as a saved digest state, so a resumed upload neither
-- re-reads nor re-hashes what was stored. staging names the store's unfinished object (opaque to the service).
-- patch_claim and claimed_at let one PATCH at a time write: it claims the row in a short transaction (renewed at each
-- checkpoint) instead of holding a row lock, and a connection, for as long as its body takes to arrive.
-- Once complete the row becomes an ordinary row of upload, with the same id.
CREATE TABLE resumable_upload (
    upload_id          UUID         PRIMARY KEY,
    request_id         VARCHAR(64)  NOT NULL,
    organisation_alias VARCHAR(64)  NOT NULL,
    created_by         VARCHAR(64)  NOT NULL,
    file_name          VARCHAR(255) NOT NULL,
    item               INTEGER,
    length             BIGINT       NOT NULL CHECK (length >= 0),
    upload_offset      BIGINT       NOT NULL CHECK (upload_offset >= 0 AND upload_offset <= length),
    sha256_state       BYTEA        NOT NULL,
    staging            TEXT         NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    patch_claim        UUID,
    claimed_at         TIMESTAMPTZ
);
CREATE INDEX resumable_upload_by_request ON resumable_upload (request_id);
