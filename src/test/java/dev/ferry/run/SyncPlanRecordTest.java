package dev.ferry.run;

import static dev.ferry.run.ResumeTest.count;
import static dev.ferry.run.SyncTest.series;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync plans from the migrate's decisions kept in the journal instead of profiling the file
 * again: it says so, and what changed since the migrate is checked against those decisions — a new
 * table or column in SQLite, or a written row whose value the column's type was not chosen for, is
 * refused in plain words with nothing changed.
 */
class SyncPlanRecordTest {

    @TempDir
    Path dir;

    private Path file;
    private TargetAddress target;

    private Options options() {
        return Options.of(file, target, TestPostgres.get().adminPassword());
    }

    private void migrate() {
        file = dir.resolve("app.sqlite");
        target = TestPostgres.get().freshDatabase();
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
                    "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id),"
                            + " n INTEGER, at DATETIME, token TEXT)",
                    series(10, "INSERT INTO parent SELECT value, 'parent ' || value FROM s"),
                    series(300, "INSERT INTO child SELECT value, 1 + value % 10, value, '2024-01-02 03:04:05', "
                            + "printf('%08x-0000-4000-8000-%012x', value, value) FROM s"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Migration m = new Migration(options(), MigrationListener.NONE);
        assertEquals(Result.Status.DONE, m.run(m.preflight()).status());
    }

    private void sqlite(String... sql) {
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql(sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theMigratesDecisionsAreKeptAndTheSyncPlansFromThemWithoutProfiling() throws Exception {
        migrate();
        String json;
        try (var c = TestPostgres.get().connect(target)) {
            UUID run = Journal.runs(c, "public", null).get(0).id();
            json = Journal.plan(c, run);
        }
        assertNotNull(json, "the migrate notes its decisions in the journal");
        PlanRecord record = PlanRecord.parse(json);
        assertNotNull(record);
        assertTrue(record.madeWith(options()));

        sqlite("UPDATE child SET n = n + 1000 WHERE id % 10 = 0", "INSERT INTO child VALUES (301, 2, 5, '2025-05-05 05:05:05', "
                + "'0000012d-0000-4000-8000-00000000012d')");
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();
        SyncResult r = new Migration(options(), events::add).sync(false);

        assertTrue(r.verified(), r.toString());
        assertEquals(30, r.updated());
        assertEquals(1, r.inserted());
        assertTrue(events.stream().anyMatch(e -> e instanceof MigrationEvent.Note n && n.text().equals(Sync.PLANNED_FROM_JOURNAL)),
                "the sync says it planned from the journal");
        assertEquals(5, count(target, "SELECT n FROM public.child WHERE id = 301"));
        assertEquals(1010, count(target, "SELECT n FROM public.child WHERE id = 10"));
    }

    @Test
    void aRunThatKeptNoDecisionsIsSyncedByProfilingTheFileAgain() throws Exception {
        migrate();
        TriggersTest.execute(target, "DELETE FROM ferry_journal.plans"); // as a migrate by an earlier Ferry left it
        sqlite("UPDATE child SET n = -1 WHERE id = 3");
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();
        SyncResult r = new Migration(options(), events::add).sync(false);

        assertTrue(r.verified(), r.toString());
        assertEquals(1, r.updated());
        assertFalse(events.stream().anyMatch(e -> e instanceof MigrationEvent.Note n && n.text().equals(Sync.PLANNED_FROM_JOURNAL)));
        assertEquals(-1, count(target, "SELECT n FROM public.child WHERE id = 3"));
    }

    @Test
    void aColumnAddedInSqliteSinceTheMigrateIsRefusedPlainly() throws Exception {
        migrate();
        sqlite("ALTER TABLE child ADD COLUMN colour TEXT", "UPDATE child SET colour = 'red', n = 0 WHERE id = 1");

        FerryException e = assertThrows(FerryException.class, () -> new Migration(options(), MigrationListener.NONE).sync(false));
        assertTrue(e.getMessage().contains("Column child.colour was added to the SQLite file since the migration")
                && e.getMessage().contains("Nothing was changed"), e.getMessage());
        assertTrue(e.advice().contains("--if-exists replace"), e.advice());
        assertEquals(1, count(target, "SELECT n FROM public.child WHERE id = 1"), "nothing was written");
    }

    @Test
    void aTableAddedInSqliteSinceTheMigrateIsRefusedPlainly() {
        migrate();
        sqlite("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)");

        FerryException e = assertThrows(FerryException.class, () -> new Migration(options(), MigrationListener.NONE).sync(false));
        assertTrue(e.getMessage().contains("Table note is new in the SQLite file since the migration"), e.getMessage());
        assertTrue(e.advice().contains("--exclude note"), e.advice());
    }

    @Test
    void aWrittenValueTheColumnsTypeWasNotChosenForStopsTheSync() throws Exception {
        migrate();
        sqlite("UPDATE child SET n = n + 1 WHERE id = 5", "UPDATE child SET n = 'many' WHERE id = 7");

        FerryException e = assertThrows(FerryException.class, () -> new Migration(options(), MigrationListener.NONE).sync(false));
        // the comparison reads values as the copy does, and the copy's own check already names it
        assertTrue(e.getMessage().contains("column n") && e.getMessage().contains("'many'"), e.getMessage());
        assertEquals(5, count(target, "SELECT n FROM public.child WHERE id = 5"), "nothing was written");

        sqlite("UPDATE child SET n = 7 WHERE id = 7", "UPDATE child SET at = 'not a time' WHERE id = 8");
        FerryException time = assertThrows(FerryException.class, () -> new Migration(options(), MigrationListener.NONE).sync(false));
        assertTrue(time.getMessage().contains("column at") && time.getMessage().contains("'not a time'"), time.getMessage());

        // an upper-case UUID would come back lower-case from PostgreSQL's uuid: only the migrate's rule knows that
        sqlite("UPDATE child SET at = '2024-01-02 03:04:05' WHERE id = 8",
                "UPDATE child SET token = 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11' WHERE id = 9");
        FerryException uuid = assertThrows(FerryException.class, () -> new Migration(options(), MigrationListener.NONE).sync(false));
        assertTrue(uuid.getMessage().contains("Column child.token now holds a value the migration did not plan for "
                + "('A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11')") && uuid.getMessage().contains("uuid")
                && uuid.getMessage().contains("Nothing was changed"), uuid.getMessage());
        assertTrue(uuid.advice().contains("--if-exists replace"), uuid.advice());
        assertEquals(5, count(target, "SELECT n FROM public.child WHERE id = 5"), "nothing was written");

        sqlite("UPDATE child SET token = '0000000a-0000-4000-8000-00000000000a' WHERE id = 9");
        SyncResult r = new Migration(options(), MigrationListener.NONE).sync(false);
        assertTrue(r.verified(), r.toString());
        assertEquals(2, r.updated()); // rows 5 and 9 (7 and 8 were put back as they were)
        assertEquals("uuid", ResumeTest.query(target, "SELECT data_type FROM information_schema.columns WHERE column_name = 'token'"));
        assertFalse(r.tables().stream().anyMatch(SyncResult.Table::whole));
    }
}
