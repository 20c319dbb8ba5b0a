package store

import "database/sql"

// TagCloud counts items per tag list; tags are stored comma-separated.
const tagCloud = `SELECT tags, count(*) AS n, group_concat(substr(guid, -3), '|') AS tails
FROM items
WHERE tags IS NOT NULL AND tags <> ''
GROUP BY tags
HAVING n > 1`

const unreadPerFeed = "SELECT f.title, total(i.read = 0) AS unread, " +
	"max(date(i.fetched_at, 'unixepoch')) AS last_day " +
	"FROM feeds f LEFT JOIN items i ON i.feed_id = f.id " +
	"GROUP BY f.id ORDER BY unread DESC"

var labels = map[string]string{
	"select": "Select a feed to read",
	"update": "Update all feeds now",
}

func (s *Store) TagCloud() (*sql.Rows, error) {
	return s.db.Query(tagCloud)
}

func (s *Store) UnreadPerFeed() (*sql.Rows, error) {
	return s.db.Query(unreadPerFeed)
}

func (s *Store) Search(word string) (*sql.Rows, error) {
	return s.db.Query(`SELECT id, title FROM items WHERE instr(lower(title), lower(?)) > 0 AND typeof(title) = 'text'`, word)
}

func (s *Store) Counts() (feeds, items int, err error) {
	err = s.db.QueryRow("SELECT (SELECT count(*) FROM feeds), (SELECT count(*) FROM items)").Scan(&feeds, &items)
	return
}

func (s *Store) Reset(tx *sql.Tx) error {
	if _, err := tx.Exec(`DELETE FROM items`); err != nil {
		return err
	}
	_, err := tx.Exec(`DELETE FROM sqlite_sequence WHERE name = 'feeds'`)
	return err
}
