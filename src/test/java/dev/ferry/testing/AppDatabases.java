package dev.ferry.testing;

import java.nio.file.Path;

/**
 * SQLite files the three fixture apps (src/test/resources/dev/ferry/appcode) would have written:
 * the tables and columns their SQL names, with the types that change in PostgreSQL (a BOOLEAN
 * {@code active}, a DATETIME, a JSON column, a TEXT flag) and a few rows, so a query's rows can be
 * compared on both sides.
 */
public final class AppDatabases {

    private AppDatabases() {
    }

    public static Path write(String app, Path dir) throws Exception {
        Path file = dir.resolve(app + ".db");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            switch (app) {
                case "discord-bot" -> discordBot(db);
                case "node-service" -> nodeService(db);
                default -> goService(db);
            }
        }
        return file;
    }

    private static void discordBot(SqliteFixture db) throws Exception {
        db.sql("CREATE TABLE players (id INTEGER PRIMARY KEY AUTOINCREMENT, discord_id INTEGER NOT NULL UNIQUE, "
                        + "name TEXT NOT NULL COLLATE NOCASE, team TEXT, active BOOLEAN NOT NULL DEFAULT 1, "
                        + "joined_at DATETIME, profile JSON)",
                "CREATE TABLE seasons (id INTEGER PRIMARY KEY, name TEXT NOT NULL, starts_on TEXT NOT NULL, ends_on TEXT)",
                "CREATE TABLE matches (id INTEGER PRIMARY KEY, winner_id INTEGER REFERENCES players(id), "
                        + "loser_id INTEGER REFERENCES players(id), played_at INTEGER, season_id INTEGER REFERENCES seasons(id))");
        db.insert("players", new Object[] {1L, 1001L, "Ada", "red", 1L, "2026-01-02 10:00:00", "{\"lang\": \"en\"}"},
                new Object[] {2L, 1002L, "bob", "blue", 1L, "2026-02-03 11:30:00", "{}"},
                new Object[] {3L, 1003L, "Cleo", null, 0L, "2025-12-24 08:15:00", "{\"lang\": \"fr\"}"});
        db.insert("seasons", new Object[] {1L, "Season 1; the first", "2026-01-01", null});
        db.insert("matches", new Object[] {1L, 1L, 2L, 1767350000L, 1L}, new Object[] {2L, 2L, 1L, 1767450000L, 1L},
                new Object[] {3L, 1L, 3L, 1767550000L, 1L});
    }

    private static void nodeService(SqliteFixture db) throws Exception {
        db.sql("CREATE TABLE products (id INTEGER PRIMARY KEY, sku TEXT NOT NULL UNIQUE, title TEXT NOT NULL, "
                        + "meta JSON, tracked BOOLEAN NOT NULL DEFAULT 1, created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP)",
                "CREATE TABLE prices (product_id INTEGER NOT NULL REFERENCES products(id), seen_on DATE NOT NULL, "
                        + "cents INTEGER NOT NULL, PRIMARY KEY (product_id, seen_on)) WITHOUT ROWID");
        db.insert("products", new Object[] {1L, "ABC-1234", "Kettle", "{\"brand\": \"Acme\"}", 1L, "2026-03-01 09:00:00"},
                new Object[] {2L, "XYZ-0001", "toaster", "{\"brand\": \"Zed\"}", 0L, "2026-03-02 10:00:00"});
        db.insert("prices", new Object[] {1L, "2026-03-01", 2599L}, new Object[] {1L, "2026-03-02", 2499L},
                new Object[] {2L, "2026-03-02", 1999L});
    }

    private static void goService(SqliteFixture db) throws Exception {
        db.sql("CREATE TABLE feeds (id INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT NOT NULL UNIQUE, title TEXT, "
                        + "added_at DATETIME DEFAULT CURRENT_TIMESTAMP)",
                "CREATE TABLE items (id INTEGER PRIMARY KEY, feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE, "
                        + "guid TEXT NOT NULL, title TEXT, tags TEXT, read BOOLEAN NOT NULL DEFAULT 0, "
                        + "fetched_at INTEGER NOT NULL, UNIQUE (feed_id, guid))");
        db.insert("feeds", new Object[] {1L, "https://example.org/feed", "Example", "2026-01-05 07:00:00"},
                new Object[] {2L, "https://blog.example.net/rss", null, "2026-01-06 07:00:00"});
        db.insert("items", new Object[] {1L, 1L, "guid-001", "Hello", "go,sql", 0L, 1767600000L},
                new Object[] {2L, 1L, "guid-002", null, "go,sql", 1L, 1767610000L},
                new Object[] {3L, 2L, "guid-003", "Postgres tips", "sql", 0L, 1767620000L});
    }
}
