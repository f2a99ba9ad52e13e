-- Least privilege (infra/db/roles.sql, docs/decisions/0015-least-privilege-database-roles.md): the services append
-- events and read the store; no role but the owner, who runs these migrations, may UPDATE, DELETE or TRUNCATE here.
-- Reading is granted to compliance_event_reader for every table of the schema by default; writing is named here,
-- table by table. Snapshots are not used (no aggregate has a snapshot trigger): no service may write one, since a
-- forged snapshot would become an aggregate's state. Enabling snapshots needs INSERT and DELETE on
-- snapshot_event_entry (Axon deletes the older ones) for compliance_event_appender.
GRANT INSERT ON domain_event_entry TO compliance_event_appender;
GRANT USAGE ON SEQUENCE domain_event_entry_global_index_seq TO compliance_event_appender;

-- The chain is written by its trigger only, as the owner: the inserting service needs no right on event_chain but
-- SELECT. The function's search path is pinned to this schema, with pg_temp last, so that a table of the
-- caller's cannot stand in for event_chain.
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION event_chain_link() SECURITY DEFINER SET search_path = %I, pg_temp', current_schema());
END $$;
REVOKE ALL ON FUNCTION event_chain_link() FROM PUBLIC;
