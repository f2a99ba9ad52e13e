-- The case views, rebuilt from the event store: the old summary table goes, and the processor starts
-- again from the beginning of the stream (its tokens are removed) to fill the new tables.
DROP TABLE case_summary;
DELETE FROM token_entry;

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- One row per case: the columns lists filter and sort on, and the whole staff view as a JSON document.
CREATE TABLE case_view (
    case_id                   VARCHAR(64)  PRIMARY KEY,
    version                   BIGINT       NOT NULL,
    title                     VARCHAR(300) NOT NULL,
    summary                   TEXT         NOT NULL,
    authority                 VARCHAR(200) NOT NULL,
    priority                  VARCHAR(16)  NOT NULL,
    priority_rank             SMALLINT     NOT NULL,
    confidentiality           VARCHAR(16)  NOT NULL,
    status                    VARCHAR(32)  NOT NULL,
    lead_investigator_id      VARCHAR(64)  NOT NULL,
    lead_investigator_name    VARCHAR(200) NOT NULL,
    respondent_names          TEXT         NOT NULL,
    -- ' <lead id> <team ids> ': filters by assignee and restricted visibility as a row predicate, so that
    -- a newest-first page stops after a few index entries instead of hashing everyone's memberships.
    members                   TEXT         NOT NULL,
    legal_hold                BOOLEAN      NOT NULL,
    awaiting_overdue_evidence BOOLEAN      NOT NULL,
    opened_at                 TIMESTAMPTZ  NOT NULL,
    updated_at                TIMESTAMPTZ  NOT NULL,
    document                  TEXT         NOT NULL
);
CREATE INDEX case_view_opened ON case_view (opened_at DESC, case_id);
CREATE INDEX case_view_status ON case_view (status, opened_at DESC);
CREATE INDEX case_view_authority ON case_view (authority, opened_at DESC);
CREATE INDEX case_view_priority ON case_view (priority_rank DESC, opened_at DESC);
CREATE INDEX case_view_title_text ON case_view USING gin (lower(title) public.gin_trgm_ops);
CREATE INDEX case_view_summary_text ON case_view USING gin (lower(summary) public.gin_trgm_ops);

-- Respondents and complainants currently on a case (filter by respondent; what a company may see).
CREATE TABLE case_party (
    case_id            VARCHAR(64)  NOT NULL,
    role               VARCHAR(16)  NOT NULL,
    party_key          VARCHAR(128) NOT NULL,
    name               VARCHAR(200) NOT NULL,
    organisation_alias VARCHAR(64),
    PRIMARY KEY (case_id, role, party_key)
);
CREATE INDEX case_party_organisation ON case_party (organisation_alias, case_id) WHERE role = 'RESPONDENT';

-- Internal notes: a table of their own, so that no company view can ever include them by accident.
CREATE TABLE case_note (
    case_id     VARCHAR(64)  NOT NULL,
    note_id     VARCHAR(64)  NOT NULL,
    text        TEXT         NOT NULL,
    author_id   VARCHAR(64)  NOT NULL,
    author_name VARCHAR(200) NOT NULL,
    added_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (case_id, note_id)
);
