package dev.ferry.run;

import static dev.ferry.run.ResumeTest.count;
import static dev.ferry.run.ResumeTest.series;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.postgres.Secret;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL lost after the copy (restarted, failed over, its sessions ended) while keys were built
 * or tables checked used to end the run with exit 4 and "could not count and checksum table …",
 * no retry and no word of --resume, though --resume then finished the run in seconds. The complete
 * and verify phases must try again after a pause, as the copy does, and end verified; when the
 * server stays away, the run must stop resumably (exit 130), its advice naming --resume, and
 * --resume must then finish it.
 *
 * <p>To end the run's sessions exactly while they work, the test holds a lock on the big table
 * from the moment the complete phase starts: every statement of the run on it waits, and each
 * waiting session is terminated with pg_terminate_backend, as a restart would end it.
 */
class ServerLostAfterTheCopyTest {

    static final int ROWS = 100_000;

    @Test
    void sessionsEndedWhileKeysAreBuiltAndTablesCheckedAreRetriedAndTheRunEndsVerified(@TempDir Path dir) throws Exception {
        Path file = fixture(dir);
        TargetAddress target = TestPostgres.get().freshDatabase();
        Interference lock = new Interference(target, 2_500);
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();
        Migration m = new Migration(options(file, target, TestPostgres.get().adminPassword()), e -> {
            events.add(e);
            lock.on(e);
        });
        Result r = m.run(m.preflight());
        lock.close();
        assertTrue(lock.terminated.get() >= 1, "a session of the complete or verify phase was ended");
        assertTrue(events.stream().anyMatch(e -> e instanceof MigrationEvent.Note n && n.text().contains(
                "The connection to PostgreSQL was lost while") && n.text().contains("trying again")), "the retry is told");
        assertAllThere(r, target);
    }

    @Test
    void whenTheServerStaysAwayTheAdviceNamesResumeAndResumeFinishes(@TempDir Path dir) throws Exception {
        Path file = fixture(dir);
        TargetAddress target = TestPostgres.get().freshDatabase();
        Interference lock = new Interference(target, Long.MAX_VALUE);
        Options options = options(file, target, TestPostgres.get().adminPassword());
        Migration m = new Migration(options, lock::on);
        Plan plan = m.preflight();
        long start = System.nanoTime();
        FerryException f = assertThrows(FerryException.class, () -> m.run(plan));
        double took = (System.nanoTime() - start) / 1e9;
        lock.close();
        System.out.printf("server away: stopped after %.1f s, %d sessions ended: %s / %s%n", took, lock.terminated.get(),
                f.getMessage(), f.advice());
        assertEquals(FerryException.Kind.INTERRUPTED, f.kind(), f.getMessage() + " " + f.details());
        assertTrue(f.getMessage().contains("was lost while") && f.getMessage().contains("Every row was copied"),
                f.getMessage());
        assertTrue(f.advice().contains("--resume"), f.advice());
        assertNotNull(m.runId(), "the command line prints the resume command when the run has an id");

        Migration again = new Migration(options, MigrationListener.NONE);
        assertAllThere(again.resume(again.preflight()), target);
    }

    @Test
    void aServerRestartWhileKeysAreBuiltEndsVerified(@TempDir Path dir) throws Exception {
        Path file = fixture(dir);
        Path data = dir.resolve("pgdata");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        AtomicReference<EmbeddedPostgres> pg = new AtomicReference<>(ConnectionFaultTest.start(data, port));
        AtomicReference<CompletableFuture<Void>> restart = new AtomicReference<>();
        try {
            TargetAddress target = TargetAddress.parse("postgresql://postgres@localhost:" + port + "/postgres?sslmode=disable",
                    Map.of());
            Options options = options(file, target, Secret.NONE);
            Migration m = new Migration(options, e -> {
                if (e instanceof MigrationEvent.PhaseStarted p && p.phase() == MigrationEvent.Phase.COMPLETE) {
                    try {
                        // the run's first statements on readings wait for this lock, so the restart ends them mid-way
                        Connection holder = ConnectionFaultTest.connect(port);
                        holder.setAutoCommit(false);
                        holder.createStatement().execute("LOCK TABLE readings IN ACCESS EXCLUSIVE MODE");
                        restart.set(CompletableFuture.runAsync(() -> {
                            try {
                                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                                while (waiting(port) == 0 && System.nanoTime() < deadline) {
                                    Thread.sleep(10);
                                }
                                pg.get().close(); // pg_ctl stop -m fast: "terminating connection due to administrator command"
                                holder.close();
                                Thread.sleep(1_500);
                                pg.set(ConnectionFaultTest.start(data, port));
                            } catch (Exception x) {
                                throw new IllegalStateException(x);
                            }
                        }));
                    } catch (Exception x) {
                        throw new IllegalStateException(x);
                    }
                }
            });
            Plan plan = m.preflight();
            Result r;
            try {
                r = m.run(plan);
                System.out.println("restart after the copy: the retries carried the run through");
            } catch (FerryException f) {
                // the retries ran out: the run must have stopped resumably, and a resume must finish it
                assertEquals(FerryException.Kind.INTERRUPTED, f.kind(), f.getMessage() + " " + f.details());
                assertTrue(f.advice().contains("--resume"), f.advice());
                System.out.println("restart after the copy: stopped resumably: " + f.getMessage());
                restart.get().get(2, TimeUnit.MINUTES);
                Migration again = new Migration(options, MigrationListener.NONE);
                r = again.resume(again.preflight());
            }
            restart.get().get(2, TimeUnit.MINUTES);
            ResumeTest.assertVerified(r, Map.of("readings", (long) ROWS, "sensors", 97L));
            try (Connection c = ConnectionFaultTest.connect(port); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_indexes WHERE tablename = 'readings'")) {
                rs.next();
                assertEquals(3, rs.getLong(1), "the primary key and both indexes of readings are there");
            }
        } finally {
            if (restart.get() != null) {
                try {
                    restart.get().get(2, TimeUnit.MINUTES);
                } catch (ExecutionException ignored) {
                    // the assertion above says what went wrong
                }
            }
            pg.get().close();
        }
    }

    /** Sessions of the run waiting for a lock. */
    private static long waiting(int port) throws Exception {
        try (Connection c = ConnectionFaultTest.connect(port); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'Ferry' "
                     + "AND wait_event_type = 'Lock'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every row once, every key, index, check and foreign key made, no problem but the planned ones. */
    private static void assertAllThere(Result r, TargetAddress target) throws Exception {
        ResumeTest.assertVerified(r, Map.of("readings", (long) ROWS, "sensors", 97L));
        assertTrue(r.problems().stream().noneMatch(p -> p.kind() == Problem.Kind.INDEX_NOT_CREATED
                || p.kind() == Problem.Kind.FOREIGN_KEY_NOT_CREATED || p.kind() == Problem.Kind.CHECK_NOT_CREATED
                || p.kind() == Problem.Kind.PRIMARY_KEY_NOT_CREATED), r.problems().toString());
        assertEquals(3, count(target, "SELECT count(*) FROM pg_indexes WHERE tablename = 'readings'"),
                "the primary key and both indexes of readings");
        assertEquals(2, count(target, "SELECT count(*) FROM pg_constraint WHERE conrelid = 'readings'::regclass "
                + "AND contype IN ('f', 'c') AND convalidated"), "the foreign key and the check, validated");
        assertEquals(ROWS + 1, count(target, "SELECT nextval(pg_get_serial_sequence('readings', 'id'))"),
                "the id counter moved past the copied ids");
        assertEquals(1, count(target, "SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'readings' "
                + "AND last_analyze IS NOT NULL"), "readings has its planner statistics");
    }

    static Path fixture(Path dir) throws Exception {
        Path file = dir.resolve("readings.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE sensors (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
                    series(97, "INSERT INTO sensors SELECT i, 'sensor-' || i FROM n"),
                    "CREATE TABLE readings (id INTEGER PRIMARY KEY, sensor INTEGER NOT NULL REFERENCES sensors (id), "
                            + "value REAL CHECK (value >= 0), note TEXT)",
                    series(ROWS, "INSERT INTO readings SELECT i, 1 + i % 97, i * 0.5, printf('%040d', i) FROM n"),
                    "CREATE INDEX readings_sensor ON readings (sensor)",
                    "CREATE INDEX readings_note ON readings (note)");
        }
        return file;
    }

    static Options options(Path file, TargetAddress target, Secret password) {
        return ConnectionFaultTest.options(file, target, password);
    }

    /**
     * From the start of the complete phase, a lock on readings held by another session, and every
     * session of the run that waits for it terminated, until {@code holdMillis} have passed (then
     * the lock is let go) or {@link #close}.
     */
    static final class Interference implements AutoCloseable {

        final AtomicInteger terminated = new AtomicInteger();
        private final TargetAddress target;
        private final long holdMillis;
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile CompletableFuture<Void> killer;

        Interference(TargetAddress target, long holdMillis) {
            this.target = target;
            this.holdMillis = holdMillis;
        }

        /** The listener's side: takes the lock the moment the phase starts, before any of its statements. */
        void on(MigrationEvent e) {
            if (!(e instanceof MigrationEvent.PhaseStarted p && p.phase() == MigrationEvent.Phase.COMPLETE)) {
                return;
            }
            try {
                Connection holder = TestPostgres.get().connect(target);
                holder.setAutoCommit(false);
                try (Statement s = holder.createStatement()) {
                    s.execute("LOCK TABLE readings IN ACCESS EXCLUSIVE MODE");
                }
                long until = holdMillis == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + holdMillis * 1_000_000;
                killer = CompletableFuture.runAsync(() -> {
                    try (Connection k = TestPostgres.get().connect(target); Statement s = k.createStatement()) {
                        while (!done.get() && System.nanoTime() < until) {
                            try (ResultSet rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                    + "WHERE application_name = 'Ferry' AND wait_event_type = 'Lock' "
                                    + "AND datname = current_database()")) {
                                rs.next();
                                terminated.addAndGet(rs.getInt(1));
                            }
                            Thread.sleep(20);
                        }
                        holder.rollback();
                        holder.close();
                    } catch (Exception x) {
                        throw new IllegalStateException(x);
                    }
                });
            } catch (Exception x) {
                throw new IllegalStateException(x);
            }
        }

        @Override
        public void close() throws Exception {
            done.set(true);
            if (killer != null) {
                killer.get(30, TimeUnit.SECONDS);
            }
        }
    }
}
