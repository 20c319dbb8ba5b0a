package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping a real Ferry process while it copies. Ctrl-C (SIGINT): its shutdown hook stops the copy,
 * the run is marked cancelled, the process exits 130 saying how to resume. kill -9: nothing runs
 * at all, the run stays marked running, and the server ends the dead process's sessions. Either
 * way, the resume then finishes with every row exactly once.
 */
class CtrlCTest {

    static final long ROWS = 1_000_000;

    @ParameterizedTest
    @ValueSource(strings = {"INT", "KILL"})
    void aStoppedProcessLeavesAResumableRun(String signal, @TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(File.separatorChar == '/', "sends SIGINT with kill");
        Path file = dir.resolve("readings.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE readings (id INTEGER PRIMARY KEY, sensor TEXT NOT NULL, value REAL, note TEXT)",
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + ROWS + ") "
                            + "INSERT INTO readings SELECT i, 'sensor-' || (i % 97), i * 0.5, printf('%040d', i) FROM n");
        }
        TargetAddress db = TestPostgres.get().freshDatabase();
        Path err = dir.resolve("err.txt");
        Process p = ferry(err, "migrate", file.toString(), "--to", TestPostgres.url(db), "--jobs", "1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (committed(db) == 0 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20); // until the first chunk (500,000 rows) is in, so the stop lands mid-table
        }
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "Ferry stops within a minute");
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        if (signal.equals("INT")) {
            assertEquals(130, p.exitValue(), stderr);
            assertTrue(stderr.contains("cancelled") && stderr.contains("--resume"), stderr);
        }
        assertEquals(signal.equals("INT") ? "cancelled" : "running", status(db));
        long kept = committed(db);
        assertTrue(kept > 0 && kept < ROWS, "stopped mid-table, with " + kept + " rows committed");
        long deadline2 = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sessions(db) > 0 && System.nanoTime() < deadline2) {
            Thread.sleep(50); // the server notices the dead process's connections closing
        }

        CommandLineTest.Run resumed = CommandLineTest.ferry(null, "migrate", file.toString(), "--to", TestPostgres.url(db), "--resume");
        assertEquals(0, resumed.code(), resumed.all());
        try (var c = TestPostgres.get().connect(db); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT id) FROM readings")) {
            rs.next();
            assertEquals(ROWS, rs.getLong(1));
            assertEquals(ROWS, rs.getLong(2));
        }
    }

    static String status(TargetAddress db) throws Exception {
        try (var c = TestPostgres.get().connect(db); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT status FROM ferry_journal.runs")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    /** Rows the journal says are committed; 0 before it exists. */
    static long committed(TargetAddress db) throws Exception {
        try (var c = TestPostgres.get().connect(db); var s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT to_regclass('ferry_journal.progress') IS NULL")) {
                if (rs.next() && rs.getBoolean(1)) {
                    return 0;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT coalesce(sum(rows_committed), 0) FROM ferry_journal.progress")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long sessions(TargetAddress db) throws Exception {
        try (var c = TestPostgres.get().connect(db); var s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'Ferry' AND datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Ferry in its own JVM, on the test's class path (surefire's booter jar names every dependency). */
    static Process ferry(Path err, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.ferry.app.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(false).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
    }
}
