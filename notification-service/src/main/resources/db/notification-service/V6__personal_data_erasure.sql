-- Erasure (decision 29): the data subjects of each case as the events name them (a complainant who is a person, a
-- person the case names), kept so that their erasure can find the notices, e-mails and webhook payloads whose texts
-- name them. The row goes when the subject is erased: no clear name is kept past the erasure.
CREATE TABLE data_subject (
    data_subject VARCHAR(255) PRIMARY KEY,
    case_id      VARCHAR(64)  NOT NULL,
    person_id    VARCHAR(64)  NOT NULL,
    name         TEXT         NOT NULL
);
CREATE INDEX data_subject_by_case ON data_subject (case_id);

-- A webhook delivery's case, so that an erasure finds its payloads (taken from the payloads written before).
ALTER TABLE webhook_delivery ADD COLUMN case_id VARCHAR(64);
UPDATE webhook_delivery SET case_id = COALESCE(payload::jsonb -> 'data' ->> 'caseId', '-');
ALTER TABLE webhook_delivery ALTER COLUMN case_id SET NOT NULL;

-- The digest a held e-mail went out in: a digest lists the subjects of several cases' notices, and an erasure in one
-- of them must find it. Digests sent before this column existed are found by their recipient.
ALTER TABLE email_delivery ADD COLUMN digested_into UUID;

CREATE INDEX inbox_notification_by_case ON inbox_notification (case_id);
CREATE INDEX email_delivery_by_case ON email_delivery (case_id);
CREATE INDEX webhook_delivery_by_case ON webhook_delivery (case_id);
