package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.ferry.postgres.Naming;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The order of the run's last steps, as ferry.log records them (issue #19, "keep both cores busy to
 * the end"): a table is checked and analyzed as soon as its own copy ends, while bigger tables are
 * still being copied; ANALYZE runs before a table's keys (beside the checksums, not alone at the
 * very end), except on a table with an index on an expression, whose statistics exist only once the
 * index does.
 */
class CompletionOrderTest {

    @TempDir
    Path dir;

    /** The run's ferry.log lines, in the order they were written. */
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<Runnable> onLine = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            log.add(e.getFormattedMessage());
            onLine.forEach(Runnable::run);
        }
    };

    @BeforeEach
    void listen() {
        appender.start();
        ((Logger) LoggerFactory.getLogger("dev.ferry")).addAppender(appender);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger("dev.ferry")).detachAppender(appender);
        appender.stop();
    }

    @Test
    void aSmallTableIsCheckedAndAnalyzedWhileABigOneIsStillBeingCopied() throws Exception {
        Path file = dir.resolve("order.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE big (id INTEGER PRIMARY KEY, body TEXT NOT NULL)",
                    "CREATE TABLE small (id INTEGER PRIMARY KEY, name TEXT)",
                    "INSERT INTO big WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
                            + "SELECT i, 'row ' || i FROM n",
                    "INSERT INTO small VALUES (1, 'a'), (2, 'b'), (3, NULL)");
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        CountDownLatch smallChecked = new CountDownLatch(1);
        onLine.add(() -> {
            if (log.stream().anyMatch(l -> l.contains("checksummed 3 rows of small "))
                    && log.stream().anyMatch(l -> l.endsWith("ANALYZE public.small"))) {
                smallChecked.countDown();
            }
        });
        AtomicBoolean first = new AtomicBoolean(true), checkedMeanwhile = new AtomicBoolean();
        // two jobs: one copies big, the other small; big's copy is held at its first chunk until small
        // is checked and analyzed, which happens only if these do not wait for every copy to end
        Options options = new Options(file, target, TestPostgres.get().adminPassword(), "public", Options.IfExists.FAIL, 2,
                Naming.Style.LOWER, Map.of(), 1_000);
        Migration m = new Migration(options, e -> {
            if (e instanceof MigrationEvent.RowsCopied r && r.table().equals("big") && r.done() < r.total()
                    && first.getAndSet(false)) {
                try {
                    checkedMeanwhile.set(smallChecked.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Result r = m.run(m.preflight());

        assertEquals(Result.Status.DONE, r.status(), r.toString());
        assertTrue(checkedMeanwhile.get(), "small was not checked and analyzed while big was still being copied: " + log);
        int bigCopied = index(l -> l.contains("copied 20000 rows of big"));
        assertTrue(index(l -> l.contains("checksummed 3 rows of small ")) < bigCopied, log.toString());
        assertTrue(index(l -> l.endsWith("ANALYZE public.small")) < bigCopied, log.toString());
        r.tables().forEach(t -> assertTrue(t.checksumMatch(), t.toString()));
    }

    @Test
    void analyzeComesBeforeATablesKeysUnlessItHasAnIndexOnAnExpression() throws Exception {
        Path file = dir.resolve("stats.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE plain (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
                    "CREATE INDEX plain_name ON plain (name)",
                    "CREATE TABLE lowered (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
                    "CREATE INDEX lowered_name ON lowered (lower(name))",
                    "INSERT INTO plain WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) "
                            + "SELECT i, 'Name ' || (i % 7) FROM n",
                    "INSERT INTO lowered SELECT id, name FROM plain");
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        Migration m = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), null);
        Result r = m.run(m.preflight());
        assertEquals(Result.Status.DONE, r.status(), r.toString());

        int analyzePlain = index(l -> l.endsWith("ANALYZE public.plain"));
        int analyzeLowered = index(l -> l.endsWith("ANALYZE public.lowered"));
        assertTrue(analyzePlain >= 0 && analyzeLowered >= 0, log.toString());
        assertTrue(analyzePlain < index(l -> l.contains("CREATE INDEX plain_name ON public.plain")), log.toString());
        assertTrue(analyzePlain < index(l -> l.contains("CREATE UNIQUE INDEX plain_pkey ON public.plain")), log.toString());
        assertTrue(analyzeLowered > index(l -> l.contains("CREATE INDEX lowered_name ON public.lowered")), log.toString());
        // what analyzing last is for: PostgreSQL keeps statistics of the indexed expression itself
        try (Connection c = TestPostgres.get().connect(target); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stats WHERE schemaname = 'public' AND tablename = 'lowered_name'")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "statistics of lower(name)");
        }
    }

    /** Where the first line {@code p} matches is in the log; -1 when none does. */
    private int index(Predicate<String> p) {
        List<String> lines = List.copyOf(log);
        for (int i = 0; i < lines.size(); i++) {
            if (p.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
