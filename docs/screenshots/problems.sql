-- A small file with the problems a newcomer meets (issue #17), for take.sh's run "on a file with
-- problems": a word in an INTEGER column, text that is not UTF-8, a full-text table, and columns
-- whose values change kind (a 0/1 flag, date-time text, mixed values with a blob).
CREATE TABLE scores (id INTEGER PRIMARY KEY, player TEXT NOT NULL, points INTEGER, note TEXT);
INSERT INTO scores (player, points, note) VALUES ('Ana', 120, 'first try'), ('Bo', 95, 'fine'),
    ('Chen', 'n/a', 'did not finish'), ('Dee', 140, CAST(x'636166e9' AS TEXT)), ('Eli', 88, NULL);
CREATE VIRTUAL TABLE notes_fts USING fts5(body);
INSERT INTO notes_fts (body) VALUES ('bring the ferry schedule'), ('check the tide tables');
CREATE TABLE flags (id INTEGER PRIMARY KEY, name TEXT NOT NULL, active BOOLEAN NOT NULL);
INSERT INTO flags (name, active) VALUES ('dark-mode', 1), ('beta', 0), ('new-search', 1);
CREATE TABLE events (id INTEGER PRIMARY KEY, at DATETIME, what TEXT);
INSERT INTO events (at, what) VALUES ('2024-01-05 10:00:00', 'signed up'), ('2024-02-29 23:59:59', 'paid'),
    ('2024-03-01 08:30:00', 'left');
CREATE TABLE files (id INTEGER PRIMARY KEY, name TEXT, data);
INSERT INTO files (name, data) VALUES ('count', 1), ('ratio', 2.5), ('label', 'word'), ('greeting', x'68656c6c6f');
