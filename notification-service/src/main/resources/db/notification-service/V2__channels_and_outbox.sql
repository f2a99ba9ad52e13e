-- What notification-service knows of cases and requests, to resolve "the team", "the parties", "the
-- request's respondent". Kept by the same processor, before any notice of the same event is decided.
CREATE TABLE case_roster (
    case_id  VARCHAR(64)  NOT NULL,
    user_id  VARCHAR(255) NOT NULL,
    role     VARCHAR(16)  NOT NULL CHECK (role IN ('LEAD', 'MEMBER')),
    PRIMARY KEY (case_id, user_id)
);
CREATE TABLE case_party (
    case_id            VARCHAR(64)  NOT NULL,
    organisation_alias VARCHAR(255) NOT NULL,
    role               VARCHAR(16)  NOT NULL CHECK (role IN ('RESPONDENT', 'COMPLAINANT')),
    PRIMARY KEY (case_id, organisation_alias, role)
);
CREATE TABLE request_roster (
    request_id         VARCHAR(64)  PRIMARY KEY,
    case_id            VARCHAR(64)  NOT NULL,
    organisation_alias VARCHAR(255) NOT NULL
);

ALTER TABLE inbox_notification
    ADD COLUMN urgency    VARCHAR(16) NOT NULL DEFAULT 'NORMAL',
    ADD COLUMN request_id VARCHAR(64),
    ADD COLUMN link       TEXT;

-- A live inbox: every committed notice is announced to listening instances (delivered only on commit); the
-- payload (at most 8000 bytes) carries the notice with its body cut at 4000 characters.
CREATE FUNCTION announce_inbox_notification() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('inbox_notification', json_build_object(
        'id', NEW.id, 'recipientId', NEW.recipient_id, 'kind', NEW.kind, 'urgency', NEW.urgency,
        'caseId', NEW.case_id, 'requestId', NEW.request_id, 'subject', left(NEW.subject, 1000),
        'body', left(NEW.body, 4000), 'link', NEW.link,
        'createdAt', to_char(NEW.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text);
    RETURN NEW;
END $$;
CREATE TRIGGER inbox_notification_announced AFTER INSERT ON inbox_notification
    FOR EACH ROW EXECUTE FUNCTION announce_inbox_notification();

-- The e-mail outbox: written in the processor's transaction, sent by the delivery worker. At most once per
-- (event, recipient, kind): a row claimed for sending (SENDING) whose sender died is marked UNKNOWN and only
-- an operator's redelivery sends it again.
CREATE TABLE email_delivery (
    id              UUID         PRIMARY KEY,
    event_id        VARCHAR(255) NOT NULL,
    recipient_id    VARCHAR(255) NOT NULL,
    address         VARCHAR(320) NOT NULL,
    kind            VARCHAR(64)  NOT NULL,
    case_id         VARCHAR(64)  NOT NULL,
    subject         TEXT         NOT NULL,
    text_body       TEXT         NOT NULL,
    html_body       TEXT         NOT NULL,
    link            TEXT         NOT NULL,
    status          VARCHAR(16)  NOT NULL
                    CHECK (status IN ('PENDING', 'DIGEST', 'SENDING', 'SENT', 'FAILED', 'DEAD', 'UNKNOWN', 'DIGESTED')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    claimed_at      TIMESTAMPTZ,
    last_error      TEXT,
    created_at      TIMESTAMPTZ  NOT NULL,
    sent_at         TIMESTAMPTZ,
    CONSTRAINT email_delivery_once UNIQUE (event_id, recipient_id, kind)
);
CREATE INDEX email_delivery_due ON email_delivery (next_attempt_at) WHERE status IN ('PENDING', 'FAILED');
CREATE INDEX email_delivery_digest ON email_delivery (recipient_id) WHERE status = 'DIGEST';

CREATE TABLE webhook_subscription (
    id                 UUID         PRIMARY KEY,
    organisation_alias VARCHAR(255) NOT NULL,
    url                TEXT         NOT NULL,
    secret             VARCHAR(128) NOT NULL,
    created_by         VARCHAR(255) NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    active             BOOLEAN      NOT NULL DEFAULT TRUE
);
CREATE INDEX webhook_subscription_by_organisation ON webhook_subscription (organisation_alias) WHERE active;

-- The webhook outbox: one delivery per (event, subscription); its id is the stable delivery id receivers use
-- to recognise a retry.
CREATE TABLE webhook_delivery (
    id              UUID         PRIMARY KEY,
    subscription_id UUID         NOT NULL REFERENCES webhook_subscription (id),
    event_id        VARCHAR(255) NOT NULL,
    type            VARCHAR(64)  NOT NULL,
    payload         TEXT         NOT NULL,
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'DEAD')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    claimed_at      TIMESTAMPTZ,
    last_error      TEXT,
    last_status     INTEGER,
    created_at      TIMESTAMPTZ  NOT NULL,
    delivered_at    TIMESTAMPTZ,
    CONSTRAINT webhook_delivery_once UNIQUE (event_id, subscription_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status IN ('PENDING', 'FAILED');

-- A person's choices: a channel off for a kind of notice (legal notices ignore it), and the daily digest.
CREATE TABLE channel_preference (
    user_id VARCHAR(255) NOT NULL,
    kind    VARCHAR(64)  NOT NULL,
    channel VARCHAR(16)  NOT NULL CHECK (channel IN ('INBOX', 'EMAIL')),
    enabled BOOLEAN      NOT NULL,
    PRIMARY KEY (user_id, kind, channel)
);
CREATE TABLE digest_preference (
    user_id      VARCHAR(255) PRIMARY KEY,
    daily_digest BOOLEAN      NOT NULL
);
