import asyncio
import os

import discord
from discord.ext import commands

import db

intents = discord.Intents.default()
intents.message_content = True
bot = commands.Bot(command_prefix="/", intents=intents)

HELP = (
    "Commands:\n"
    "/team NAME  - select your team\n"
    "/top        - the leaderboard\n"
)


@bot.event
async def on_ready():
    print(f"Logged in as {bot.user}")


@bot.command()
async def register(ctx):
    await db.upsert_player(bot.db, ctx.author.id, ctx.author.display_name, None)
    await ctx.send("Update your profile with /team, then /top to see where you stand.")


@bot.command()
async def stats(ctx):
    cur = await bot.db.execute(
        "SELECT "
        "  (SELECT count(*) FROM players WHERE active = 1) AS active, "
        "  (SELECT count(*) FROM matches) AS matches, "
        "  (SELECT max(datetime(played_at, 'unixepoch')) FROM matches) AS last_match"
    )
    active, matches, last = await cur.fetchone()
    await ctx.send(f"{active} active players, {matches} matches, last at {last}")


@bot.command()
async def backup(ctx):
    await bot.db.execute("VACUUM INTO ?", (f"backups/league-{ctx.message.id}.db",))
    await ctx.send("Backup written. Delete old ones by hand.")


async def main():
    bot.db = await db.connect()
    await bot.load_extension("cogs.stats")
    await bot.start(os.environ["DISCORD_TOKEN"])


if __name__ == "__main__":
    asyncio.run(main())
