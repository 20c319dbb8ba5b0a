package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WAL-mode file that its app keeps writing while Ferry runs (the bot is still up): the run reads
 * one consistent snapshot, taken when it starts, so the rows copied, counted and checksummed are
 * the same rows, and what the app writes meanwhile neither mixes in nor breaks the check.
 */
class LiveWriterTest {

    @Test
    void writesDuringTheRunDoNotMixIn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("live bot.db");
        try (Connection app = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = app.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0");
            s.execute("CREATE TABLE msg (id INTEGER PRIMARY KEY, body TEXT)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
                    + "INSERT INTO msg (body) SELECT 'message ' || i FROM n");
            AtomicInteger writes = new AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean();
            MigrationListener writer = e -> {
                if (e instanceof MigrationEvent.PhaseStarted p && p.phase() == MigrationEvent.Phase.CREATE) {
                    running.set(true); // the run has opened its snapshot; preflight's writes would be in it
                }
                if (running.get() && (e instanceof MigrationEvent.RowsCopied || e instanceof MigrationEvent.PhaseStarted)) {
                    try (Statement w = app.createStatement()) { // the app goes on: new rows, changed rows, gone rows
                        w.execute("INSERT INTO msg (body) VALUES ('written during the run')");
                        w.execute("UPDATE msg SET body = 'edited' WHERE id = " + (writes.incrementAndGet() * 7));
                        w.execute("DELETE FROM msg WHERE id = " + (writes.get() * 11));
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                }
            };
            TargetAddress db = TestPostgres.get().freshDatabase();
            Migration m = new Migration(Options.of(file, db, TestPostgres.get().adminPassword()).withJobs(2), writer);
            Result r = m.run(m.preflight());
            assertTrue(writes.get() > 2, "the app wrote during the run");
            assertTrue(r.verified(), r.tables().toString());
            assertEquals(20000, r.tables().get(0).targetRows(), "the rows as they were when the run started");
            try (Connection pg = TestPostgres.get().connect(db); ResultSet rs = pg.createStatement().executeQuery(
                    "SELECT count(*) FILTER (WHERE body = 'message ' || id), count(*) FROM msg")) {
                rs.next();
                assertEquals(20000, rs.getLong(1), "no row as the app changed it later");
            }
        }
    }

    /** A rollback-journal file cannot be read from a snapshot without blocking its writer: a write mid-run fails the run loudly. */
    @Test
    void aRollbackModeFileChangedMidRunIsNeverPassedOffAsConsistent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.db");
        try (Connection app = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = app.createStatement()) {
            s.execute("CREATE TABLE msg (id INTEGER PRIMARY KEY, body TEXT)");
            s.execute("INSERT INTO msg (body) VALUES ('a'), ('b')");
            MigrationListener writer = e -> {
                if (e instanceof MigrationEvent.PhaseStarted p && p.phase() == MigrationEvent.Phase.COPY) {
                    try (Statement w = app.createStatement()) {
                        w.execute("INSERT INTO msg (body) VALUES ('late')");
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                }
            };
            TargetAddress db = TestPostgres.get().freshDatabase();
            Migration m = new Migration(Options.of(file, db, TestPostgres.get().adminPassword()), writer);
            dev.ferry.FerryException e = org.junit.jupiter.api.Assertions.assertThrows(dev.ferry.FerryException.class,
                    () -> m.run(m.preflight()));
            assertEquals(dev.ferry.FerryException.Kind.SOURCE, e.kind());
            assertTrue(e.getMessage().contains("changed while Ferry copied it"), e.getMessage());
        }
    }
}
