-- Snapshots (docs/decisions/0024-snapshots.md, amending 0015): a service that snapshots its aggregates may write
-- snapshot_event_entry, and no more than Axon's snapshotter needs: INSERT the new snapshot and DELETE the older ones
-- of the same aggregate (reading comes with compliance_event_reader). infra/db/roles.sql gives
-- compliance_snapshot_writer to case-service only. No right on domain_event_entry or event_chain changes. A snapshot
-- is a cache, not part of the hash chain: the audit replays events only and can tell a snapshot that disagrees with
-- them, and deleting every snapshot loses nothing.
GRANT INSERT, DELETE ON snapshot_event_entry TO compliance_snapshot_writer;
