-- What evidence-service keeps of each case's opening: its authority (whose rules say how a request's period is
-- counted, issue 18) and its title (what a formal notice names the case by).
ALTER TABLE known_case ADD COLUMN authority TEXT NOT NULL DEFAULT '';
ALTER TABLE known_case ADD COLUMN title TEXT;
-- Rebuild the known cases from the stream once, so that the cases known before learn both.
DELETE FROM known_case;
DELETE FROM token_entry WHERE processor_name = 'known-cases';
