-- The item of its request an uploaded file answers (its number, from 1), as the company chose it on upload; null when
-- it named none (and for uploads made before files named their item). It goes into the submission's event.
ALTER TABLE upload ADD COLUMN item INTEGER;
