-- Processors are woken when events are appended, whoever appends them (docs/decisions/0022-waking-processors.md):
-- every statement that inserts events notifies the channel event_store_appended. PostgreSQL delivers a notification
-- only when its transaction commits (never for a rolled-back insert), and once per transaction however many
-- statements sent the same one, so a batch of appends costs one notification. Each instance of each service
-- listens on its own connection (org.compliance.platform.axon.AppendListener) and polls besides, so nothing
-- depends on a notification arriving.
CREATE FUNCTION event_store_appended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('event_store_appended', '');
    RETURN NULL;
END $$;

CREATE TRIGGER event_store_appended AFTER INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION event_store_appended();
