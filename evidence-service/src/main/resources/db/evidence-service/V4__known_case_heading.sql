-- What a formal notice names the case by: its title and authority (null for a case whose CaseOpened was folded in
-- before these columns existed, until the replay below fills them).
ALTER TABLE known_case ADD COLUMN title TEXT;
ALTER TABLE known_case ADD COLUMN authority TEXT;
DELETE FROM token_entry WHERE processor_name = 'known-cases';
