-- Least privilege in PostgreSQL (docs/operations/database-roles.md): the roles of the suite and what each may do,
-- in the database this runs in. Idempotent: run it before the services' first start and again whenever a
-- password changes. It needs a superuser (or a role with CREATEROLE that owns the database).
--
--   psql -v ON_ERROR_STOP=1 --single-transaction -d compliance \
--        -v owner_password=... -v case_service_password=... -v evidence_service_password=... \
--        -v notification_service_password=... -v audit_service_password=... -f infra/db/roles.sql
--
-- compliance_owner            owns every schema and table and runs every migration (Flyway's own credentials).
-- compliance_event_reader     reads the event store.
-- compliance_event_appender   reads it and appends events (every service, see below).
--                             What it may insert is granted table by table in the event store's own migrations
--                             (V4__least_privilege.sql): no role but the owner may UPDATE, DELETE or TRUNCATE there.
-- compliance_snapshot_writer  stores aggregates' snapshots and removes their older ones (V6__snapshots.sql): given
--                             to the services that snapshot their aggregates (case-service), and to no other.
-- compliance_subject_eraser   destroys data subjects' keys (V8__data_subject_keys.sql, decision 29): case-service
--                             only, which erases subjects; every appender may add a key, none may change one.
-- <service>_app               one login role per service: the above, and reading and writing its own schema only.
--
-- Roles belong to the whole cluster, grants to this database. The test support runs this script for every test
-- database it creates (org.compliance.testing.TestDatabase), after taking a lock that serialises runs.

SELECT set_config('compliance.owner_password', :'owner_password', false),
       set_config('compliance.case_service_password', :'case_service_password', false),
       set_config('compliance.evidence_service_password', :'evidence_service_password', false),
       set_config('compliance.notification_service_password', :'notification_service_password', false),
       set_config('compliance.audit_service_password', :'audit_service_password', false);

DO $roles$
DECLARE
    name TEXT;
BEGIN
    -- Created if missing (without login until given a password below); a concurrent run creating one first is no failure.
    FOREACH name IN ARRAY ARRAY['compliance_event_reader', 'compliance_event_appender', 'compliance_snapshot_writer',
            'compliance_subject_eraser', 'compliance_owner',
            'case_service_app', 'evidence_service_app', 'notification_service_app', 'audit_service_app'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = name) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', name);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;

    EXECUTE format('ALTER ROLE compliance_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L',
                   current_setting('compliance.owner_password'));
    EXECUTE format('ALTER ROLE case_service_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L',
                   current_setting('compliance.case_service_password'));
    EXECUTE format('ALTER ROLE evidence_service_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L',
                   current_setting('compliance.evidence_service_password'));
    EXECUTE format('ALTER ROLE notification_service_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L',
                   current_setting('compliance.notification_service_password'));
    EXECUTE format('ALTER ROLE audit_service_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L',
                   current_setting('compliance.audit_service_password'));
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO compliance_owner, case_service_app, evidence_service_app, '
                   'notification_service_app, audit_service_app', current_database());
END $roles$;

-- notification-service and audit-service have no aggregates and could be readers only; their tests stand in for the
-- other services by appending those services' events through their own store, so for now every service appends.
GRANT compliance_event_reader TO compliance_event_appender;
GRANT compliance_event_appender TO case_service_app, evidence_service_app, notification_service_app, audit_service_app;
-- Snapshots are a cache of aggregate state (docs/decisions/0024-snapshots.md): only case-service takes them.
GRANT compliance_snapshot_writer TO case_service_app;
-- Erasing a data subject destroys their key (docs/decisions/0029-erasure-by-crypto-shredding.md): case-service only.
GRANT compliance_subject_eraser TO case_service_app;

-- Extensions the migrations use, created here since the owner has no CREATE on the database (the migrations' own
-- CREATE EXTENSION IF NOT EXISTS then finds them): pg_trgm for case-service's title search.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- The schemas, owned by the owner; a database migrated earlier by another role (e.g. the superuser) is handed over,
-- with everything in it, so that the owner's migrations can go on and the event chain's trigger runs as the owner.
CREATE SCHEMA IF NOT EXISTS event_store AUTHORIZATION compliance_owner;
CREATE SCHEMA IF NOT EXISTS case_service AUTHORIZATION compliance_owner;
CREATE SCHEMA IF NOT EXISTS evidence_service AUTHORIZATION compliance_owner;
CREATE SCHEMA IF NOT EXISTS notification_service AUTHORIZATION compliance_owner;
CREATE SCHEMA IF NOT EXISTS audit_service AUTHORIZATION compliance_owner;

DO $handover$
DECLARE
    object RECORD;
BEGIN
    FOR object IN SELECT n.nspname FROM pg_namespace n
            WHERE n.nspname IN ('event_store', 'case_service', 'evidence_service', 'notification_service', 'audit_service')
              AND n.nspowner <> 'compliance_owner'::regrole LOOP
        EXECUTE format('ALTER SCHEMA %I OWNER TO compliance_owner', object.nspname);
    END LOOP;
    -- Tables and views (a table's own sequences follow it), then sequences of their own, then functions.
    FOR object IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname IN ('event_store', 'case_service', 'evidence_service', 'notification_service', 'audit_service')
              AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
              AND c.relowner <> 'compliance_owner'::regrole
              AND NOT (c.relkind = 'S' AND EXISTS (SELECT FROM pg_depend d
                       WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')))
            ORDER BY c.relkind = 'S' LOOP
        EXECUTE format('ALTER %s %s OWNER TO compliance_owner',
                       CASE object.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                           WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, object.name);
    END LOOP;
    FOR object IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname IN ('event_store', 'case_service', 'evidence_service', 'notification_service', 'audit_service')
              AND p.proowner <> 'compliance_owner'::regrole LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO compliance_owner', object.name);
    END LOOP;
END $handover$;

-- The event store: read by every service. Tables its migrations add later are readable too, and writable by no one
-- but the owner unless a migration grants it by name.
GRANT USAGE ON SCHEMA event_store TO compliance_event_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA event_store TO compliance_event_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE compliance_owner IN SCHEMA event_store GRANT SELECT ON TABLES TO compliance_event_reader;

-- Each service's own schema: its rows, not its tables (no DDL; the owner migrates). TRUNCATE because a read-model
-- rebuild empties the service's own views. Nothing in another service's schema: no service reads another's.
DO $own$
DECLARE
    service TEXT;
BEGIN
    FOREACH service IN ARRAY ARRAY['case_service', 'evidence_service', 'notification_service', 'audit_service'] LOOP
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', service, service || '_app');
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA %I TO %I',
                       service, service || '_app');
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', service, service || '_app');
        EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE compliance_owner IN SCHEMA %I '
                       'GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO %I', service, service || '_app');
        EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE compliance_owner IN SCHEMA %I '
                       'GRANT USAGE, SELECT ON SEQUENCES TO %I', service, service || '_app');
    END LOOP;
END $own$;
