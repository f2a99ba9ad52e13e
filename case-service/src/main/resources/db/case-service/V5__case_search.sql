-- Search that finds things (issue 19): words in any order, ranked, typo-tolerant; respondents by name; sort by any
-- list column; saved searches.

-- What the projection writes beside the list columns: the staff's searchable text beyond title and summary
-- (allegations, legal bases, parties' names) and what a respondent may match (its view's allegations and legal
-- bases); the notes' words, added by the projection note by note (notes stay in case_note, and no company query
-- reads this column).
ALTER TABLE case_view
    ADD COLUMN search_text            TEXT     NOT NULL DEFAULT '',
    ADD COLUMN respondent_search_text TEXT     NOT NULL DEFAULT '',
    ADD COLUMN notes_search           tsvector NOT NULL DEFAULT '';

-- The documents each audience's words are matched against (English stemming), title first in the ranking.
ALTER TABLE case_view
    ADD COLUMN staff_search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', summary), 'B')
            || setweight(to_tsvector('english', search_text), 'C') || notes_search) STORED,
    ADD COLUMN respondent_search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A')
            || setweight(to_tsvector('english', respondent_search_text), 'B')) STORED;
CREATE INDEX case_view_staff_search ON case_view USING gin (staff_search);
CREATE INDEX case_view_respondent_search ON case_view USING gin (respondent_search);

-- Every word the cases hold, as written (not stemmed): a word of a search that no case holds is taken for a typo
-- and widened to the words most like it (trigram similarity).
CREATE TABLE case_search_word (
    word TEXT PRIMARY KEY
);
CREATE INDEX case_search_word_trigram ON case_search_word USING gin (word public.gin_trgm_ops);

-- Respondent by any part of its name.
CREATE INDEX case_party_name ON case_party USING gin (lower(name) public.gin_trgm_ops) WHERE role = 'RESPONDENT';

-- Sorting by a column walks its index, the case id breaking ties (either direction reads the index backwards).
-- The two yes/no columns have none: sorting on them sorts.
CREATE INDEX case_view_updated_sort ON case_view (updated_at, case_id);
CREATE INDEX case_view_title_sort ON case_view (title, case_id);
CREATE INDEX case_view_status_sort ON case_view (status, case_id);
CREATE INDEX case_view_priority_sort ON case_view (priority_rank, case_id);
CREATE INDEX case_view_authority_sort ON case_view (authority, case_id);
CREATE INDEX case_view_confidentiality_sort ON case_view (confidentiality, case_id);
CREATE INDEX case_view_lead_sort ON case_view (lead_investigator_name, case_id);
CREATE INDEX case_view_respondents_sort ON case_view (left(respondent_names, 200), case_id);

-- Each person's saved searches of the case list: their own, by name.
CREATE TABLE saved_search (
    search_id   VARCHAR(64)  PRIMARY KEY,
    owner_id    VARCHAR(64)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    q           VARCHAR(200),
    status      VARCHAR(32),
    authority   VARCHAR(200),
    respondent  VARCHAR(200),
    assignee    VARCHAR(64),
    priority    VARCHAR(16),
    opened_from TIMESTAMPTZ,
    opened_to   TIMESTAMPTZ,
    sort        VARCHAR(32),
    direction   VARCHAR(4),
    created_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT saved_search_owner_name UNIQUE (owner_id, name)
);

-- The views are rebuilt from the event store to fill the new columns (as V2 did): the projection's processor starts
-- again from the beginning of the stream.
TRUNCATE case_view, case_party, case_note;
DELETE FROM token_entry WHERE processor_name = 'case-views';
