-- The authority that runs each case: its rules say how a request's period is counted (issue 18).
ALTER TABLE known_case ADD COLUMN authority TEXT NOT NULL DEFAULT '';
-- Rebuild the known cases from the stream once, so that the cases known before learn their authority.
DELETE FROM known_case;
DELETE FROM token_entry WHERE processor_name = 'known-cases';
