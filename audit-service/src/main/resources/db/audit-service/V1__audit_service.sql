CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- Who looked: every reading of a case's history, verification and export, by whom and when.
CREATE TABLE access_record (
    id          UUID         PRIMARY KEY,
    case_id     VARCHAR(64),
    what        VARCHAR(64)  NOT NULL,
    detail      TEXT,
    user_id     VARCHAR(255) NOT NULL,
    user_name   VARCHAR(255) NOT NULL,
    accessed_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX access_record_by_case ON access_record (case_id, accessed_at DESC);

-- Signed checkpoints: the Merkle root over the latest chain hash of every aggregate at a global position.
CREATE TABLE checkpoint (
    position    BIGINT       PRIMARY KEY,
    created_at  TIMESTAMPTZ  NOT NULL,
    aggregates  BIGINT       NOT NULL,
    root        VARCHAR(64)  NOT NULL,
    signature   TEXT         NOT NULL,
    public_key  TEXT         NOT NULL
);

-- The leaves of the latest checkpoint (each aggregate's chain end it signed), replaced with each new one:
-- a case is checked against its own aggregates' leaves, and the leaves against the signed root.
CREATE TABLE checkpoint_leaf (
    aggregate_identifier VARCHAR(255) PRIMARY KEY,
    position             BIGINT       NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    hash                 BYTEA        NOT NULL
);
