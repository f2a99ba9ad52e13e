-- Tamper evidence: every stored event gets a SHA-256 hash chained to the previous event of the same
-- aggregate, computed by the database as the row is inserted, whoever inserts it. An event edited or deleted
-- afterwards no longer matches its hash or leaves a gap in its chain; the verifiers (the audit API and the
-- offline verifier) recompute the same function.
--
-- hash = SHA-256 of the concatenation, each field prefixed with its length as a 4-byte big-endian integer:
--   event_identifier, type (aggregate type), aggregate_identifier, sequence_number (decimal text),
--   time_stamp, payload_type, payload_revision ('' when null), payload (stored bytes),
--   meta_data (stored bytes; empty when null), previous hash (32 bytes; empty for sequence number 0)
-- Text fields are UTF-8.
CREATE TABLE event_chain (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    hash                 BYTEA        NOT NULL,
    previous_hash        BYTEA,
    PRIMARY KEY (aggregate_identifier, sequence_number)
);

CREATE FUNCTION event_chain_field(value BYTEA) RETURNS BYTEA LANGUAGE sql IMMUTABLE
    SET search_path FROM CURRENT AS $$
    SELECT int4send(octet_length(value)) || value
$$;

CREATE FUNCTION event_chain_hash(e domain_event_entry, previous BYTEA) RETURNS BYTEA LANGUAGE sql IMMUTABLE
    SET search_path FROM CURRENT AS $$
    SELECT sha256(
        event_chain_field(convert_to(e.event_identifier, 'UTF8'))
        || event_chain_field(convert_to(coalesce(e.type, ''), 'UTF8'))
        || event_chain_field(convert_to(e.aggregate_identifier, 'UTF8'))
        || event_chain_field(convert_to(e.sequence_number::text, 'UTF8'))
        || event_chain_field(convert_to(e.time_stamp, 'UTF8'))
        || event_chain_field(convert_to(e.payload_type, 'UTF8'))
        || event_chain_field(convert_to(coalesce(e.payload_revision, ''), 'UTF8'))
        || event_chain_field(e.payload)
        || event_chain_field(coalesce(e.meta_data, ''::bytea))
        || event_chain_field(coalesce(previous, ''::bytea)))
$$;

-- SET search_path FROM CURRENT: the functions find this schema's tables whatever the inserting session's path.
CREATE FUNCTION event_chain_link() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
DECLARE
    previous BYTEA;
BEGIN
    IF NEW.sequence_number > 0 THEN
        SELECT c.hash INTO previous FROM event_chain c
        WHERE c.aggregate_identifier = NEW.aggregate_identifier AND c.sequence_number = NEW.sequence_number - 1;
    END IF;
    INSERT INTO event_chain (aggregate_identifier, sequence_number, event_identifier, hash, previous_hash)
    VALUES (NEW.aggregate_identifier, NEW.sequence_number, NEW.event_identifier,
            event_chain_hash(NEW, previous), previous);
    RETURN NULL;
END $$;

-- Events stored before this migration are chained now, in order.
DO $$
DECLARE
    e domain_event_entry;
    previous BYTEA;
BEGIN
    FOR e IN SELECT * FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number LOOP
        SELECT c.hash INTO previous FROM event_chain c
        WHERE c.aggregate_identifier = e.aggregate_identifier AND c.sequence_number = e.sequence_number - 1;
        INSERT INTO event_chain VALUES (e.aggregate_identifier, e.sequence_number, e.event_identifier,
                                        event_chain_hash(e, previous), previous);
    END LOOP;
END $$;

CREATE TRIGGER event_chain_linked AFTER INSERT ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION event_chain_link();
