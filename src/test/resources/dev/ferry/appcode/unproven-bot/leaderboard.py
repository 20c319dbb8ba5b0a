"""Leaderboard queries of the league bot, written against SQLite's leniencies.

PostgreSQL refuses two of them, so check-app must say 'failed' with PostgreSQL's words and exit 5.
"""
import aiosqlite


async def teams(db):
    # SQLite picks any player's name for each team; PostgreSQL wants name grouped or aggregated
    async with db.execute("SELECT team, name, count(*) AS players FROM players GROUP BY team") as cur:
        return await cur.fetchall()


async def nicknames(db, discord_id):
    # the app expects a column a later version added; this database never had it
    async with db.execute("SELECT nickname FROM players WHERE discord_id = ?", (discord_id,)) as cur:
        return await cur.fetchone()


async def count(db):
    async with db.execute("SELECT count(*) FROM players") as cur:
        return (await cur.fetchone())[0]
