package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.plan.Plan;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run planned from samples can stop anywhere and be resumed, also around a table planned again.
 * What must happen: the resume makes the run's own plan again (the same samples, and the tables it
 * had planned again from every value: the journal keeps which), so it is not refused as "started
 * with other choices"; a table whose late value did not fit is planned again, dropped, made anew
 * and copied from its first row, its old parts dropped from the journal, whether the stop came
 * before the misfit was seen or after the table was planned again. In the end every row is there
 * once, verified, with the types the full profile chooses.
 */
class ResumeAfterReplanTest {

    private static final int ROWS = 20_000;
    private static final int SAMPLE = 100; // 32 slices of 3 rows: the last row is not in it

    @Test
    void stoppedBeforeTheMisfitWasSeen(@TempDir Path dir) throws Exception {
        Path file = file(dir);
        TargetAddress target = TestPostgres.get().freshDatabase();
        Options options = ResumeTest.options(file, target, 1, 1_000);
        // the third committed chunk of the table: its last row, the misfit, is not read yet
        FerryException e = stop(options, (m, ev) -> ev instanceof MigrationEvent.RowsCopied r && r.table().equals("events")
                && r.done() >= 3_000);
        assertEquals(FerryException.Kind.INTERRUPTED, e.kind());
        long partial = ResumeTest.count(target, "SELECT sum(rows_committed) FROM ferry_journal.progress WHERE table_name = 'events'");
        assertTrue(partial > 0 && partial < ROWS, "stopped midway, not " + partial);
        assertEquals("bigint", ResumeTest.query(target, "SELECT data_type FROM information_schema.columns "
                + "WHERE table_name = 'events' AND column_name = 'n'"), "the sample's plan, not yet found wrong");

        resumeAndCheck(options, target, true);
    }

    @Test
    void stoppedAfterTheTableWasPlannedAgain(@TempDir Path dir) throws Exception {
        Path file = file(dir);
        TargetAddress target = TestPostgres.get().freshDatabase();
        Options options = ResumeTest.options(file, target, 1, 1_000);
        FerryException e = stop(options, (m, ev) -> ev instanceof MigrationEvent.Note n
                && n.text().contains("planned that table from a sample"));
        assertEquals(FerryException.Kind.INTERRUPTED, e.kind());
        String fullType = new Migration(options, MigrationListener.NONE).preflight().table("events").orElseThrow()
                .column("n").type().sql();
        assertTrue(!fullType.equals("bigint") && fullType.equals(ResumeTest.query(target, "SELECT data_type FROM "
                + "information_schema.columns WHERE table_name = 'events' AND column_name = 'n'")),
                "made anew with the full profile's type, " + fullType);
        assertEquals(Set.of("events"), sampling(target).replanned(), "the journal keeps which table was planned again");

        resumeAndCheck(options, target, false);
    }

    /** The resume as the command line makes it: its plan from the full profile, the run's own plan made again from the journal. */
    private static void resumeAndCheck(Options options, TargetAddress target, boolean replanDuringResume) throws Exception {
        Plan full = new Migration(options, MigrationListener.NONE).preflight();
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();
        Migration again = new Migration(options, events::add);
        Result r = again.resume(again.preflight());
        ResumeTest.assertVerified(r, Map.of("events", (long) ROWS, "other", (long) ROWS));
        assertEquals(ROWS, ResumeTest.count(target, "SELECT count(DISTINCT id) FROM events"), "no row twice");
        assertEquals(ROWS, ResumeTest.count(target, "SELECT sum(rows_committed) FROM ferry_journal.progress "
                + "WHERE table_name = 'events'"), "the journal's parts are the new table's only");
        assertEquals("five thousand", ResumeTest.query(target, "SELECT n FROM events WHERE id = " + ROWS));
        assertEquals(full.table("events").orElseThrow().column("n").type(), r.plan().table("events").orElseThrow()
                .column("n").type());
        assertTrue(r.plan().table("other").orElseThrow().sampled(), "the other table kept its sample's plan");
        assertEquals(replanDuringResume, events.stream().anyMatch(e -> e instanceof MigrationEvent.Note n
                && n.text().contains("planned that table from a sample")), "the re-plan told when it happened");
        assertTrue(r.problems().containsAll(full.problems().stream().filter(p -> "events".equals(p.table())).toList()),
                "the re-planned table's problems are reported");
        assertEquals("done", ResumeTest.query(target, "SELECT status FROM ferry_journal.runs"));
        PlanRecord.Sampling s = sampling(target);
        assertNotNull(s, "the final record says the plan came from samples");
        assertEquals(Set.of("events"), s.replanned());
    }

    private static PlanRecord.Sampling sampling(TargetAddress target) throws Exception {
        return PlanRecord.sampling(ResumeTest.query(target, "SELECT decisions FROM ferry_journal.plans"));
    }

    /** A sampled run (samples of {@value #SAMPLE} rows) cancelled at the first event {@code when} takes. */
    private static FerryException stop(Options options, BiPredicate<Migration, MigrationEvent> when) {
        AtomicReference<Migration> m = new AtomicReference<>();
        AtomicInteger stops = new AtomicInteger();
        m.set(new Migration(options, e -> {
            if (when.test(m.get(), e) && stops.getAndIncrement() == 0) {
                m.get().cancel();
            }
        }));
        Plan plan = m.get().preflight(SAMPLE);
        assertTrue(plan.table("events").orElseThrow().sampled());
        return assertThrows(FerryException.class, () -> m.get().run(plan));
    }

    /** Integers in {@code events.n} until its last row, which holds text; {@code other} is plain. */
    private static Path file(Path dir) throws Exception {
        Path file = dir.resolve("late.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE events (id INTEGER PRIMARY KEY, n INTEGER)",
                    ResumeTest.series(ROWS - 1, "INSERT INTO events SELECT i, i * 7 FROM n"),
                    "INSERT INTO events VALUES (" + ROWS + ", 'five thousand')",
                    "CREATE TABLE other (id INTEGER PRIMARY KEY, v TEXT)",
                    ResumeTest.series(ROWS, "INSERT INTO other SELECT i, 'v' || i FROM n"));
        }
        return file;
    }
}
