package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.ferry.plan.Plan;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A table planned from a sample whose late value does not fit is planned again and copied again
 * (run/Replan); the other tables are not touched by that. What must happen: a table analyzed as
 * soon as its own copy ended, before the re-plan, is not analyzed again by the new plan's
 * completer; the table planned again is analyzed once, after its second copy. Each ANALYZE is a
 * line of ferry.log (run/Statistics), counted here.
 */
class ReplanAnalyzesOnceTest {

    private static final int ROWS = 20_000;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final CountDownLatch otherAnalyzed = new CountDownLatch(1);
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            log.add(e.getFormattedMessage());
            if (e.getFormattedMessage().endsWith("ANALYZE public.other")) {
                otherAnalyzed.countDown();
            }
        }
    };

    @BeforeEach
    void listen() {
        appender.start();
        ((Logger) LoggerFactory.getLogger(Statistics.class)).addAppender(appender);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(Statistics.class)).detachAppender(appender);
        appender.stop();
    }

    @Test
    void onlyTheTablePlannedAgainIsAnalyzedAfterTheReplan(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("late.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE events (id INTEGER PRIMARY KEY, n INTEGER)",
                    ResumeTest.series(ROWS - 1, "INSERT INTO events SELECT i, i * 7 FROM n"),
                    "INSERT INTO events VALUES (" + ROWS + ", 'twenty thousand')",
                    "CREATE TABLE other (id INTEGER PRIMARY KEY, v TEXT)",
                    ResumeTest.series(300, "INSERT INTO other SELECT i, 'v' || i FROM n"));
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();
        Migration m = new Migration(ResumeTest.options(file, target, 2, 1_000), e -> {
            events.add(e);
            // events' last row, the misfit, waits until the small table's own ANALYZE is done
            if (e instanceof MigrationEvent.RowsCopied r && r.table().equals("events") && r.done() >= 1_000) {
                try {
                    otherAnalyzed.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Plan plan = m.preflight(100);
        assertTrue(plan.table("events").orElseThrow().sampled() && plan.table("other").orElseThrow().sampled());
        Result r = m.run(plan);
        ResumeTest.assertVerified(r, java.util.Map.of("events", (long) ROWS, "other", 300L));
        assertTrue(events.stream().anyMatch(e -> e instanceof MigrationEvent.Note n
                && n.text().contains("planned that table from a sample")), "events was planned again");
        assertEquals(1, analyzes("other"), "analyzed once, as its copy ended: " + log);
        assertEquals(1, analyzes("events"), "analyzed once, after its second copy: " + log);
        assertTrue(events.stream().anyMatch(e -> e instanceof MigrationEvent.Note n
                && n.text().startsWith("Statistics for PostgreSQL's planner gathered (ANALYZE) for 2 of 2 tables")), events.toString());
        assertEquals("text", ResumeTest.query(target, "SELECT data_type FROM information_schema.columns "
                + "WHERE table_name = 'events' AND column_name = 'n'"), "planned again from every value");
    }

    private long analyzes(String table) {
        return log.stream().filter(l -> l.endsWith("ANALYZE public." + table)).count();
    }
}
