-- Ferry's journal, kept in the target so that each copied chunk and the note of how far the copy
-- got commit in one transaction: a resume then copies nothing twice and misses nothing.
-- It never holds a password or the server's address. Safe to drop when no run needs resuming or undoing.

CREATE TABLE IF NOT EXISTS ferry_journal.runs (
    run_id             uuid PRIMARY KEY,
    started            timestamptz NOT NULL DEFAULT now(),
    finished           timestamptz,
    source_path        text NOT NULL,
    source_size        bigint NOT NULL,
    source_mtime       timestamptz NOT NULL,
    -- size, modification time, SQLite change counter and page count (and the -wal file's, if any):
    -- a resume refuses when any differ, since rowids could then point to other rows
    source_fingerprint text NOT NULL,
    target_schema      text NOT NULL,
    status             text NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'failed', 'undone')),
    created_schema     boolean NOT NULL,
    -- hash of the run's DDL: a resume with other names or types would write into the wrong tables
    plan_digest        text NOT NULL,
    ferry_version      text
);

CREATE TABLE IF NOT EXISTS ferry_journal.objects (
    run_id uuid NOT NULL REFERENCES ferry_journal.runs ON DELETE CASCADE,
    kind   text NOT NULL CHECK (kind IN ('table', 'view', 'schema', 'function', 'collation', 'type')),
    name   text NOT NULL,
    PRIMARY KEY (run_id, kind, name)
);

-- One row per copied part of a table (the whole table, or a rowid range of a large one).
CREATE TABLE IF NOT EXISTS ferry_journal.progress (
    run_id         uuid NOT NULL REFERENCES ferry_journal.runs ON DELETE CASCADE,
    table_name     text NOT NULL,
    part           text NOT NULL,
    range_from     bigint,
    range_to       bigint,
    last_rowid     bigint,
    rows_committed bigint NOT NULL DEFAULT 0,
    done           boolean NOT NULL DEFAULT false,
    PRIMARY KEY (run_id, table_name, part)
);

-- Tables that were there before a run (--if-exists append or truncate) and took its rows: never the
-- run's to drop. rows_before and checksum_before let verification compare only what the run added.
CREATE TABLE IF NOT EXISTS ferry_journal.existing (
    run_id          uuid NOT NULL REFERENCES ferry_journal.runs ON DELETE CASCADE,
    table_name      text NOT NULL,
    policy          text NOT NULL CHECK (policy IN ('append', 'truncate')),
    rows_before     bigint NOT NULL,
    checksum_before bigint NOT NULL,
    PRIMARY KEY (run_id, table_name)
);

-- What each table a run created held once the run had verified it (rows and verify's checksum, as
-- PostgreSQL read it back): a later sync compares against it to notice rows Ferry did not write.
CREATE TABLE IF NOT EXISTS ferry_journal.verified (
    run_id       uuid NOT NULL REFERENCES ferry_journal.runs ON DELETE CASCADE,
    table_name   text NOT NULL,
    rows_after   bigint NOT NULL,
    checksum_after bigint NOT NULL,
    PRIMARY KEY (run_id, table_name)
);

-- Journals made before Ferry recreated triggers (their functions), COLLATE NOCASE and enum types (suggestions) knew fewer kinds.
ALTER TABLE ferry_journal.objects DROP CONSTRAINT IF EXISTS objects_kind_check;
ALTER TABLE ferry_journal.objects ADD CONSTRAINT objects_kind_check
    CHECK (kind IN ('table', 'view', 'schema', 'function', 'collation', 'type'));

-- Data-only runs (--data-only) fill tables the app's migrations made: policy 'data'.
ALTER TABLE ferry_journal.existing DROP CONSTRAINT IF EXISTS existing_policy_check;
ALTER TABLE ferry_journal.existing ADD CONSTRAINT existing_policy_check
    CHECK (policy IN ('append', 'truncate', 'data'));

-- The transaction of every chunk copied into a table the run did not create: PostgreSQL stamps each
-- row with the id of the transaction that wrote it (xmin), so undo can remove exactly the rows a
-- data-only run added and leave the app's own rows and the table.
CREATE TABLE IF NOT EXISTS ferry_journal.loads (
    run_id     uuid NOT NULL REFERENCES ferry_journal.runs ON DELETE CASCADE,
    table_name text NOT NULL,
    xid        bigint NOT NULL,
    PRIMARY KEY (run_id, table_name, xid)
);

-- What a finished run decided for each column (type, the rule that chose it, what the copy does to
-- values that do not fit, and what the column held): a later sync rebuilds the plan from it instead
-- of reading every value of the file again to decide the same. JSON, see PlanRecord.
CREATE TABLE IF NOT EXISTS ferry_journal.plans (
    run_id    uuid PRIMARY KEY REFERENCES ferry_journal.runs ON DELETE CASCADE,
    decisions text NOT NULL
);

-- The final sync's marks: per table a run created and verified equal, each SQLite row's rowid and a
-- hash of its stored record bytes as the file held them when PostgreSQL was proven equal to it (after
-- the migrate, then after each sync). The next sync walks the file's pages again and reads only the
-- rows whose record changed (see SyncMarks). since_xmax and since_running are the PostgreSQL snapshot
-- taken just before verify read the table: a row whose xmin that snapshot did not see, and that no
-- sync of Ferry's (writers) wrote, was written by someone else.
CREATE TABLE IF NOT EXISTS ferry_journal.marks (
    run_id         uuid NOT NULL REFERENCES ferry_journal.runs ON DELETE CASCADE,
    table_name     text NOT NULL,
    marks_id       uuid NOT NULL,
    rows_after     bigint NOT NULL,
    checksum_after bigint NOT NULL,
    since_xmax     bigint NOT NULL,
    since_running  bigint[] NOT NULL,
    writers        bigint[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (run_id, table_name)
);

-- The marks themselves, 256 KB a part: per row the rowid's distance from the one before (a zigzag
-- varint) and the record's 8-byte hash. Stored as they are: hashes do not compress.
CREATE TABLE IF NOT EXISTS ferry_journal.mark_parts (
    marks_id uuid NOT NULL,
    run_id   uuid NOT NULL REFERENCES ferry_journal.runs ON DELETE CASCADE,
    part     integer NOT NULL,
    marks    bytea NOT NULL,
    PRIMARY KEY (marks_id, part)
);
ALTER TABLE ferry_journal.mark_parts ALTER COLUMN marks SET STORAGE EXTERNAL;

CREATE INDEX IF NOT EXISTS runs_by_schema ON ferry_journal.runs (target_schema, started DESC);

COMMENT ON SCHEMA ferry_journal IS 'Ferry''s record of its migrations, for ferry migrate --resume and ferry undo.';
