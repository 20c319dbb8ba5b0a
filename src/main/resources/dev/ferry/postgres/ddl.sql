-- The statements Ddl writes for PostgreSQL, as templates: each starts at a "-- name:" line, comes out
-- as one line (see SqlResources.fill), and takes its quoted names and translated SQL at each {key}.
-- The text is what the dry-run script shows and what a run's plan digest hashes: change it and a
-- resume of a run started by an earlier Ferry is refused.

-- name: create-collation
-- Case-insensitive like SQLite's NOCASE, but for every alphabet: ICU's level-2 strength ignores
-- case and nothing else, and being nondeterministic it makes unique indexes case-insensitive too.
CREATE COLLATION IF NOT EXISTS {collation}
    (provider = icu, locale = 'und-u-ks-level2', deterministic = false)

-- name: build-index
-- {unique} is "UNIQUE " or nothing; {using} is " USING gin" or nothing (btree); {where} is " WHERE ..." for a
-- partial index, or nothing.
CREATE {unique}INDEX {name} ON {table}{using} ({columns}){where}

-- name: attach-constraint
-- {kind}: PRIMARY KEY or UNIQUE, made from the index of the same name built before.
ALTER TABLE {table} ADD CONSTRAINT {name} {kind} USING INDEX {name}

-- name: add-check
ALTER TABLE {table} ADD CONSTRAINT {name} CHECK ({expression}) NOT VALID

-- name: add-foreign-key
ALTER TABLE {table} ADD CONSTRAINT {name}
    FOREIGN KEY ({columns}) REFERENCES {parent} ({parent_columns})
    ON DELETE {on_delete} ON UPDATE {on_update} NOT VALID

-- name: validate-constraint
ALTER TABLE {table} VALIDATE CONSTRAINT {name}

-- name: restart-identity
ALTER TABLE {table} ALTER COLUMN {column} RESTART WITH {next}

-- name: create-trigger-function
-- {body} is Ddl.functionBody: PostgreSQL keeps it as prosrc, which tells a function a resumed run made.
CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql
    SET search_path = {schema}, public AS $ferry${body}$ferry$

-- name: drop-trigger
DROP TRIGGER IF EXISTS {name} ON {table}

-- name: create-trigger
-- {when} is " WHEN (...)" or nothing.
CREATE TRIGGER {name} {events} ON {table} FOR EACH ROW{when} EXECUTE FUNCTION {function}()

-- name: add-search-column
ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column}
    tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, {document})) STORED

-- name: create-search-index
CREATE INDEX IF NOT EXISTS {index} ON {table} USING gin ({column})

-- name: create-enum
-- A suggestion taken (enum from CHECK): the labels in the CHECK's order, which is the order they sort in.
CREATE TYPE {name} AS ENUM ({labels})
