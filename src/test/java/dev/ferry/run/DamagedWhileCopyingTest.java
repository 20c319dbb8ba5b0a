package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.plan.Plan;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.DamagedFile;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migrate no longer waits for SQLite's check of the file before copying: the check goes on beside
 * the copy and is joined before the run is called done. What must still happen when the file is
 * damaged where the plan did not read it, whoever finds it (the check, while the rows are being
 * copied, or the copy itself reading the damaged page): the run stops, the damage is told in the
 * preflight's own words (a SOURCE failure, exit code 3), and nothing the run made is left in
 * PostgreSQL: its tables are dropped and its journal says it was undone.
 */
class DamagedWhileCopyingTest {

    @Test
    void damageTheCheckFindsWhileTheRowsAreCopiedStopsTheRunAndLeavesNothing(@TempDir Path dir) throws Exception {
        Path file = DamagedFile.write(dir);
        TargetAddress target = TestPostgres.get().freshDatabase();
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();
        CountDownLatch copying = new CountDownLatch(1);
        Migration m = new Migration(ResumeTest.options(file, target, 2, 1_000), e -> {
            events.add(e);
            if (e instanceof MigrationEvent.PhaseStarted p && p.phase() == MigrationEvent.Phase.COPY) {
                copying.countDown();
                awaitCheck(); // the check has its say while the copy has only begun
            }
        });
        m.beforeCheck = () -> await(copying); // on a file this small the check would be done before the run begins
        Plan plan = m.preflight(1); // a sample of one row: the damaged row is not read before the copy
        FerryException e = assertThrows(FerryException.class, () -> m.run(plan));
        assertEquals(FerryException.Kind.SOURCE, e.kind(), e.getMessage());
        assertEquals(3, e.kind().exitCode);
        assertTrue(e.getMessage().startsWith("damaged.sqlite is damaged: SQLite's own check of the file failed"), e.getMessage());
        assertTrue(e.advice().contains(".recover"), e.advice());
        assertTrue(events.stream().noneMatch(ev -> ev instanceof MigrationEvent.PhaseFinished p
                && p.phase() == MigrationEvent.Phase.COPY), "the copy stopped: " + events);
        assertNothingLeft(target, true);
    }

    @Test
    void damageTheCopyMeetsIsToldAsTheCheckTellsItAndLeavesNothing(@TempDir Path dir) throws Exception {
        Path file = DamagedFile.sound(dir);
        TargetAddress target = TestPostgres.get().freshDatabase();
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();
        Migration m = new Migration(ResumeTest.options(file, target, 2, 1_000), events::add);
        Plan plan = m.preflight(); // checked whole and sound (the wizard's Review does this) ...
        DamagedFile.breakOverflowLink(file); // ... then damaged before the run: only the copy reads it now
        FerryException e = assertThrows(FerryException.class, () -> m.run(plan));
        assertEquals(FerryException.Kind.SOURCE, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("damaged.sqlite is damaged: SQLite's own check of the file failed"), e.getMessage());
        assertTrue(e.getMessage().contains("malformed"), "SQLite's own words: " + e.getMessage());
        assertNothingLeft(target, true);
        assertTrue(events.stream().anyMatch(ev -> ev instanceof MigrationEvent.Note n && n.text().startsWith("Ferry removed what "
                + "this run had made")), "the undo is told");
    }

    @Test
    void damageFoundBeforeTheRunMakesNothing(@TempDir Path dir) throws Exception {
        Path file = DamagedFile.write(dir);
        TargetAddress target = TestPostgres.get().freshDatabase();
        Migration m = new Migration(ResumeTest.options(file, target, 2, 1_000), MigrationListener.NONE);
        Plan plan = m.preflight(1);
        awaitCheck(); // the user read the plan for a while
        FerryException e = assertThrows(FerryException.class, () -> m.run(plan));
        assertEquals(FerryException.Kind.SOURCE, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("is damaged"), e.getMessage());
        assertNothingLeft(target, false);
    }

    /** No table in the schema; the run, if it was made, undone in the journal. */
    private static void assertNothingLeft(TargetAddress target, boolean made) throws Exception {
        assertEquals(0, ResumeTest.count(target, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"),
                "no table left behind");
        if (made) {
            assertEquals("undone", ResumeTest.query(target, "SELECT status FROM ferry_journal.runs"));
        } else {
            assertEquals(0, ResumeTest.count(target, "SELECT count(*) FROM information_schema.schemata "
                    + "WHERE schema_name = 'ferry_journal'"), "nothing made at all");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the copy did not begin within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until SQLite's check, on its own thread, has ended. */
    static void awaitCheck() {
        long until = System.nanoTime() + 60_000_000_000L;
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("ferry-source-check") && t.isAlive())) {
            if (System.nanoTime() > until) {
                throw new AssertionError("SQLite's check did not end within 60 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
