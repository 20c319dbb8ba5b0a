package dev.ferry.run;

import static dev.ferry.run.ResumeTest.count;
import static dev.ferry.run.ResumeTest.series;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.plan.Plan;
import dev.ferry.postgres.Naming;
import dev.ferry.postgres.Secret;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server goes away under a running copy: its COPY sessions are terminated, or the whole server
 * stops and comes back. Ferry tries again from where the journal says each part stands; in the
 * end every row is there exactly once (or, had the retries run out, a resume finishes the job).
 */
class ConnectionFaultTest {

    static final int ROWS = 450_000; // two parts copy it at once

    @Test
    void terminatedCopySessionsAreRetriedWithoutDuplicates(@TempDir Path dir) throws Exception {
        Path file = fixture(dir);
        TargetAddress target = TestPostgres.get().freshDatabase();
        AtomicInteger killed = new AtomicInteger();
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
            try {
                for (long at : new long[] {40_000, 200_000}) { // twice: the second lands on the retried parts
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (committed(target) < at && System.nanoTime() < deadline) {
                        Thread.sleep(10);
                    }
                    killed.addAndGet((int) count(target, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                            + "WHERE application_name = 'Ferry' AND query LIKE 'COPY%' AND state = 'active' "
                            + "AND datname = current_database()"));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();
        Migration m = new Migration(options(file, target, TestPostgres.get().adminPassword()), events::add);
        Result r = m.run(m.preflight());
        killer.get(10, TimeUnit.SECONDS);
        assertTrue(killed.get() >= 1, "a COPY session was terminated mid-copy");
        assertTrue(events.stream().anyMatch(e -> e instanceof MigrationEvent.Note n && n.text().contains("trying again")),
                "the retry is told");
        ResumeTest.assertVerified(r, Map.of("readings", (long) ROWS, "kv", 30_000L));
        assertEquals(ROWS, count(target, "SELECT count(DISTINCT id) FROM readings"), "no row twice");
        assertEquals(30_000, count(target, "SELECT count(DISTINCT k) FROM kv"));
    }

    @Test
    void aServerRestartMidCopyEndsVerified(@TempDir Path dir) throws Exception {
        Path file = fixture(dir);
        Path data = dir.resolve("pgdata");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedPostgres pg = start(data, port);
        try {
            TargetAddress target = TargetAddress.parse("postgresql://postgres@localhost:" + port + "/postgres?sslmode=disable",
                    Map.of());
            Options options = options(file, target, Secret.NONE);
            Migration m = new Migration(options, MigrationListener.NONE);
            Plan plan = m.preflight();
            CompletableFuture<Result> run = CompletableFuture.supplyAsync(() -> m.run(plan));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (committed(target, port) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            pg.close(); // pg_ctl stop -m fast: every session ends with "terminating connection due to administrator command"
            Thread.sleep(1_500);
            pg = start(data, port);
            Result r;
            try {
                r = run.get(3, TimeUnit.MINUTES);
                System.out.println("restart: the retries carried the run through");
            } catch (java.util.concurrent.ExecutionException e) {
                // the retries ran out: the run must have stopped resumably, and a resume must finish it
                FerryException f = (FerryException) e.getCause();
                assertEquals(FerryException.Kind.INTERRUPTED, f.kind(), f.getMessage());
                assertTrue(f.advice().contains("--resume"), f.advice());
                System.out.println("restart: stopped resumably: " + f.getMessage());
                Migration again = new Migration(options, MigrationListener.NONE);
                r = again.resume(again.preflight());
            }
            ResumeTest.assertVerified(r, Map.of("readings", (long) ROWS, "kv", 30_000L));
            try (Connection c = connect(port); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT id) FROM readings")) {
                rs.next();
                assertEquals(ROWS, rs.getLong(1));
                assertEquals(ROWS, rs.getLong(2), "no row twice");
            }
        } finally {
            pg.close();
        }
    }

    static Path fixture(Path dir) throws Exception {
        Path file = dir.resolve("readings.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE readings (id INTEGER PRIMARY KEY, sensor TEXT NOT NULL, value REAL, note TEXT)",
                    series(ROWS, "INSERT INTO readings SELECT i, 'sensor-' || (i % 97), i * 0.5, printf('%040d', i) FROM n"),
                    "CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER) WITHOUT ROWID", // starts over when its copy breaks
                    series(30_000, "INSERT INTO kv SELECT printf('key-%06d', i), i FROM n"));
        }
        return file;
    }

    static Options options(Path file, TargetAddress target, Secret password) {
        return new Options(file, target, password, "public", Options.IfExists.FAIL, 2, Naming.Style.LOWER, Map.of(), 5_000);
    }

    static EmbeddedPostgres start(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("fsync", "off").start();
    }

    static Connection connect(int port) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres?user=postgres&sslmode=disable");
    }

    static long committed(TargetAddress target) throws Exception {
        try (Connection c = TestPostgres.get().connect(target)) {
            return committed(c);
        }
    }

    /** Rows the journal says are committed; 0 before it exists. */
    static long committed(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
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

    /** The restarted server's journal; 0 while it is not there or the server is away. */
    static long committed(TargetAddress target, int port) {
        try (Connection c = connect(port)) {
            return committed(c);
        } catch (Exception e) {
            return 0;
        }
    }
}
