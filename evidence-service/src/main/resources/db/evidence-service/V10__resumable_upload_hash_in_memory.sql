-- Resumable uploads keep their SHA-256 in memory between PATCHes where the blob store can read back the bytes it
-- holds (the file system): the JDK's digest, some seven times faster than Bouncy Castle's but without a state to save,
-- rebuilt from those bytes when an instance has none (decision 26, amended). Only an S3 store, which cannot read back
-- the parts of a multipart upload under way, still saves the state: sha256_state is null for the other uploads.
ALTER TABLE resumable_upload ALTER COLUMN sha256_state DROP NOT NULL;
