-- name: columns
-- Every column of every table in a schema, as a data-only run must fill it: the printed type (for
-- casts), the base type (a domain's underlying one), enum labels in order, typmod for lengths and
-- numeric precision, NOT NULL, the default, and whether a sequence counts it (serial or identity).
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
       CASE WHEN t.typtype = 'd' THEN bt.typname ELSE t.typname END,
       ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder),
       CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END,
       a.attnotnull OR (t.typtype = 'd' AND t.typnotnull),
       pg_get_expr(d.adbin, d.adrelid),
       a.attidentity <> '' OR pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) IS NOT NULL,
       a.attgenerated <> '',
       t.typcategory = 'A'
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_type bt ON bt.oid = t.typbasetype
LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
WHERE n.nspname = ? AND c.relkind IN ('r', 'p')
ORDER BY c.relname, a.attnum

-- name: foreign-keys
-- Which table refers to which inside the schema (by which columns), and whether the check may wait for the commit.
SELECT ch.relname, pa.relname, con.condeferrable,
       ARRAY(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = con.conrelid AND a.attnum = ANY (con.conkey))
FROM pg_constraint con
JOIN pg_class ch ON ch.oid = con.conrelid
JOIN pg_class pa ON pa.oid = con.confrelid
JOIN pg_namespace n ON n.oid = ch.relnamespace
WHERE con.contype = 'f' AND n.nspname = ?
