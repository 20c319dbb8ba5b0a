-- Seasons: added in v1.4
CREATE TABLE seasons (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    starts_on TEXT NOT NULL DEFAULT (date('now')),
    ends_on TEXT
);

INSERT OR IGNORE INTO seasons (id, name) VALUES (1, 'Season 1; the first');

/* keep the newest season's end open */
CREATE TRIGGER close_previous_season AFTER INSERT ON seasons
BEGIN
    UPDATE seasons SET ends_on = date(NEW.starts_on, '-1 day')
    WHERE id <> NEW.id AND ends_on IS NULL;
END;

ALTER TABLE matches ADD COLUMN season_id INTEGER REFERENCES seasons(id);
