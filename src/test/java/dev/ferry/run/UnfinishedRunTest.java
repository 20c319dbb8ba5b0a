package dev.ferry.run;

import static dev.ferry.run.ResumeTest.cancelAfter;
import static dev.ferry.run.ResumeTest.count;
import static dev.ferry.run.ResumeTest.options;
import static dev.ferry.run.ResumeTest.series;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.plan.Plan;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Ferry refuses while a run of the same file into the same schema is unfinished; each refusal changes nothing. */
class UnfinishedRunTest {

    @TempDir
    Path dir;
    Path file;
    TargetAddress target;
    Options options;
    long copied;

    @BeforeEach
    void cancelledRun() throws Exception {
        file = dir.resolve("orders.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT)",
                    series(20_000, "INSERT INTO orders SELECT i, 'item ' || i FROM n"));
        }
        target = TestPostgres.get().freshDatabase();
        options = options(file, target, 1, 1_000);
        assertEquals(FerryException.Kind.INTERRUPTED, cancelAfter(options, "orders", 2).kind());
        copied = count(target, "SELECT count(*) FROM orders");
        assertEquals(2_000, copied);
    }

    @Test
    void aNewRunIsRefusedWithBothWaysOut() throws Exception {
        Migration m = new Migration(options, MigrationListener.NONE);
        Plan plan = m.preflight();
        FerryException e = assertThrows(FerryException.class, () -> m.run(plan));
        assertEquals(FerryException.Kind.TARGET, e.kind());
        assertEquals(4, e.kind().exitCode);
        assertTrue(e.getMessage().contains("did not finish") && e.getMessage().contains("Nothing was changed"), e.getMessage());
        assertTrue(e.advice().contains("--resume") && e.advice().contains("ferry undo"), e.advice());
        assertEquals(copied, count(target, "SELECT count(*) FROM orders"));
        assertEquals(1, count(target, "SELECT count(*) FROM ferry_journal.runs"));
    }

    @Test
    void resumeRefusesASourceFileThatChanged() throws Exception {
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("INSERT INTO orders (item) VALUES ('added later')");
        }
        Migration m = new Migration(options, MigrationListener.NONE);
        Plan plan = m.preflight();
        assertTrue(m.findUnfinished().orElseThrow().sourceChanged());
        FerryException e = assertThrows(FerryException.class, () -> m.resume(plan));
        assertEquals(FerryException.Kind.SOURCE, e.kind());
        assertEquals(3, e.kind().exitCode);
        assertTrue(e.getMessage().contains("has changed since"), e.getMessage());
        assertTrue(e.advice().contains("ferry undo"), e.advice());
        assertEquals(copied, count(target, "SELECT count(*) FROM orders"));
        assertEquals("cancelled", ResumeTest.query(target, "SELECT status FROM ferry_journal.runs"));
    }

    @Test
    void resumeRefusesOtherChoicesOfTypes() throws Exception {
        Options other = options.withOverrides(java.util.Map.of("orders.item", dev.ferry.plan.PgType.parse("varchar(200)")));
        Migration m = new Migration(other, MigrationListener.NONE);
        Plan plan = m.preflight();
        FerryException e = assertThrows(FerryException.class, () -> m.resume(plan));
        assertEquals(FerryException.Kind.USAGE, e.kind());
        assertTrue(e.getMessage().contains("other choices"), e.getMessage());
    }

    @Test
    void undoAfterACancelLeavesTheDatabaseAsItWas() throws Exception {
        Undo u = new Migration(options, MigrationListener.NONE).undo(null, false);
        assertEquals(java.util.List.of("orders"), u.tables());
        assertEquals(0, count(target, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
        assertEquals("undone", ResumeTest.query(target, "SELECT status FROM ferry_journal.runs"));
        Migration m = new Migration(options, MigrationListener.NONE);
        ResumeTest.assertVerified(m.run(m.preflight()), java.util.Map.of("orders", 20_000L));
    }
}
