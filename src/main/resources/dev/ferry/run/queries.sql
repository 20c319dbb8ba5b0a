-- The run package's named queries: on Ferry's journal, and what a run asks the server before and after it
-- writes. Each starts at a "-- name:" line (see Sql.java).

-- name: runs
SELECT r.run_id, r.started, r.finished, r.source_path, r.source_fingerprint, r.target_schema, r.status,
       r.created_schema, r.plan_digest,
       (SELECT coalesce(sum(p.rows_committed), 0) FROM ferry_journal.progress p WHERE p.run_id = r.run_id) AS rows_committed
FROM ferry_journal.runs r
WHERE (r.target_schema = ? OR ? IS NULL) AND (r.run_id = ?::uuid OR ? IS NULL)
ORDER BY r.started DESC

-- name: insert-run
INSERT INTO ferry_journal.runs (run_id, source_path, source_size, source_mtime, source_fingerprint, target_schema,
                                status, created_schema, plan_digest, ferry_version)
VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?, ?)

-- name: progress
-- Runs once per committed chunk, inside the chunk's own transaction.
UPDATE ferry_journal.progress SET last_rowid = ?, rows_committed = ?, done = ?
WHERE run_id = ? AND table_name = ? AND part = ?

-- name: parts
SELECT table_name, part, range_from, range_to, last_rowid, rows_committed, done
FROM ferry_journal.progress WHERE run_id = ?

-- name: forget-objects
-- A table replaced by a later run is that run's now: undoing the earlier run must not drop it.
DELETE FROM ferry_journal.objects o USING ferry_journal.runs r
WHERE o.run_id = r.run_id AND r.target_schema = ? AND o.run_id <> ? AND o.kind IN ('table', 'view') AND o.name = ANY (?)

-- name: relations
-- The run's tables and views as they are now: relkind 'r' table, 'v' view.
SELECT c.relname, c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ? AND c.relname = ANY (?)

-- name: made-on-tables
-- Keys, checks and indexes an earlier attempt of a resumed run already built on the run's own tables.
SELECT con.conname AS name, t.relname AS on_table, con.contype::text AS kind
FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE n.nspname = ? AND t.relname = ANY (?) AND con.contype IN ('f', 'p', 'u', 'c')
UNION ALL
SELECT i.relname, t.relname, 'i'
FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE n.nspname = ? AND t.relname = ANY (?)

-- name: journal-current
-- The journal has every table this Ferry writes to, and its objects take every kind this Ferry records.
SELECT to_regclass('ferry_journal.existing') IS NOT NULL AND to_regclass('ferry_journal.loads') IS NOT NULL
   AND to_regclass('ferry_journal.verified') IS NOT NULL AND to_regclass('ferry_journal.plans') IS NOT NULL
   AND to_regclass('ferry_journal.mark_parts') IS NOT NULL AND EXISTS (
    SELECT 1 FROM pg_constraint
    WHERE conrelid = to_regclass('ferry_journal.objects') AND conname = 'objects_kind_check'
      AND pg_get_constraintdef(oid) LIKE '%''type''%')

-- name: insert-object
INSERT INTO ferry_journal.objects (run_id, kind, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING

-- name: objects
SELECT name FROM ferry_journal.objects WHERE run_id = ? AND kind = ? ORDER BY name

-- name: insert-existing
INSERT INTO ferry_journal.existing (run_id, table_name, policy, rows_before, checksum_before) VALUES (?, ?, ?, ?, ?)

-- name: existing
SELECT table_name, policy, rows_before, checksum_before FROM ferry_journal.existing WHERE run_id = ?

-- name: insert-plan
INSERT INTO ferry_journal.plans (run_id, decisions) VALUES (?, ?)
ON CONFLICT (run_id) DO UPDATE SET decisions = EXCLUDED.decisions

-- name: plan
SELECT decisions FROM ferry_journal.plans WHERE run_id = ?

-- name: insert-verified
INSERT INTO ferry_journal.verified (run_id, table_name, rows_after, checksum_after) VALUES (?, ?, ?, ?)
ON CONFLICT (run_id, table_name) DO UPDATE SET rows_after = EXCLUDED.rows_after, checksum_after = EXCLUDED.checksum_after

-- name: verified
SELECT table_name, rows_after, checksum_after FROM ferry_journal.verified WHERE run_id = ?

-- name: mark-run
UPDATE ferry_journal.runs SET status = ?, finished = CASE WHEN ? THEN now() END WHERE run_id = ?

-- name: may-create
-- Before a run: may the user create in the database, in the schema (null when it does not exist yet), and is
-- Ferry's journal there already?
SELECT has_database_privilege(current_database(), 'CREATE'),
       (SELECT has_schema_privilege(n.oid, 'CREATE') FROM pg_namespace n WHERE n.nspname = ?),
       EXISTS (SELECT FROM pg_namespace WHERE nspname = ?)

-- name: move-sequence
-- A template (see SqlResources.fill): a table that existed before the run counts its ids with its own
-- serial or identity, if any; it is moved past the highest id now in the table.
SELECT setval(s, m)
FROM (SELECT pg_get_serial_sequence(?, ?) AS s, (SELECT max({id}) FROM {table}) AS m) x
WHERE s IS NOT NULL AND m IS NOT NULL

-- name: function-source
-- The source of a schema's function of that name without arguments (an earlier attempt of a run may have made it).
SELECT p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = ? AND p.proname = ? AND p.pronargs = 0

-- name: citext-schema
-- Where the citext extension is installed in this database, if it is.
SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'citext'

-- name: insert-load
-- The chunk's transaction, as the 32-bit id its rows carry in xmin (see ferry_journal.loads).
INSERT INTO ferry_journal.loads (run_id, table_name, xid) VALUES (?, ?, txid_current() % 4294967296) ON CONFLICT DO NOTHING

-- name: delete-loaded
-- A template (see SqlResources.fill): the rows one run's chunks wrote into a table it did not create.
DELETE FROM {table} WHERE xmin::text::bigint IN (SELECT xid FROM ferry_journal.loads WHERE run_id = ? AND table_name = ?)

-- name: pgvector
-- A row when this server can have pgvector; the schema it is installed in, NULL when only available.
SELECT a.name, n.nspname
FROM pg_available_extensions a
LEFT JOIN pg_extension e ON e.extname = a.name
LEFT JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE a.name = 'vector'

-- name: type-named
-- A type of this name in the schema (a table's row type too): its kind ('e' for an enum) and an enum's labels in order.
SELECT t.typtype, ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = ? AND t.typname = ?

-- name: insert-mark-part
INSERT INTO ferry_journal.mark_parts (marks_id, run_id, part, marks) VALUES (?, ?, ?, ?)

-- name: mark-parts
SELECT marks FROM ferry_journal.mark_parts WHERE marks_id = ? ORDER BY part

-- name: marks
SELECT table_name, marks_id, rows_after, checksum_after, since_xmax, since_running, writers
FROM ferry_journal.marks WHERE run_id = ?

-- name: upsert-marks
INSERT INTO ferry_journal.marks (run_id, table_name, marks_id, rows_after, checksum_after, since_xmax, since_running, writers)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (run_id, table_name) DO UPDATE SET marks_id = EXCLUDED.marks_id, rows_after = EXCLUDED.rows_after,
    checksum_after = EXCLUDED.checksum_after, since_xmax = EXCLUDED.since_xmax, since_running = EXCLUDED.since_running,
    writers = EXCLUDED.writers

-- name: delete-marks
DELETE FROM ferry_journal.marks WHERE run_id = ? AND table_name = ?

-- name: unused-mark-parts
-- Parts no table's marks name any more: those replaced by a later sync's, of tables not verified, of a try cut short.
DELETE FROM ferry_journal.mark_parts p WHERE p.run_id = ?
  AND NOT EXISTS (SELECT 1 FROM ferry_journal.marks m WHERE m.marks_id = p.marks_id)

-- name: snapshot-now
-- What PostgreSQL's next read sees: the first transaction id it does not, and those still running (as xmin shows ids, 32 bits).
SELECT txid_snapshot_xmax(s) % 4294967296, ARRAY(SELECT x % 4294967296 FROM txid_snapshot_xip(s) AS x)
FROM txid_current_snapshot() AS s

-- name: still-ferrys
-- A template: the table's rows, and those written by a transaction the snapshot taken before verify
-- read it did not see (newer than its first unseen id, or running then) and that no sync of Ferry's
-- was; and whether that snapshot is still near enough for age() to compare ids (under 2^31 apart).
SELECT count(*), count(*) FILTER (WHERE (age(xmin) <= age(?::text::xid) OR xmin::text::bigint = ANY (?))
                                        AND xmin::text::bigint <> ALL (?)),
       age(?::text::xid) < 1000000000
FROM {table}
