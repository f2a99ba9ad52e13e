CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- The in-app inbox. A notice is written in the event processor's transaction, together with its token,
-- and (event, recipient, kind) is unique: a replayed or redelivered event can never notify anyone twice.
CREATE TABLE inbox_notification (
    id           UUID         PRIMARY KEY,
    event_id     VARCHAR(255) NOT NULL,
    recipient_id VARCHAR(255) NOT NULL,
    kind         VARCHAR(64)  NOT NULL,
    case_id      VARCHAR(64)  NOT NULL,
    subject      TEXT         NOT NULL,
    body         TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    read_at      TIMESTAMPTZ,
    CONSTRAINT inbox_notification_once UNIQUE (event_id, recipient_id, kind)
);

CREATE INDEX inbox_notification_by_recipient ON inbox_notification (recipient_id, created_at DESC);
