CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- evidence-service's own view of cases, learnt from the event stream, so that it can refuse a request
-- for a case that does not exist or is closed.
CREATE TABLE known_case (
    case_id     VARCHAR(64) PRIMARY KEY,
    status      VARCHAR(32) NOT NULL,
    respondents TEXT        NOT NULL,
    opened_at   TIMESTAMPTZ NOT NULL
);
