-- Data subjects' keys (docs/decisions/0029-erasure-by-crypto-shredding.md): personal data in events is sealed under
-- the keys of the people it concerns; erasing a person destroys their key, and the hash chain, which covers the
-- sealed form, still verifies. A key is added by the first event that seals something for its subject (every
-- appender may INSERT); only compliance_subject_eraser (case-service) may destroy one, and the trigger below keeps a
-- destroyed key destroyed: no role but the owner can put a key back, and the owner's restore is checked by
-- operations (docs/operations/personal-data.md).
CREATE TABLE data_subject_key (
    subject    VARCHAR(255) PRIMARY KEY,
    key        BYTEA,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    erased_at  TIMESTAMPTZ,
    CHECK ((key IS NULL) = (erased_at IS NOT NULL)),
    CHECK (key IS NULL OR octet_length(key) = 32)
);

CREATE FUNCTION data_subject_key_stays_erased() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.key IS NULL THEN
        RAISE EXCEPTION 'data subject % is erased; the key cannot come back', OLD.subject
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.key IS NOT NULL AND NEW.key IS DISTINCT FROM OLD.key THEN
        RAISE EXCEPTION 'the key of data subject % can be destroyed, not changed', OLD.subject
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER data_subject_key_stays_erased BEFORE UPDATE ON data_subject_key
    FOR EACH ROW EXECUTE FUNCTION data_subject_key_stays_erased();

GRANT INSERT ON data_subject_key TO compliance_event_appender;
GRANT INSERT, UPDATE (key, erased_at) ON data_subject_key TO compliance_subject_eraser;
