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
