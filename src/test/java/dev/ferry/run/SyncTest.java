package dev.ferry.run;

import static dev.ferry.run.ResumeTest.count;
import static dev.ferry.run.TriggersTest.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.plan.Plan;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The final sync: after a migrate, the app goes on writing to SQLite (changes, deletes, inserts, a
 * parent's key renamed with its children following); sync must make PostgreSQL equal to SQLite by
 * changing only those rows, proven by verify, and say what it changed per table. A table without a
 * key is replaced whole. Triggers recreated in PostgreSQL must not fire again for rows SQLite's own
 * triggers already wrote. Rows someone else wrote in PostgreSQL stop the sync unless forced, and a
 * file never migrated is refused.
 */
class SyncTest {

    @TempDir
    Path dir;

    private Path file;
    private TargetAddress target;

    private Options options() {
        return Options.of(file, target, TestPostgres.get().adminPassword());
    }

    private void migrate() throws Exception {
        file = dir.resolve("app.sqlite");
        target = TestPostgres.get().freshDatabase();
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
                    "CREATE TABLE child (id INTEGER PRIMARY KEY AUTOINCREMENT, parent_id INTEGER NOT NULL REFERENCES parent(id),"
                            + " v REAL, note TEXT)",
                    "CREATE TABLE stats (k TEXT PRIMARY KEY, n INTEGER NOT NULL)",
                    "CREATE TABLE log (line TEXT)",
                    "CREATE TABLE tag (name TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID",
                    "INSERT INTO tag VALUES ('red', 1), ('blue', 2)",
                    "CREATE TRIGGER child_count AFTER INSERT ON child BEGIN UPDATE stats SET n = n + 1 WHERE k = 'children'; END",
                    "INSERT INTO stats VALUES ('children', 0)",
                    series(20, "INSERT INTO parent SELECT value, 'parent ' || value FROM s"),
                    series(500, "INSERT INTO child (parent_id, v, note) SELECT 1 + value % 20, value * 1.5, 'note ' || value FROM s"),
                    "INSERT INTO log VALUES ('one'), ('two'), ('two')");
        }
        Migration m = new Migration(options(), MigrationListener.NONE);
        Result r = m.run(m.preflight());
        assertEquals(Result.Status.DONE, r.status());
    }

    /** The statement with a table s(value) of the numbers 1 to n before it. */
    static String series(int n, String insert) {
        return "WITH RECURSIVE s(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM s WHERE value < " + n + ") " + insert;
    }

    private SyncResult sync(boolean force) {
        return new Migration(options(), MigrationListener.NONE).sync(force);
    }

    private void assertVerified() {
        Migration m = new Migration(options(), MigrationListener.NONE);
        Plan plan = m.preflight();
        assertTrue(m.verify(plan).verified(), "verify finds both sides equal after the sync");
    }

    @Test
    void onlyWhatChangedIsWrittenAndBothSidesAreEqualAfter() throws Exception {
        migrate();
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("UPDATE child SET v = v + 1 WHERE id % 50 = 0", // 10 changed
                    "DELETE FROM child WHERE id % 100 = 1", // 5 deleted
                    series(7, "INSERT INTO child (parent_id, v, note) SELECT 3, value, 'new ' || value FROM s"),
                    "INSERT INTO parent VALUES (120, 'renamed parent 2')", // parent 2 renamed to 120, children follow
                    "UPDATE child SET parent_id = 120 WHERE parent_id = 2",
                    "DELETE FROM parent WHERE id = 2",
                    "INSERT INTO log VALUES ('three')",
                    "UPDATE tag SET n = 3 WHERE name = 'blue'");
        }

        SyncResult r = sync(false);

        assertTrue(r.verified(), r.toString());
        Map<String, SyncResult.Table> byName = r.tables().stream()
                .collect(Collectors.toMap(SyncResult.Table::source, Function.identity()));
        SyncResult.Table child = byName.get("child");
        assertEquals(7, child.inserted());
        // the deleted children (ids 1, 101, ...) were among parent 2's 25; its other 20 follow it to 120
        assertEquals(5, child.deleted());
        assertEquals(10 + 20, child.updated());
        assertEquals(1, byName.get("parent").inserted());
        assertEquals(1, byName.get("parent").deleted());
        assertEquals(0, byName.get("parent").updated());
        assertEquals(1, byName.get("stats").updated(), "SQLite's trigger counted the 7 new children; PostgreSQL's did not again");
        assertTrue(byName.get("log").whole(), "a table without a key is replaced whole");
        assertEquals(4, byName.get("log").inserted());
        assertEquals(3, byName.get("log").deleted());
        assertTrue(byName.get("tag").whole(), "a WITHOUT ROWID table has no rowid to fetch a changed row by: replaced whole");
        assertEquals(2, byName.get("tag").inserted());
        assertEquals(3, count(target, "SELECT n FROM public.tag WHERE name = 'blue'"));
        assertEquals(0, count(target, "SELECT count(*) FROM public.child WHERE parent_id = 2"));
        assertEquals(507 - 5, count(target, "SELECT count(*) FROM public.child"));
        assertEquals(507, count(target, "SELECT n FROM public.stats WHERE k = 'children'"));
        assertVerified();

        // the identity moved past the new ids: the app's next insert in PostgreSQL gets a fresh one
        execute(target, "INSERT INTO public.child (parent_id, v) VALUES (1, 0)");
        assertEquals(508, count(target, "SELECT max(id) FROM public.child"));
        // the foreign key is checked at once again, as before the sync
        assertEquals("f", ResumeTest.query(target, "SELECT condeferrable FROM pg_constraint WHERE contype = 'f'"));
        assertEquals("O", ResumeTest.query(target, "SELECT tgenabled FROM pg_trigger WHERE NOT tgisinternal"));
    }

    @Test
    void aSecondSyncFindsNothingToDoAndIsNotTakenForSomeoneElse() throws Exception {
        migrate();
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("UPDATE parent SET name = 'changed' WHERE id = 5");
        }
        // without its primary key in PostgreSQL the table is still matched by SQLite's key, just not through an index
        execute(target, "ALTER TABLE public.parent DROP CONSTRAINT parent_pkey CASCADE");
        assertEquals(1, sync(false).updated());
        assertEquals("changed", ResumeTest.query(target, "SELECT name FROM public.parent WHERE id = 5"));
        SyncResult again = sync(false);
        assertTrue(again.verified());
        assertEquals(0, again.inserted() + again.updated() + again.deleted());
    }

    @Test
    void rowsSomeoneElseWroteInPostgresStopTheSyncUnlessForced() throws Exception {
        migrate();
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("UPDATE parent SET name = 'from sqlite' WHERE id = 1");
        }
        execute(target, "INSERT INTO public.parent VALUES (999, 'written in PostgreSQL')");

        FerryException e = assertThrows(FerryException.class, () -> sync(false));
        assertEquals(FerryException.Kind.TARGET, e.kind());
        assertTrue(e.getMessage().contains("Someone else wrote to table parent") && e.getMessage().contains("changed nothing"),
                e.getMessage());
        assertTrue(e.advice().contains("--force"), e.advice());
        assertEquals("parent 1", ResumeTest.query(target, "SELECT name FROM public.parent WHERE id = 1"));

        SyncResult forced = sync(true);
        assertTrue(forced.verified());
        assertEquals(0, count(target, "SELECT count(*) FROM public.parent WHERE id = 999"));
        assertEquals("from sqlite", ResumeTest.query(target, "SELECT name FROM public.parent WHERE id = 1"));
    }

    @Test
    void aTableReadBackInSeveralPartsSyncsTheSame() throws Exception {
        migrate();
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("UPDATE child SET note = NULL WHERE id % 7 = 0", "DELETE FROM child WHERE id > 490");
        }
        System.setProperty("ferry.verify.splitBlocks", "1"); // PostgreSQL hashes the table in block ranges at once
        try {
            SyncResult r = sync(false);
            assertTrue(r.verified(), r.toString());
            SyncResult.Table child = r.tables().stream().filter(t -> t.source().equals("child")).findFirst().orElseThrow();
            assertEquals(10, child.deleted());
            assertEquals(71 - 1, child.updated()); // ids 7, 14, ... 497, but 497 went
        } finally {
            System.clearProperty("ferry.verify.splitBlocks");
        }
        assertVerified();
    }

    @Test
    void aFileNeverMigratedIsRefused() throws Exception {
        migrate();
        Path other = dir.resolve("other.sqlite");
        try (SqliteFixture db = SqliteFixture.at(other)) {
            db.sql("CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        }
        Migration m = new Migration(Options.of(other, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        FerryException e = assertThrows(FerryException.class, () -> m.sync(false));
        assertTrue(e.getMessage().contains("no finished migration of") && e.getMessage().contains("Nothing was changed"),
                e.getMessage());
    }
}
