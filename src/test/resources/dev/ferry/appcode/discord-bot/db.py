"""Database helpers for the league bot.

Update the schema below when you add a column (this docstring is not SQL).
"""
import logging
import time

import aiosqlite

log = logging.getLogger(__name__)

DB_PATH = "data/league.db"

SCHEMA = [
    """
    CREATE TABLE IF NOT EXISTS players (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        discord_id INTEGER NOT NULL UNIQUE,
        name TEXT NOT NULL COLLATE NOCASE,
        team TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        joined_at TEXT DEFAULT (datetime('now'))
    )
    """,
    """CREATE TABLE IF NOT EXISTS matches (
        id INTEGER PRIMARY KEY,
        winner_id INTEGER REFERENCES players(id),
        loser_id INTEGER REFERENCES players(id),
        played_at INTEGER DEFAULT (strftime('%s','now'))
    )""",
    'CREATE INDEX IF NOT EXISTS idx_matches_played ON matches(played_at)',
]


async def connect():
    db = await aiosqlite.connect(DB_PATH)
    db.row_factory = aiosqlite.Row
    await db.execute("PRAGMA journal_mode=WAL")
    await db.execute("PRAGMA foreign_keys = ON")
    for statement in SCHEMA:
        await db.execute(statement)
    await db.commit()
    log.info("Select a database file with DB_PATH; using %s", DB_PATH)
    return db


async def upsert_player(db, discord_id, name, team):
    await db.execute(
        "INSERT OR REPLACE INTO players (discord_id, name, team, active) "
        "VALUES (?, ?, ?, 1)",
        (discord_id, name, team),
    )
    await db.commit()


async def add_match(db, winner, loser):
    cur = await db.execute(
        "INSERT INTO matches (winner_id, loser_id) VALUES (?, ?)", (winner, loser)
    )
    row = await (await db.execute("SELECT last_insert_rowid()")).fetchone()
    await db.commit()
    return row[0]


async def active_players(db):
    async with db.execute("SELECT id, name, team FROM players WHERE active = 1 ORDER BY name") as cur:
        return await cur.fetchall()


async def find_players(db, prefix):
    # LIKE ignores case in SQLite; the bot relies on it for /find
    async with db.execute("SELECT name FROM players WHERE name LIKE ? || '%'", (prefix,)) as cur:
        return [r[0] for r in await cur.fetchall()]


async def deactivate_idle(db):
    await db.execute('''
        UPDATE players SET active = 0
        WHERE id NOT IN (
            SELECT winner_id FROM matches WHERE played_at > strftime('%s', 'now', '-30 days')
            UNION SELECT loser_id FROM matches WHERE played_at > strftime('%s', 'now', '-30 days')
        )''')
    await db.commit()


async def delete_player(db, discord_id):
    await db.execute("DELETE FROM players WHERE discord_id = ?", (discord_id,))
    await db.commit()
    return "Delete done."
