-- Erasure of data subjects (docs/decisions/0029-erasure-by-crypto-shredding.md): the data subjects a note names,
-- each between spaces like case_view.members, so that erasing one erases the notes that name them.
ALTER TABLE case_note ADD COLUMN named_subjects TEXT NOT NULL DEFAULT ' ';
