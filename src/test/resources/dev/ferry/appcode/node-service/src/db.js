'use strict';
const path = require('path');
const Database = require('better-sqlite3');

const file = process.env.DB_FILE || path.join(__dirname, '..', 'data', 'prices.db');
const db = new Database(file);
db.pragma('journal_mode = WAL');

db.exec(`
  CREATE TABLE IF NOT EXISTS products (
    id INTEGER PRIMARY KEY,
    sku TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    meta TEXT CHECK (json_valid(meta)),
    tracked INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
  );
  CREATE TABLE IF NOT EXISTS prices (
    product_id INTEGER NOT NULL REFERENCES products(id),
    seen_on TEXT NOT NULL DEFAULT (date('now')),
    cents INTEGER NOT NULL,
    PRIMARY KEY (product_id, seen_on)
  ) WITHOUT ROWID;
`);

module.exports = db;
