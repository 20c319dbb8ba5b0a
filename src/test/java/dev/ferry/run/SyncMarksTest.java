package dev.ferry.run;

import static dev.ferry.run.ResumeTest.count;
import static dev.ferry.run.ResumeTest.query;
import static dev.ferry.run.SyncTest.series;
import static dev.ferry.run.TriggersTest.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.plan.Plan;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync by marks: the migrate keeps each rowid table's (rowid, record hash) list, and a sync
 * walks the file's pages again and reads only the rows whose stored record is new, changed or
 * gone. Asserted by the rows PostgreSQL holds afterwards and by how many rows each sync read, never
 * by time: updates, deletes, inserts and a renamed parent; a change only in a record's overflow
 * pages; a VACUUM that moves every page; an update to the same values; a WAL file the app keeps
 * open; a TEXT key, which is compared row by row; someone else's writes in PostgreSQL, refused
 * unless forced.
 */
class SyncMarksTest {

    @TempDir
    Path dir;

    private Path file;
    private TargetAddress target;

    private Options options() {
        return Options.of(file, target, TestPostgres.get().adminPassword());
    }

    private void migrate(String... extra) throws Exception {
        file = dir.resolve("app.sqlite");
        target = TestPostgres.get().freshDatabase();
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
                    "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id),"
                            + " note TEXT, body BLOB)",
                    "CREATE TABLE setting (k TEXT PRIMARY KEY, v TEXT)",
                    "INSERT INTO setting VALUES ('a', '1'), ('b', '2')",
                    series(50, "INSERT INTO parent SELECT value, 'parent ' || value FROM s"),
                    series(2000, "INSERT INTO child SELECT value, 1 + value % 50, 'note ' || value, NULL FROM s"),
                    // records far larger than a page: most of their bytes live on overflow pages
                    "UPDATE child SET body = zeroblob(20000) WHERE id IN (10, 20, 30)");
            db.sql(extra);
        }
        Migration m = new Migration(options(), MigrationListener.NONE);
        Result r = m.run(m.preflight());
        assertEquals(Result.Status.DONE, r.status());
        assertEquals(2, count(target, "SELECT count(*) FROM ferry_journal.marks"), "parent and child have marks; setting has none");
    }

    private SyncResult sync(boolean force) {
        return new Migration(options(), MigrationListener.NONE).sync(force);
    }

    private static Map<String, SyncResult.Table> byName(SyncResult r) {
        return r.tables().stream().collect(Collectors.toMap(SyncResult.Table::source, Function.identity()));
    }

    private void assertVerified() {
        Migration m = new Migration(options(), MigrationListener.NONE);
        Plan plan = m.preflight();
        assertTrue(m.verify(plan).verified(), "verify finds both sides equal after the sync");
    }

    private static long countIn(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String textIn(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void sqlite(String... statements) throws Exception {
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql(statements);
        }
    }

    @Test
    void onlyTheRowsWhoseRecordsChangedAreRead() throws Exception {
        migrate();
        assertEquals("delete", textIn(file, "PRAGMA journal_mode"), "a rollback-journal file");
        sqlite("UPDATE child SET note = 'changed' WHERE id % 100 = 7", // 20 changed
                "DELETE FROM child WHERE id % 200 = 3", // 10 deleted
                series(15, "INSERT INTO child SELECT 5000 + value, 4, 'new', NULL FROM s"),
                "INSERT INTO parent VALUES (500, 'renamed parent 2')",
                "UPDATE child SET parent_id = 500 WHERE parent_id = 2", // 40 children follow
                "DELETE FROM parent WHERE id = 2");

        SyncResult r = sync(false);

        assertTrue(r.verified(), r.toString());
        SyncResult.Table child = byName(r).get("child"), parent = byName(r).get("parent");
        assertTrue(child.byMarks() && parent.byMarks(), r.toString());
        assertEquals(15, child.inserted());
        assertEquals(10, child.deleted());
        // ids 7, 107, ... (20) and parent 2's children 1, 51, 101, ... (40)
        long changedChildren = count(target, "SELECT count(*) FROM public.child WHERE note = 'changed' OR parent_id = 500");
        assertEquals(changedChildren, child.updated());
        assertEquals(child.inserted() + child.updated(), child.read(), "only the new and changed rows were read from SQLite");
        assertEquals(1, parent.inserted());
        assertEquals(1, parent.deleted());
        assertEquals(1, parent.read());
        assertFalse(byName(r).get("setting").byMarks(), "a TEXT key is compared row by row");
        assertTrue(byName(r).get("setting").why().contains("rowid"), byName(r).get("setting").why());
        assertEquals(0, count(target, "SELECT count(*) FROM public.child WHERE parent_id = 2"));
        assertEquals(2000 - 10 + 15, count(target, "SELECT count(*) FROM public.child"));
        assertEquals("changed", query(target, "SELECT note FROM public.child WHERE id = 7"));
        assertVerified();

        // the second sync reads the marks the first one kept, and finds nothing
        SyncResult again = sync(false);
        assertTrue(again.verified());
        assertEquals(0, again.inserted() + again.updated() + again.deleted());
        assertTrue(byName(again).get("child").byMarks(), "the sync's own writes are known as Ferry's");
        assertEquals(0, byName(again).get("child").read());
        assertEquals(SyncResult.Proof.COMPARED, byName(again).get("child").proof());

        // and the one after finds a change made after that
        sqlite("UPDATE child SET note = 'third' WHERE id = 1999");
        SyncResult third = sync(false);
        assertEquals(1, byName(third).get("child").updated());
        assertEquals(1, byName(third).get("child").read());
        assertEquals("third", query(target, "SELECT note FROM public.child WHERE id = 1999"));
        assertVerified();
    }

    @Test
    void marksKeptInManySmallPartsReadBackTheSame() throws Exception {
        System.setProperty("ferry.sync.markPartBytes", "100"); // about ten rows a part
        try {
            migrate();
            assertTrue(count(target, "SELECT count(*) FROM ferry_journal.mark_parts") > 100);
            sqlite("UPDATE child SET note = 'x' WHERE id % 97 = 0", "DELETE FROM child WHERE id % 89 = 0",
                    series(30, "INSERT INTO child SELECT 3000 + value * 7, 1, 'n', NULL FROM s"));

            SyncResult r = sync(false);

            assertTrue(r.verified(), r.toString());
            SyncResult.Table child = byName(r).get("child");
            assertTrue(child.byMarks());
            assertEquals(30, child.inserted());
            assertEquals(2000 / 89, child.deleted());
            assertEquals(count(target, "SELECT count(*) FROM public.child WHERE note = 'x'"), child.updated());
            assertEquals(child.inserted() + child.updated(), child.read());
            assertVerified();
            assertEquals(0, byName(sync(false)).get("child").read(), "the new marks, in parts again, match the file");
        } finally {
            System.clearProperty("ferry.sync.markPartBytes");
        }
    }

    @Test
    void aChangeOnlyInARecordsOverflowPagesIsFound() throws Exception {
        migrate();
        // the same length, one byte different far past the first page: the leaf's cell keeps its bytes
        sqlite("UPDATE child SET body = CAST(zeroblob(15000) || x'01' || zeroblob(4999) AS BLOB) WHERE id = 20");
        assertEquals(20000, countIn(file, "SELECT length(body) FROM child WHERE id = 20"));

        SyncResult r = sync(false);

        SyncResult.Table child = byName(r).get("child");
        assertTrue(child.byMarks());
        assertEquals(1, child.updated());
        assertEquals(1, child.read());
        assertEquals(1, count(target, "SELECT get_byte(body, 15000) FROM public.child WHERE id = 20"));
        assertVerified();
    }

    @Test
    void aVacuumMovesEveryPageAndOnlyTheChangedRowsAreStillRead() throws Exception {
        migrate();
        sqlite("DELETE FROM child WHERE id BETWEEN 100 AND 600", "UPDATE parent SET name = 'after' WHERE id = 9");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("VACUUM");
        }

        SyncResult r = sync(false);

        assertTrue(r.verified(), r.toString());
        assertEquals(501, byName(r).get("child").deleted());
        assertEquals(0, byName(r).get("child").read());
        assertEquals(1, byName(r).get("parent").updated());
        assertEquals("after", query(target, "SELECT name FROM public.parent WHERE id = 9"));
        assertVerified();
    }

    @Test
    void anUpdateToTheSameValuesWritesNothing() throws Exception {
        migrate();
        sqlite("UPDATE child SET note = note WHERE id < 100");

        SyncResult r = sync(false);

        assertTrue(r.verified());
        assertEquals(0, r.inserted() + r.updated() + r.deleted());
        assertEquals(0, byName(r).get("child").read(), "the records' bytes did not change");
        assertEquals(SyncResult.Proof.COMPARED, byName(r).get("child").proof());
    }

    @Test
    void aWalFileTheAppKeepsOpenIsSyncedFromItsSnapshot() throws Exception {
        file = dir.resolve("app.sqlite");
        try (Connection app = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = app.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0"); // the newest rows stay in the -wal file
            s.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
            s.execute(series(300, "INSERT INTO parent SELECT value, 'p' || value FROM s"));
            target = TestPostgres.get().freshDatabase();
            Migration m = new Migration(options(), MigrationListener.NONE);
            assertEquals(Result.Status.DONE, m.run(m.preflight()).status());
            assertEquals(1, count(target, "SELECT count(*) FROM ferry_journal.marks"), "marks of the private snapshot");

            s.execute("UPDATE parent SET name = 'wal' WHERE id = 77");
            s.execute("DELETE FROM parent WHERE id = 78");
            SyncResult r = sync(false);

            assertTrue(r.verified(), r.toString());
            SyncResult.Table parent = byName(r).get("parent");
            assertTrue(parent.byMarks(), parent.toString());
            assertEquals(1, parent.updated());
            assertEquals(1, parent.deleted());
            assertEquals(1, parent.read());
            assertEquals("wal", query(target, "SELECT name FROM public.parent WHERE id = 77"));
        }
    }

    @Test
    void someoneElsesWritesInPostgresAreStillRefusedAndForceStillWorks() throws Exception {
        migrate();
        sqlite("UPDATE parent SET name = 'from sqlite' WHERE id = 1");
        for (String write : new String[] {"UPDATE public.child SET note = 'theirs' WHERE id = 5",
                "DELETE FROM public.child WHERE id = 6", "INSERT INTO public.parent VALUES (999, 'theirs')"}) {
            execute(target, write);
            FerryException e = assertThrows(FerryException.class, () -> sync(false), write);
            assertTrue(e.getMessage().contains("Someone else wrote to table"), e.getMessage());
            assertEquals("parent 1", query(target, "SELECT name FROM public.parent WHERE id = 1"));
        }

        SyncResult forced = sync(true);

        assertTrue(forced.verified());
        assertFalse(byName(forced).get("child").byMarks());
        assertEquals("note 5", query(target, "SELECT note FROM public.child WHERE id = 5"));
        assertEquals(1, count(target, "SELECT count(*) FROM public.child WHERE id = 6"));
        assertEquals(0, count(target, "SELECT count(*) FROM public.parent WHERE id = 999"));
        assertEquals("from sqlite", query(target, "SELECT name FROM public.parent WHERE id = 1"));
        assertVerified();

        // the forced sync let go of the marks it could not vouch for: the next one compares every row, and says why
        SyncResult next = sync(false);
        assertTrue(next.verified());
        assertFalse(byName(next).get("child").byMarks());
        assertTrue(byName(next).get("child").why().contains("no stored records"), byName(next).get("child").why());
    }
}
