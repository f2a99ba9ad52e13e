-- V5, not V2: the service's history already holds the platform's Axon migrations V3, V3_1 and V4_1, so a V2 would be
-- out of order for every installation that has run them.
-- Checkpoints that do not rest on the operator alone (docs/decisions/0027-anchored-checkpoints.md).
-- The store as an append-only log: how many events a checkpoint covers and their log's Merkle root (RFC 9162 shape),
-- signed with the rest; NULL for checkpoints taken before (their signed text is of the first form).
ALTER TABLE checkpoint ADD COLUMN events BIGINT;
ALTER TABLE checkpoint ADD COLUMN log_root VARCHAR(64);

-- RFC 3161 time-stamp tokens outside authorities gave a checkpoint's signed text: one per authority.
CREATE TABLE checkpoint_timestamp (
    position   BIGINT      NOT NULL REFERENCES checkpoint (position),
    authority  TEXT        NOT NULL,
    token      BYTEA       NOT NULL,
    stamped_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (position, authority)
);
