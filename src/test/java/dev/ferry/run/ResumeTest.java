package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.postgres.Naming;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import dev.ferry.verify.TableCheck;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cancelled run goes on where it stopped: tables already copied are skipped, a part stopped
 * midway continues after its last committed rowid, a WITHOUT ROWID table starts over; in the end
 * every row is there exactly once, and counts and checksums of the whole tables agree.
 */
class ResumeTest {

    static final int READINGS = 450_000; // above CopyPart's split size, so two parts copy it at once

    @Test
    void cancelMidCopyThenResumeCopiesEveryRowExactlyOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("readings.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE readings (id INTEGER PRIMARY KEY, sensor TEXT NOT NULL, value REAL)",
                    series(READINGS, "INSERT INTO readings SELECT i, 'sensor-' || (i % 97), i * 0.5 FROM n"),
                    "CREATE TABLE notes (body TEXT)", // no key: only the hidden rowid orders it
                    series(20_000, "INSERT INTO notes SELECT printf('note %d', i) FROM n"));
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        Options options = options(file, target, 2, 5_000);
        FerryException e = cancelAfter(options, "readings", 10);
        assertEquals(FerryException.Kind.INTERRUPTED, e.kind());
        assertTrue(e.advice().contains("--resume"), e.advice());
        long partial = count(target, "SELECT count(*) FROM readings");
        assertTrue(partial > 0 && partial < READINGS, "cancelled midway, not " + partial);
        assertEquals("cancelled", query(target, "SELECT status FROM ferry_journal.runs"));
        assertEquals(partial, count(target, "SELECT sum(rows_committed) FROM ferry_journal.progress WHERE table_name = 'readings'"),
                "the journal counts exactly the committed rows");

        Migration again = new Migration(options, MigrationListener.NONE);
        assertTrue(again.findUnfinished().isPresent());
        Result r = again.resume(again.preflight());
        assertVerified(r, Map.of("readings", (long) READINGS, "notes", 20_000L));
        assertEquals(READINGS, count(target, "SELECT count(DISTINCT id) FROM readings"), "no row twice");
        assertEquals(READINGS, count(target, "SELECT count(*) FROM readings"));
        assertEquals("done", query(target, "SELECT status FROM ferry_journal.runs"));
        assertFalse(new Migration(options, MigrationListener.NONE).findUnfinished().isPresent());
    }

    @Test
    void finishedTablesAreSkippedAndAWithoutRowidTableStartsOver(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kv.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE first (id INTEGER PRIMARY KEY, v TEXT)",
                    series(40_000, "INSERT INTO first SELECT i, hex(randomblob(8)) FROM n"),
                    "CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER) WITHOUT ROWID",
                    series(30_000, "INSERT INTO kv SELECT printf('key-%06d', i), i FROM n"));
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        Options options = options(file, target, 1, 1_000); // one job: first, then kv
        assertEquals(FerryException.Kind.INTERRUPTED, cancelAfter(options, "kv", 3).kind());
        assertEquals(40_000, count(target, "SELECT count(*) FROM first"));
        assertEquals(3_000, count(target, "SELECT count(*) FROM kv"), "three chunks committed");

        List<MigrationEvent> events = new CopyOnWriteArrayList<>();
        Migration again = new Migration(options, events::add);
        Result r = again.resume(again.preflight());
        assertVerified(r, Map.of("first", 40_000L, "kv", 30_000L));
        assertTrue(events.stream().noneMatch(ev -> ev instanceof MigrationEvent.RowsCopied rc && rc.table().equals("first")
                && rc.done() < 40_000), "first was complete and is not copied again");
        assertEquals(30_000, count(target, "SELECT count(DISTINCT k) FROM kv"));
    }

    static FerryException cancelAfter(Options options, String table, int events) {
        AtomicInteger seen = new AtomicInteger();
        AtomicReference<Migration> m = new AtomicReference<>();
        m.set(new Migration(options, e -> {
            if (e instanceof MigrationEvent.RowsCopied r && r.table().equals(table) && seen.incrementAndGet() == events) {
                m.get().cancel();
            }
        }));
        Plan plan = m.get().preflight();
        return assertThrows(FerryException.class, () -> m.get().run(plan));
    }

    static Options options(Path file, TargetAddress target, int jobs, long chunkRows) {
        return new Options(file, target, TestPostgres.get().adminPassword(), "public", Options.IfExists.FAIL, jobs,
                Naming.Style.LOWER, Map.of(), chunkRows);
    }

    static void assertVerified(Result r, Map<String, Long> rows) {
        assertEquals(Result.Status.DONE, r.status());
        for (TableCheck t : r.tables()) {
            assertTrue(t.checksumMatch(), t.source() + " checksum differs");
            assertEquals(rows.get(t.source()), t.targetRows(), t.source());
            assertEquals(t.sourceRows(), t.targetRows(), t.source());
        }
        assertTrue(r.problems().stream().noneMatch(p -> p.kind() == Problem.Kind.PRIMARY_KEY_NOT_CREATED), r.problems().toString());
    }

    static String series(int n, String insert) {
        return "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + n + ") " + insert;
    }

    static long count(TargetAddress target, String sql) throws SQLException {
        return Long.parseLong(query(target, sql));
    }

    static String query(TargetAddress target, String sql) throws SQLException {
        try (Connection c = TestPostgres.get().connect(target); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
