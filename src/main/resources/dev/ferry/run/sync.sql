-- The final sync's statements (see Sync.java and SyncApply.java). Each starts at a "-- name:" line;
-- {key} marks a template's blank, filled with quoted names only (see SqlResources.fill).

-- name: foreign-keys
-- Foreign keys on or to the synced tables that PostgreSQL checks row by row: the sync defers them
-- to the end of its one transaction, so a renamed parent and its children may move in any order.
SELECT con.conname, c.relname
FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_class p ON p.oid = con.confrelid JOIN pg_namespace pn ON pn.oid = p.relnamespace
WHERE con.contype = 'f' AND NOT con.condeferrable
  AND ((n.nspname = ? AND c.relname = ANY (?)) OR (pn.nspname = ? AND p.relname = ANY (?)))

-- name: triggers
-- The app's triggers (as Ferry recreated them) that are on: SQLite already ran them when the app
-- wrote, and their results are among the rows the sync brings, so they must not run twice.
SELECT t.tgname, c.relname
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND n.nspname = ? AND c.relname = ANY (?)

-- name: staging
-- A template: the new rows of one table, as COPY brings them, with whether each is new or an update.
CREATE TEMP TABLE ferry_sync_rows ON COMMIT DROP AS
SELECT {columns}, true AS ferry_insert FROM {table} WITH NO DATA

-- name: update
-- A template: rows both sides have, with SQLite's values; matched by the table's key.
UPDATE {table} AS t SET {set}
FROM pg_temp.ferry_sync_rows AS s
WHERE NOT s.ferry_insert AND {match}

-- name: insert
-- A template: rows only SQLite has.
INSERT INTO {table} ({columns}) SELECT {columns} FROM pg_temp.ferry_sync_rows WHERE ferry_insert

-- name: delete
-- A template: rows only PostgreSQL has, by where the comparison found them a moment ago.
DELETE FROM {table} WHERE ctid = ANY (?::tid[])

-- name: move-identity
-- A template: the id counter moved past the highest id now in the table and SQLite's AUTOINCREMENT
-- mark; setval, not ALTER TABLE, which PostgreSQL refuses while the deferred key checks are queued.
SELECT setval(pg_get_serial_sequence(?, ?), greatest((SELECT max({id}) FROM {table}), ?) + 1, false)

-- name: has-primary-key
-- Whether the table has its primary key in PostgreSQL (the migrate made it from SQLite's key): only
-- then are changed rows looked up through it one by one (without it, that would read the table per row).
SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass(?) AND contype = 'p')

-- name: cascades
-- Whether a foreign key on or to the schema's tables makes a write to one row change others (ON
-- DELETE or ON UPDATE CASCADE, SET NULL, SET DEFAULT): then the rows the sync wrote are not all
-- that changed, and its tables are read again whole to verify them.
SELECT EXISTS (
    SELECT 1
    FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_class p ON p.oid = con.confrelid JOIN pg_namespace pn ON pn.oid = p.relnamespace
    WHERE con.contype = 'f' AND (n.nspname = ? OR pn.nspname = ?)
      AND (con.confupdtype NOT IN ('a', 'r') OR con.confdeltype NOT IN ('a', 'r')))
