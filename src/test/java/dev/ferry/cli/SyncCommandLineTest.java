package dev.ferry.cli;

import static dev.ferry.cli.CommandLineTest.ferry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.LockGate;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ferry sync as a script sees it: without --yes and without a terminal it changes nothing and
 * says to add --yes (exit 2); with --yes it prints per table what it changed, that both sides match,
 * and how long the app had to be stopped; a file never migrated is refused (exit 4).
 */
class SyncCommandLineTest {

    @TempDir
    Path dir;

    @Test
    void asksFirstThenSyncsAndSaysHowLongTheAppWasStopped() throws Exception {
        Path file = dir.resolve("bot.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE guild (id INTEGER PRIMARY KEY, name TEXT)", "INSERT INTO guild VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        }
        TargetAddress db = TestPostgres.get().freshDatabase();
        String url = TestPostgres.url(db);
        CommandLineTest.Run migrated = ferry(null, "migrate", file.toString(), "--to", url);
        assertEquals(0, migrated.code(), migrated.all());
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("UPDATE guild SET name = 'b2' WHERE id = 2", "DELETE FROM guild WHERE id = 3", "INSERT INTO guild VALUES (4, 'd')");
        }

        CommandLineTest.Run noTerminal = ferry(null, "sync", file.toString(), "--to", url);
        assertEquals(2, noTerminal.code(), noTerminal.all());
        assertTrue(noTerminal.err().contains("--yes") && noTerminal.err().contains("Nothing was changed"), noTerminal.err());
        assertEquals("b", name(db, 2));

        CommandLineTest.Run synced = ferry(null, "sync", file.toString(), "--to", url, "--yes");
        assertEquals(0, synced.code(), synced.all());
        assertTrue(synced.out().matches("(?s).*guild\\s+1\\s+1\\s+1\\s+3\\s+\\S+ same.*"), synced.out());
        assertTrue(synced.out().contains("The app had to be stopped for ") && synced.out().contains(" s (the sync's own time)."),
                synced.out());
        assertTrue(synced.out().contains("PostgreSQL is up to date: row counts and checksums match."), synced.out());
        assertEquals("b2", name(db, 2));

        Path other = dir.resolve("never.sqlite");
        try (SqliteFixture f = SqliteFixture.at(other)) {
            f.sql("CREATE TABLE guild (id INTEGER PRIMARY KEY, name TEXT)");
        }
        CommandLineTest.Run refused = ferry(null, "sync", other.toString(), "--to", url, "--yes");
        assertEquals(4, refused.code(), refused.all());
        assertTrue(refused.err().contains("no finished migration of") && refused.err().contains("ferry migrate"), refused.err());
    }

    /** The summary says how each table was verified: the changed one read again, the unchanged one by the comparison. */
    @Test
    void saysWhichTablesWereCheckedAgainAfterWriting() throws Exception {
        Path file = dir.resolve("two.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE guild (id INTEGER PRIMARY KEY, name TEXT)", "INSERT INTO guild VALUES (1, 'a'), (2, 'b')",
                    // a TEXT key: no stored records to compare by, so its rows are compared one by one on both sides
                    "CREATE TABLE setting (id TEXT PRIMARY KEY, value TEXT)", "INSERT INTO setting VALUES ('1', 'x')");
        }
        TargetAddress db = TestPostgres.get().freshDatabase();
        String url = TestPostgres.url(db);
        CommandLineTest.Run migrated = ferry(null, "migrate", file.toString(), "--to", url);
        assertEquals(0, migrated.code(), migrated.all());
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("UPDATE guild SET name = 'b2' WHERE id = 2");
        }

        CommandLineTest.Run synced = ferry(null, "sync", file.toString(), "--to", url, "--yes");
        assertEquals(0, synced.code(), synced.all());
        assertTrue(synced.out().contains("Checked again after writing (PostgreSQL read every row once more): guild."),
                synced.out());
        assertTrue(synced.out().contains("Unchanged, so not read again (the comparison had just matched them row by row): "
                + "setting."), synced.out());
        assertTrue(synced.out().contains("PostgreSQL is up to date: row counts and checksums match."), synced.out());
        assertTrue(synced.out().contains("Changes found from the rows' stored records in the file (rows whose stored "
                + "records are unchanged were not read again): guild (1 row read)."), synced.out());
        assertTrue(synced.out().contains("setting: every row compared, as its key is not SQLite's rowid"), synced.out());
        assertEquals("b2", name(db, 2));
    }

    /**
     * PostgreSQL lost during a sync and not back within the retries: the sync stops resumably
     * (exit 130, where it used to end with exit 4 and no word of what to do), says that it wrote
     * all or nothing, and prints the exact command that goes on; that command then finishes it.
     */
    @Test
    void aServerThatStaysAwayStopsTheSyncWithTheCommandToGoOn() throws Exception {
        Path file = dir.resolve("away.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE guild (id INTEGER PRIMARY KEY, name TEXT)", "INSERT INTO guild VALUES (1, 'a'), (2, 'b')");
        }
        TargetAddress db = TestPostgres.get().freshDatabase();
        String url = TestPostgres.url(db);
        CommandLineTest.Run migrated = ferry(null, "migrate", file.toString(), "--to", url);
        assertEquals(0, migrated.code(), migrated.all());
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("UPDATE guild SET name = 'b2' WHERE id = 2");
        }

        CommandLineTest.Run away;
        try (LockGate gate = new LockGate(db, "public.guild", q -> true, Integer.MAX_VALUE)) {
            gate.start(); // every statement of the sync on guild has its session ended, as a server that is down
            away = ferry(null, "sync", file.toString(), "--to", url, "--yes");
        }
        assertEquals(130, away.code(), away.all());
        assertTrue(away.err().contains("was lost while syncing away.sqlite") && away.err().contains("all of them or none"),
                away.err());
        assertTrue(away.all().contains("To continue: ferry sync " + file + " --to "), away.all());
        assertTrue(away.all().matches("(?s).*To continue: ferry sync \\S+ --to \\S+ --yes\\R.*"), away.all());
        assertEquals("b", name(db, 2), "nothing was changed");

        CommandLineTest.Run again = ferry(null, "sync", file.toString(), "--to", url, "--yes");
        assertEquals(0, again.code(), again.all());
        assertEquals("b2", name(db, 2));
    }

    private static String name(TargetAddress db, int id) throws Exception {
        try (var c = TestPostgres.get().connect(db); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM public.guild WHERE id = " + id)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
