-- Named queries on Ferry's journal; each starts at a "-- name:" line (see Sql.java).

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
