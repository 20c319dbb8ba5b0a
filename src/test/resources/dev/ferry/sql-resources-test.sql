-- A file for SqlResourcesTest; text before the first name belongs to no block.

-- name: plain
-- a comment the server skips
SELECT a,
       b
FROM t

-- name: template
-- {ignored}: comment lines are not part of a template
ALTER TABLE {table}
    ADD CONSTRAINT {name} CHECK ({expression})
