-- Names, not ids, on every page: each known case keeps the names of its respondents as the case named them (a JSON
-- object from alias to name; a withdrawn respondent keeps its name, for the requests it was sent). Rebuilt from the
-- stream once, as V4 and V7 did, so that the cases known before learn their respondents' names.
ALTER TABLE known_case ADD COLUMN respondent_names TEXT NOT NULL DEFAULT '{}';
DELETE FROM known_case;
DELETE FROM token_entry WHERE processor_name = 'known-cases';
