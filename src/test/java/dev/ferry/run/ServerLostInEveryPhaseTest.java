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
import dev.ferry.postgres.Naming;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.LockGate;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import dev.ferry.verify.Report;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connection lost in the phases the copy's retries did not cover: creating the tables, counting
 * the rows that break a foreign key or a check, making views and triggers, and the sync. Each used
 * to end the run at once (exit 4), or worse, to go on with a wrong word (a violation count of 0,
 * "could not count"). Each must wait with the copy's back-off and go on; when the server stays
 * away, the run must stop resumably (exit 130) and say how to go on.
 *
 * <p>{@link LockGate} ends the run's session exactly at the statement meant, as a restart would.
 */
class ServerLostInEveryPhaseTest {

    @TempDir
    Path dir;

    @Test
    void aConnectionLostWhileTheTablesAreCreatedIsWaitedFor() throws Exception {
        Path file = notes(200);
        TargetAddress target = TestPostgres.get().freshDatabase();
        sql(target, "CREATE TABLE notes (id int, body text)"); // replaced: the DROP is where the connection is lost
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();
        try (LockGate gate = new LockGate(target, "public.notes", q -> q.startsWith("DROP TABLE"), 1)) {
            Migration m = new Migration(replacing(file, target), e -> {
                events.add(e);
                if (e instanceof MigrationEvent.PhaseStarted p && p.phase() == MigrationEvent.Phase.CREATE) {
                    gate.start();
                }
            });
            Result r = m.run(m.preflight());
            assertEquals(1, gate.killed.size(), gate.killed.toString());
            ResumeTest.assertVerified(r, Map.of("notes", 200L));
        }
        assertTrue(told(events, "creating the tables"), events.toString());
    }

    @Test
    void whenTheServerStaysAwayWhileCreatingTheRunStopsResumably() throws Exception {
        Path file = notes(200);
        TargetAddress target = TestPostgres.get().freshDatabase();
        sql(target, "CREATE TABLE notes (id int, body text)");
        Options options = replacing(file, target);
        FerryException f;
        Migration m;
        try (LockGate gate = new LockGate(target, "public.notes", q -> q.startsWith("DROP TABLE"), Integer.MAX_VALUE)) {
            m = new Migration(options, e -> {
                if (e instanceof MigrationEvent.PhaseStarted p && p.phase() == MigrationEvent.Phase.CREATE) {
                    gate.start();
                }
            });
            Plan plan = m.preflight();
            f = assertThrows(FerryException.class, () -> m.run(plan));
        }
        System.out.println("server away while creating: " + f.getMessage() + " / " + f.advice());
        assertEquals(FerryException.Kind.INTERRUPTED, f.kind(), f.getMessage() + " " + f.details());
        assertTrue(f.getMessage().contains("was lost while creating the tables") && f.getMessage().contains("No row was "
                + "copied yet"), f.getMessage());
        assertTrue(f.advice().contains("--resume"), f.advice());
        assertNotNull(m.runId(), "the command line prints the resume command when the run has an id");

        Migration again = new Migration(options, MigrationListener.NONE);
        ResumeTest.assertVerified(again.resume(again.preflight()), Map.of("notes", 200L));
    }

    @Test
    void violationCountsAreWaitedForNotReportedAsZero() throws Exception {
        Path file = dir.resolve("orders.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)",
                    series(10, "INSERT INTO customers SELECT i, 'c' || i FROM n"),
                    "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer INTEGER REFERENCES customers (id), "
                            + "total REAL CHECK (total >= 0))",
                    "PRAGMA ignore_check_constraints = 1", // rows from before the check: SQLite let them in
                    // 30 orders of customers that are not there, 20 with a negative total
                    series(1_000, "INSERT INTO orders SELECT i, CASE WHEN i <= 30 THEN 100 + i ELSE 1 + i % 10 END, "
                            + "CASE WHEN i > 980 THEN -i ELSE i END FROM n"),
                    "PRAGMA ignore_check_constraints = 0");
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        Set<String> counted = ConcurrentHashMap.newKeySet();
        // each count is ended once: the foreign key's (NOT EXISTS) and the check's (WHERE NOT (...))
        Predicate<String> counts = q -> q.startsWith("SELECT count(*)") && counted.add(q.contains("NOT EXISTS") ? "fk" : "check");
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();
        Result r;
        try (LockGate gate = new LockGate(target, "public.orders", counts, 2)) {
            Migration m = new Migration(ConnectionFaultTest.options(file, target, TestPostgres.get().adminPassword()), e -> {
                events.add(e);
                if (e instanceof MigrationEvent.PhaseStarted p && p.phase() == MigrationEvent.Phase.COMPLETE) {
                    gate.start();
                }
            });
            r = m.run(m.preflight());
            assertEquals(2, gate.killed.size(), gate.killed.toString());
        }
        ResumeTest.assertVerified(r, Map.of("customers", 10L, "orders", 1_000L));
        Problem orphans = problem(r, Problem.Kind.FOREIGN_KEY_VIOLATED);
        assertEquals(30, orphans.count(), orphans.toString());
        assertTrue(orphans.examples().contains("101"), orphans.examples().toString());
        Problem negative = problem(r, Problem.Kind.CHECK_VIOLATED);
        assertEquals(20, negative.count(), negative.toString());
        assertEquals(5, negative.examples().size(), negative.examples().toString());
        assertTrue(told(events, "making keys, indexes and views"), events.toString());
    }

    @Test
    void viewsAndTriggersLosingTheConnectionAreMadeAfterAPause() throws Exception {
        Path file = dir.resolve("notes.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE notes (body TEXT, n INTEGER)", "CREATE TABLE log (what TEXT)",
                    "INSERT INTO notes VALUES ('short', 1), ('a longer note', 2)",
                    "CREATE VIEW long_notes AS SELECT body FROM notes WHERE length(body) > 5",
                    "CREATE TRIGGER notes_log AFTER INSERT ON notes BEGIN INSERT INTO log VALUES (NEW.body); END");
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        Set<String> made = ConcurrentHashMap.newKeySet();
        Predicate<String> first = q -> q.startsWith("CREATE") && (q.contains(" VIEW ") && made.add("view")
                || q.contains(" TRIGGER ") && made.add("trigger"));
        Result r;
        try (LockGate gate = new LockGate(target, "public.notes", first, 2)) {
            Migration m = new Migration(ConnectionFaultTest.options(file, target, TestPostgres.get().adminPassword()), e -> {
                if (e instanceof MigrationEvent.PhaseStarted p && p.phase() == MigrationEvent.Phase.COMPLETE) {
                    gate.start();
                }
            });
            r = m.run(m.preflight());
            assertEquals(2, gate.killed.size(), gate.killed.toString());
        }
        ResumeTest.assertVerified(r, Map.of("notes", 2L, "log", 0L));
        assertEquals(List.of("created"), r.views().stream().map(Report.Item::status).toList(), r.views().toString());
        assertEquals(List.of("created"), r.triggers().stream().map(Report.Item::status).toList(), r.triggers().toString());
        assertEquals(1, count(target, "SELECT count(*) FROM long_notes"));
        sql(target, "INSERT INTO notes VALUES ('new', 3)");
        assertEquals(1, count(target, "SELECT count(*) FROM log WHERE what = 'new'"), "the trigger works");
    }

    @Test
    void aSyncLosingTheConnectionWhileWritingStartsOverAndEndsVerified() throws Exception {
        Path file = dir.resolve("bot.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE guild (id INTEGER PRIMARY KEY, name TEXT)",
                    series(300, "INSERT INTO guild SELECT i, 'g' || i FROM n"));
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        Options options = ConnectionFaultTest.options(file, target, TestPostgres.get().adminPassword());
        Migration first = new Migration(options, MigrationListener.NONE);
        ResumeTest.assertVerified(first.run(first.preflight()), Map.of("guild", 300L));
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("UPDATE guild SET name = 'renamed' WHERE id <= 4", "DELETE FROM guild WHERE id > 297",
                    "INSERT INTO guild VALUES (1000, 'new')");
        }
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();
        SyncResult r;
        // the first statement that writes is ended: the transaction is rolled back, nothing half-done
        try (LockGate gate = new LockGate(target, "public.guild", q -> !q.startsWith("SELECT") && !q.startsWith("COPY"), 1)) {
            Migration sync = new Migration(options, e -> {
                events.add(e);
                if (e instanceof MigrationEvent.Note n && n.text().startsWith("Writing the changes")) {
                    gate.start();
                }
            });
            r = sync.sync(false);
            assertEquals(1, gate.killed.size(), gate.killed.toString());
        }
        assertTrue(r.verified(), r.toString());
        assertEquals(1, r.inserted());
        assertEquals(4, r.updated());
        assertEquals(3, r.deleted());
        assertEquals(298, count(target, "SELECT count(*) FROM guild"));
        assertTrue(told(events, "syncing bot.sqlite"), events.toString());
        Migration check = new Migration(options, MigrationListener.NONE);
        assertTrue(check.verify(check.preflight()).verified(), "verify finds both sides equal after the sync");
    }

    private Path notes(int rows) throws Exception {
        Path file = dir.resolve("notes.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
                    series(rows, "INSERT INTO notes SELECT i, 'note ' || i FROM n"));
        }
        return file;
    }

    private static Options replacing(Path file, TargetAddress target) {
        return new Options(file, target, TestPostgres.get().adminPassword(), "public", Options.IfExists.REPLACE, 2,
                Naming.Style.LOWER, Map.of(), 5_000);
    }

    private static boolean told(List<MigrationEvent> events, String doing) {
        return events.stream().anyMatch(e -> e instanceof MigrationEvent.Note n && n.text().contains(
                "The connection to PostgreSQL was lost while " + doing) && n.text().contains("trying again"));
    }

    private static Problem problem(Result r, Problem.Kind kind) {
        return r.problems().stream().filter(p -> p.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError(kind + " not in " + r.problems()));
    }

    private static void sql(TargetAddress target, String... statements) throws Exception {
        try (Connection c = TestPostgres.get().connect(target); Statement s = c.createStatement()) {
            for (String q : statements) {
                s.execute(q);
            }
        }
    }
}
