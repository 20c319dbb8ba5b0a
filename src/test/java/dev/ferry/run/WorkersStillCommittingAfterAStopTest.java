package dev.ferry.run;

import static dev.ferry.run.ResumeTest.count;
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
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parallel.map returned as soon as it saw one task fail (or the run cancelled), while the other
 * parts of the copy might still be committing chunks: a ResumeTest flake read the journal at 55,000
 * rows and the table at 50,000, a moment apart. When a part fails or the run is cancelled, map must
 * return only once every other part has stopped (at its next chunk), and parts not yet started must
 * never start: "stopped" means nothing of the run still writes.
 */
class WorkersStillCommittingAfterAStopTest {

    @Test
    void mapReturnsOnlyOnceTheOtherWorkersHaveStopped() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger running = new AtomicInteger(), started = new AtomicInteger(), chunks = new AtomicInteger();
        List<String> parts = List.of("failing", "slow-but-fine", "committing", "never-started", "never-started-either");
        RuntimeException e = assertThrows(RuntimeException.class, () -> Parallel.map(parts, 3, part -> {
            started.incrementAndGet();
            running.incrementAndGet();
            try {
                if (part.equals("failing")) {
                    sleep(100);
                    stop.set(true); // as Runner.copy does before the failure reaches map
                    throw new IllegalStateException("part failed");
                }
                while (!stop.get()) { // a chunk at a time, looking at the stop flag between chunks
                    chunk(part.equals("slow-but-fine") ? 300 : 20);
                    chunks.incrementAndGet();
                }
                return part;
            } finally {
                running.decrementAndGet();
            }
        }));
        assertEquals("part failed", e.getMessage(), "the failure is what map throws, not the others' stopping");
        assertEquals(0, running.get(), "no worker is still running when map returns");
        int after = chunks.get();
        sleep(400);
        assertEquals(after, chunks.get(), "no chunk is committed after map returned");
        assertEquals(3, started.get(), "the parts not started when the failure came never start");
    }

    @Test
    void aCancelledCopyHasTheJournalAndTheTablesAgreeTheMomentRunReturns(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("parts.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE readings (id INTEGER PRIMARY KEY, sensor TEXT NOT NULL, value REAL)",
                    series(ResumeTest.READINGS, "INSERT INTO readings SELECT i, 'sensor-' || (i % 97), i * 0.5 FROM n"),
                    "CREATE TABLE events (id INTEGER PRIMARY KEY, what TEXT)",
                    series(200_000, "INSERT INTO events SELECT i, printf('event %d', i) FROM n"));
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        Options options = ResumeTest.options(file, target, 3, 1_500);
        AtomicInteger seen = new AtomicInteger();
        AtomicReference<Migration> m = new AtomicReference<>();
        m.set(new Migration(options, ev -> {
            if (ev instanceof MigrationEvent.RowsCopied r && r.table().equals("events") && seen.incrementAndGet() == 5) {
                m.get().cancel();
            }
        }));
        Plan plan = m.get().preflight();
        FerryException f = assertThrows(FerryException.class, () -> m.get().run(plan));
        assertEquals(FerryException.Kind.INTERRUPTED, f.kind());
        String both = "SELECT (SELECT count(*) FROM readings) + (SELECT count(*) FROM events) "
                + "- (SELECT sum(rows_committed) FROM ferry_journal.progress)";
        String rows = "SELECT (SELECT count(*) FROM readings) + (SELECT count(*) FROM events)";
        long first = count(target, rows);
        assertEquals(0, count(target, both), "the journal counts exactly the committed rows");
        sleep(500);
        assertEquals(first, count(target, rows), "nothing was committed after the run said it stopped");
        assertTrue(first < ResumeTest.READINGS + 200_000, "cancelled midway, not at " + first);
    }

    /** A chunk's COPY and COMMIT: like JDBC's socket I/O, an interrupt does not cut it short. */
    private static void chunk(long ms) {
        long until = System.nanoTime() + ms * 1_000_000;
        boolean interrupted = false;
        while (System.nanoTime() < until) {
            try {
                Thread.sleep(Math.max(1, (until - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
