// Package store keeps the harvested feed items in SQLite.
package store

import (
	"database/sql"
	"fmt"
	"strings"

	_ "github.com/mattn/go-sqlite3"
)

type Store struct {
	db *sql.DB
}

const schema = `
CREATE TABLE IF NOT EXISTS feeds (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	url TEXT NOT NULL UNIQUE,
	title TEXT,
	added_at DATETIME DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE IF NOT EXISTS items (
	id INTEGER PRIMARY KEY,
	feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
	guid TEXT NOT NULL,
	title TEXT,
	tags TEXT,
	read INTEGER NOT NULL DEFAULT 0,
	fetched_at INTEGER NOT NULL DEFAULT (strftime('%s', 'now')),
	UNIQUE (feed_id, guid)
);`

func Open(path string) (*Store, error) {
	db, err := sql.Open("sqlite3", path+"?_busy_timeout=5000&_foreign_keys=on")
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(1) // SQLite has one writer
	if _, err := db.Exec(schema); err != nil {
		return nil, err
	}
	if _, err := db.Exec("PRAGMA journal_mode = WAL"); err != nil {
		return nil, err
	}
	return &Store{db: db}, nil
}

func (s *Store) AddFeed(url, title string) (int64, error) {
	res, err := s.db.Exec(`INSERT OR IGNORE INTO feeds (url, title) VALUES (?, ?)`, url, title)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func (s *Store) SaveItem(feedID int64, guid, title string, tags []string) error {
	_, err := s.db.Exec("INSERT OR REPLACE INTO items (feed_id, guid, title, tags) "+
		"VALUES (?, ?, ?, ?)", feedID, guid, title, strings.Join(tags, ","))
	return err
}

// Page lists the newest items, page by page.
func (s *Store) Page(page, size int) (*sql.Rows, error) {
	return s.db.Query(`
		SELECT i.id, IFNULL(i.title, '(untitled)'), f.title, datetime(i.fetched_at, 'unixepoch')
		FROM items i JOIN feeds f ON f.id = i.feed_id
		ORDER BY i.fetched_at DESC
		LIMIT ?, ?`, page*size, size)
}

func (s *Store) MarkRead(ids []int64) error {
	marks := strings.Repeat("?,", len(ids))
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	_, err := s.db.Exec("UPDATE items SET read = 1 WHERE id IN ("+marks[:len(marks)-1]+")", args...)
	return err
}

func (s *Store) Prune(table string, days int) (int64, error) {
	q := fmt.Sprintf("DELETE FROM %s WHERE fetched_at < strftime('%%s', 'now', '-%d days')", table, days)
	res, err := s.db.Exec(q)
	if err != nil {
		return 0, fmt.Errorf("Delete old rows: %w", err)
	}
	return res.RowsAffected()
}
