CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

CREATE TABLE case_summary (
    case_id                VARCHAR(64)  PRIMARY KEY,
    title                  VARCHAR(300) NOT NULL,
    status                 VARCHAR(32)  NOT NULL,
    respondents            TEXT         NOT NULL,
    lead_investigator_id   VARCHAR(64)  NOT NULL,
    lead_investigator_name VARCHAR(200),
    opened_at              TIMESTAMPTZ  NOT NULL
);
CREATE INDEX case_summary_opened_at ON case_summary (opened_at DESC, case_id);
