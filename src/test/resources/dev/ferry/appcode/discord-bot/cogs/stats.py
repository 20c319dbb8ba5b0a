import discord
from discord.ext import commands

ORDERS = {"wins": "wins DESC", "name": "name"}


class Stats(commands.Cog):
    """Leaderboards. Select your team with /team first."""

    def __init__(self, bot):
        self.bot = bot

    @commands.command(help="Show the top players of the last 30 days")
    async def top(self, ctx, order="wins"):
        query = f"""
            SELECT p.name, count(*) AS wins
            FROM matches m JOIN players p ON p.id = m.winner_id
            WHERE date(m.played_at, 'unixepoch') >= date('now', '-30 days')
            GROUP BY p.name
            ORDER BY {ORDERS[order]}
            LIMIT 10"""
        async with self.bot.db.execute(query) as cur:
            rows = await cur.fetchall()
        if not rows:
            await ctx.send("No matches yet. Update your profile with /team and play one!")
            return
        lines = [f"{i + 1}. {name} ({wins})" for i, (name, wins) in enumerate(rows)]
        await ctx.send("\n".join(lines))

    @commands.command()
    async def today(self, ctx):
        async with self.bot.db.execute(
            "SELECT count(*) FROM matches WHERE date(played_at, 'unixepoch') = date('now')"
        ) as cur:
            (n,) = await cur.fetchone()
        await ctx.send(f"{n} matches today")

    @commands.command()
    async def team(self, ctx, *, name: str):
        await self.bot.db.execute(
            "UPDATE players SET team = ?, active = 1 WHERE discord_id = ?", (name, ctx.author.id)
        )
        await self.bot.db.commit()
        await ctx.send("Select your team! Saved: " + name)

    @commands.command()
    async def purge(self, ctx, table: str):
        # admins only; the table name comes from a fixed menu
        await self.bot.db.execute("DELETE FROM " + table + " WHERE id NOT IN (SELECT id FROM players)")
        await self.bot.db.commit()

    @commands.command()
    async def streak(self, ctx):
        sql = ("SELECT name, julianday('now') - julianday(joined_at) AS days "
               "FROM players WHERE team IS NOT NULL "
               "ORDER BY days DESC LIMIT %d" % 5)
        async with self.bot.db.execute(sql) as cur:
            rows = await cur.fetchall()
        await ctx.send(", ".join(f"{r[0]}: {int(r[1])} days" for r in rows))


async def setup(bot):
    await bot.add_cog(Stats(bot))
