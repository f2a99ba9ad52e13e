-- Appends are announced after their commit, by the appending process on a connection of its own
-- (org.compliance.platform.axon.AppendAnnouncer, docs/decisions/0022-waking-processors.md), no longer by a trigger
-- inside the appending transaction: PostgreSQL holds one lock for the whole database from a transaction's NOTIFY until
-- its commit is flushed, so the trigger made every append of every service commit one after the other (raw single-row
-- inserts: about 6,500 commits per second without the trigger, 1,100-1,400 with it, 16 clients on 2 cores).
DROP TRIGGER event_store_appended ON domain_event_entry;
DROP FUNCTION event_store_appended();
