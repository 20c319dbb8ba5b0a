-- What CatalogReader asks SQLite about a file's schema: sqlite_master and the table-valued pragma
-- functions, with bound parameters, so no name can break a query. Each starts at a "-- name:" line.

-- name: objects
SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid

-- name: table-list
-- SQLite 3.37+: each table's kind (table, virtual, shadow), WITHOUT ROWID and STRICT.
SELECT name, type, wr, strict FROM pragma_table_list WHERE schema = 'main'

-- name: columns
SELECT cid, name, type, "notnull", dflt_value, pk, hidden FROM pragma_table_xinfo(?)

-- name: indexes
SELECT l.name, l."unique", l.origin, l.partial, m.sql
FROM pragma_index_list(?) l LEFT JOIN sqlite_master m ON m.type = 'index' AND m.name = l.name
ORDER BY l.seq DESC

-- name: index-columns
SELECT cid, name, "desc" FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno

-- name: foreign-keys
SELECT id, "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq

-- name: has-sequences
SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'

-- name: sequences
SELECT name, seq FROM sqlite_sequence
