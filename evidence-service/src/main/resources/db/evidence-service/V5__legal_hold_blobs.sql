-- Which blobs each case's evidence uses, and whether the case is under legal hold: the state of the
-- evidence-legal-holds policy, which puts an object legal hold on a blob while any case using it is held (a blob is
-- content-addressed, so two cases can share one). A policy's tables: never emptied by a rebuild of the views.
CREATE TABLE legal_hold_case (
    case_id TEXT PRIMARY KEY,
    held    BOOLEAN NOT NULL
);
CREATE TABLE legal_hold_blob (
    case_id TEXT NOT NULL,
    sha256  TEXT NOT NULL,
    PRIMARY KEY (case_id, sha256)
);
CREATE INDEX legal_hold_blob_by_sha256 ON legal_hold_blob (sha256);
