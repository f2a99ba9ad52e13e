# What infra/ops/backup and infra/ops/restore share (sourced, not run): the PostgreSQL client tools, progress lines,
# the manifest's format, and the queries whose answers must be equal before and after a restore.
# The runbook: docs/operations/backup-restore.md.

MANIFEST_FORMAT="compliance-backup/1"
# The schemas infra/db/roles.sql creates (owned by compliance_owner); a restore finds them there already.
SUITE_SCHEMAS="event_store case_service evidence_service notification_service audit_service"

say() { printf '%s [%s] %s\n' "$(date -u +%H:%M:%S)" "$script" "$*" >&2; }
fail() { printf '%s: %s\n' "$script" "$*" >&2; exit 1; }

# The client tools: PG_BIN when given, else the newest of the machine's PostgreSQL installations, else the PATH.
# pg_dump must be at least as new as the server it dumps, and pg_restore as new as the pg_dump that wrote the file.
find_pg_tools() {
  local bin="${PG_BIN:-}"
  if [ -z "$bin" ]; then
    bin="$(ls -d /usr/lib/postgresql/*/bin /usr/pgsql-*/bin 2>/dev/null | sort -V | tail -1 || true)"
    [ -n "$bin" ] && [ -x "$bin/pg_dump" ] || bin="$(dirname "$(command -v pg_dump || echo /nonexistent/pg_dump)")"
  fi
  for tool in psql pg_dump pg_restore; do
    [ -x "$bin/$tool" ] || fail "no $tool in ${bin:-the PATH}: install PostgreSQL's client tools or set PG_BIN"
  done
  PSQL="$bin/psql"; PG_DUMP="$bin/pg_dump"; PG_RESTORE="$bin/pg_restore"
}

# psql on a database, quiet, unaligned, stopping at the first error.
sql() {
  local database="$1"; shift
  PGOPTIONS='-c client_min_messages=warning' "$PSQL" -X -q -A -t -v ON_ERROR_STOP=1 -d "$database" "$@"
}

# The major version of a client tool (e.g. 15) and of the server (server_version_num / 10000).
tool_major() { "$1" --version | sed -n 's/.* \([0-9][0-9]*\)\..*/\1/p' | head -1; }

# One line "schema.table<TAB>rows" per table of every non-system schema, in name order. Run in the backup's snapshot
# and again in the restored database: the two lists must be equal, line for line.
COUNT_TABLES_SQL="
SELECT coalesce(string_agg(format('SELECT %L || chr(9) || count(*) FROM %I.%I', n.nspname || '.' || c.relname,
                                  n.nspname, c.relname), ' UNION ALL ' ORDER BY n.nspname, c.relname)
                || ' ORDER BY 1', 'SELECT NULL WHERE false')
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'
  AND NOT c.relispartition
\\gexec"

# Events and aggregates in the event store, as the auditor's whole-store verification counts them.
EVENT_COUNTS_SQL="SELECT 'events' || chr(9) || count(*) || chr(10) || 'aggregates' || chr(9)
                         || count(DISTINCT aggregate_identifier) FROM event_store.domain_event_entry;"

# Every blob the database names: the SHA-256 of each evidence file and formal notice in the evidence events
# (fields 'sha256' and 'blob' at any depth of the payload), and of every upload not yet submitted.
REFERENCED_BLOBS_SQL="
SELECT DISTINCT hash FROM (
    SELECT jsonb_path_query(convert_from(payload, 'UTF8')::jsonb, 'lax \$.**.sha256') #>> '{}' AS hash
      FROM event_store.domain_event_entry WHERE payload_type LIKE 'org.compliance.api.evidence.%'
    UNION ALL
    SELECT jsonb_path_query(convert_from(payload, 'UTF8')::jsonb, 'lax \$.**.blob') #>> '{}'
      FROM event_store.domain_event_entry WHERE payload_type LIKE 'org.compliance.api.evidence.%'
    UNION ALL
    SELECT sha256 FROM evidence_service.upload
) named WHERE hash IS NOT NULL ORDER BY 1;"

# A blob's place in the file-system blob store (evidence-service's FileSystemBlobStore): <root>/ab/cd/<sha256>.
blob_path() { printf '%s/%s/%s/%s' "$1" "${2:0:2}" "${2:2:2}" "$2"; }

# The blob files under a root, as "<bytes> <relative path>" lines; temporary uploads (incoming/) are not blobs.
list_blob_files() {
  [ -d "$1" ] || return 0
  find "$1" -mindepth 3 -maxdepth 3 -type f -regextype posix-extended \
    -regex '.*/[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}' -printf '%s %P\n' | LC_ALL=C sort -k2
}

# Recomputes the SHA-256 of every blob file listed ("<bytes> <relative path>" lines on stdin) under a root and fails
# at the first whose content does not match its name; a progress line every 1,000 files.
verify_blob_files() {
  local root="$1" total="$2" checked=0 hash path
  (cd "$root" && cut -d' ' -f2- | tr '\n' '\0' | xargs -0 -r sha256sum) | while read -r hash path; do
    [ "$hash" = "$(basename "$path")" ] || fail "blob $path does not match its name: its content hashes to $hash"
    checked=$((checked + 1))
    if [ $((checked % 1000)) = 0 ]; then say "  checked $checked of $total blobs"; fi
  done
}

# Copies blob files (listed on stdin as "<bytes> <relative path>") from one root to another, keeping their layout and
# their read-only mode; a progress line about every 500 MB (tar's checkpoints count 10 KiB records).
copy_blob_files() {
  local from="$1" to="$2"
  mkdir -p "$to"
  cut -d' ' -f2- | tr '\n' '\0' | tar -C "$from" --null -T - -cf - \
    | tar -C "$to" -xpf - --checkpoint=50000 --checkpoint-action="echo=[$script] copied %{}T"
}

# The blobs under legal hold in a restored database: those of every case the evidence-legal-holds policy holds.
HELD_BLOBS_SQL="
SELECT DISTINCT b.sha256 FROM evidence_service.legal_hold_blob b
  JOIN evidence_service.legal_hold_case c ON c.case_id = b.case_id
 WHERE c.held ORDER BY 1;"

# The S3 step's tool (the ops module: org.compliance.ops.S3Blobs) on a JDK from infra/local/jdk, built when missing;
# it reads the bucket from evidence-service's variables (EVIDENCE_S3_*). Sets S3_BLOBS to the command.
find_s3_tool() {
  local root java_home classpath
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  java_home="$("$root/infra/local/jdk")" || fail "no JDK 21 for the S3 copy tool"
  [ -n "${EVIDENCE_S3_BUCKET:-}" ] || fail "EVIDENCE_S3_BUCKET is not set: the S3 store's bucket, as evidence-service has it"
  if [ ! -f "$root/ops/target/classpath.txt" ] || [ ! -d "$root/ops/target/classes/org" ]; then
    say "building the S3 copy tool (ops module; once)"
    (cd "$root" && JAVA_HOME="$java_home" ./mvnw -B -ntp -q -pl ops -am package -DskipTests) >&2 \
      || fail "could not build the ops module"
  fi
  classpath="$root/ops/target/classes:$(cat "$root/ops/target/classpath.txt")"
  S3_BLOBS=("$java_home/bin/java" -Dslf4j.internal.verbosity=ERROR -cp "$classpath" org.compliance.ops.S3Blobs)
}

# Where the S3 store keeps the blobs, for the manifest and the messages.
s3_location() { printf 's3://%s/%s' "$EVIDENCE_S3_BUCKET" "${EVIDENCE_S3_KEY_PREFIX:-${COMPLIANCE_EVIDENCE_S3_KEY_PREFIX:-}}"; }
