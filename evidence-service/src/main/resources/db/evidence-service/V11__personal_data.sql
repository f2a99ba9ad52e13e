-- Erasure of data subjects (docs/decisions/0029-erasure-by-crypto-shredding.md) in evidence-service.

-- The data subjects of each case by name (complainants who are persons, named persons), under the ids case-service
-- seals their texts under: what a request's texts are searched for. An erased subject's row is deleted. Learnt by
-- replaying case events once, as V7 did.
CREATE TABLE known_case_subject (
    subject VARCHAR(200) PRIMARY KEY,
    case_id VARCHAR(64)  NOT NULL,
    name    TEXT         NOT NULL
);
CREATE INDEX known_case_subject_case ON known_case_subject (case_id);
DELETE FROM known_case;
DELETE FROM token_entry WHERE processor_name = 'known-cases';

-- The data subjects a request's texts name: named_subjects each between spaces (as case-service's case_note), so
-- that an erasure finds the requests to erase; text_subjects, a JSON object from each text's place in the document
-- to the subjects it names, says which texts read "[erased]" then.
ALTER TABLE request_view ADD COLUMN named_subjects TEXT NOT NULL DEFAULT ' ';
ALTER TABLE request_view ADD COLUMN text_subjects TEXT NOT NULL DEFAULT '{}';

-- The subjects whose erasure request-views has folded: a request's text naming one that arrives after the erasure
-- (its request's events are on another segment than the case's) reads erased at once.
CREATE TABLE erased_subject (
    subject VARCHAR(200) PRIMARY KEY
);
