package dev.ferry.run;

import static dev.ferry.run.ResumeTest.count;
import static dev.ferry.run.SyncTest.series;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After writing, a large table is verified from the rows written (PostgreSQL reads them back inside
 * the transaction) instead of reading the whole table again; the result still agrees with a full
 * verify. When a foreign key's action (ON DELETE CASCADE) may change rows the sync did not write,
 * every table is read again whole instead.
 */
class SyncReadBackTest {

    @TempDir
    Path dir;

    private Path file;
    private TargetAddress target;

    @BeforeEach
    void everyTableCountsAsLarge() {
        System.setProperty("ferry.sync.readBackRows", "1");
    }

    @AfterEach
    void back() {
        System.clearProperty("ferry.sync.readBackRows");
    }

    private Options options() {
        return Options.of(file, target, TestPostgres.get().adminPassword());
    }

    private void migrate(String onDelete) throws Exception {
        file = dir.resolve("app.sqlite");
        target = TestPostgres.get().freshDatabase();
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
                    "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id)" + onDelete
                            + ", v REAL, note TEXT)",
                    series(20, "INSERT INTO parent SELECT value, 'parent ' || value FROM s"),
                    series(500, "INSERT INTO child SELECT value, 1 + value % 20, value * 1.5, 'note ' || value FROM s"));
        }
        Migration m = new Migration(options(), MigrationListener.NONE);
        assertEquals(Result.Status.DONE, m.run(m.preflight()).status());
    }

    private Map<String, SyncResult.Table> byName(SyncResult r) {
        return r.tables().stream().collect(Collectors.toMap(SyncResult.Table::source, Function.identity()));
    }

    private boolean fullyVerified() {
        Migration m = new Migration(options(), MigrationListener.NONE);
        Plan plan = m.preflight();
        return m.verify(plan).verified();
    }

    @Test
    void aWrittenTableIsVerifiedFromTheRowsWritten() throws Exception {
        migrate("");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("UPDATE child SET v = v + 1 WHERE id % 50 = 0", "DELETE FROM child WHERE id % 100 = 1",
                    series(7, "INSERT INTO child (parent_id, v, note) SELECT 3, value, 'new ' || value FROM s"),
                    "INSERT INTO parent VALUES (120, 'renamed parent 2')", "UPDATE child SET parent_id = 120 WHERE parent_id = 2",
                    "DELETE FROM parent WHERE id = 2");
        }

        SyncResult r = new Migration(options(), MigrationListener.NONE).sync(false);

        assertTrue(r.verified(), r.toString());
        Map<String, SyncResult.Table> t = byName(r);
        assertEquals(SyncResult.Proof.WRITTEN_ROWS, t.get("child").proof());
        assertEquals(SyncResult.Proof.WRITTEN_ROWS, t.get("parent").proof());
        assertEquals(502, t.get("child").check().targetRows());
        assertEquals(502, count(target, "SELECT count(*) FROM public.child"));
        assertEquals(t.get("child").check().sourceChecksum(), t.get("child").check().targetChecksum());
        assertTrue(fullyVerified(), "a full verify agrees");

        // a second sync with nothing to write proves both tables by the comparison alone
        SyncResult again = new Migration(options(), MigrationListener.NONE).sync(false);
        assertTrue(again.verified());
        assertTrue(again.tables().stream().allMatch(x -> x.proof() == SyncResult.Proof.COMPARED), again.toString());
    }

    @Test
    void aCascadingForeignKeyHasEveryTableReadAgainWhole() throws Exception {
        migrate(" ON DELETE CASCADE");
        assertEquals("c", ResumeTest.query(target, "SELECT confdeltype FROM pg_constraint WHERE contype = 'f'"));
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("UPDATE parent SET name = 'renamed' WHERE id = 4");
        }

        SyncResult r = new Migration(options(), MigrationListener.NONE).sync(false);

        assertTrue(r.verified(), r.toString());
        assertTrue(r.tables().stream().allMatch(x -> x.proof() == SyncResult.Proof.READ_AGAIN), r.toString());
        assertEquals(1, byName(r).get("parent").updated());
        assertEquals(0, byName(r).get("child").updated());
    }
}
