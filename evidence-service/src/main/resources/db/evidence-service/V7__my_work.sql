-- "My work" (issue 19): whose cases each request belongs to, and which requests wait for the regulator.

-- The lead and the team of each case, as case-service's events name them, so that a member of staff's requests
-- are found here. Rebuilt from the stream once, so that the cases known before learn them.
ALTER TABLE known_case ADD COLUMN lead_investigator_id VARCHAR(64);
-- ' <id> <id> ': team members' user ids, each between spaces (as case-service's members column).
ALTER TABLE known_case ADD COLUMN team TEXT NOT NULL DEFAULT ' ';
DELETE FROM known_case;
DELETE FROM token_entry WHERE processor_name = 'known-cases';

-- What waits for the regulator: a submission to review, an extension request to decide. Taken from the documents
-- the view already holds, so request-views need not replay.
ALTER TABLE request_view ADD COLUMN awaiting_review BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE request_view ADD COLUMN extension_pending BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE request_view SET
    awaiting_review = COALESCE((document::jsonb ->> 'awaitingReview')::boolean, FALSE),
    extension_pending = EXISTS (SELECT 1 FROM jsonb_array_elements(COALESCE(document::jsonb -> 'extensions', '[]'))
                                AS e WHERE e ->> 'outcome' = 'PENDING');
CREATE INDEX request_view_open_case ON request_view (case_id, due_at) WHERE status = 'OPEN';
CREATE INDEX request_view_extension_pending ON request_view (due_at) WHERE status = 'OPEN' AND extension_pending;
