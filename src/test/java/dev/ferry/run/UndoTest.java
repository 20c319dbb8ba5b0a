package dev.ferry.run;

import static dev.ferry.run.ResumeTest.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.postgres.Secret;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.ChinookLikeFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Undo drops exactly what a run created, nothing that was there before, and asks for force before losing new rows. */
class UndoTest {

    static Path chinook;

    @BeforeAll
    static void fixture(@TempDir Path dir) throws Exception {
        chinook = ChinookLikeFixture.write(dir);
    }

    @Test
    void undoDropsTheRunsTablesAndLeavesATableThatWasThereBefore() throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        sql(target, "CREATE TABLE public.keep_me (id int)", "INSERT INTO public.keep_me VALUES (1), (2), (3)");
        Migration m = migrate(Options.of(chinook, target, TestPostgres.get().adminPassword()));
        assertEquals(9, tables(target, "public").size());

        Undo u = m.undo(null, false);
        assertEquals(8, u.tables().size());
        assertFalse(u.schemaDropped(), "public was there before");
        assertEquals(Set.of("keep_me"), tables(target, "public"));
        assertEquals(3, count(target, "SELECT count(*) FROM public.keep_me"));
        assertEquals("undone", ResumeTest.query(target, "SELECT status FROM ferry_journal.runs"));
        FerryException again = assertThrows(FerryException.class, () -> m.undo(null, false));
        assertTrue(again.getMessage().contains("no run into schema public"), again.getMessage());
    }

    @Test
    void undoDropsTheSchemaFerryCreatedButNotOneThatExisted() throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        sql(target, "CREATE SCHEMA mine");
        migrate(Options.of(chinook, target, TestPostgres.get().adminPassword()).withSchema("shop"));
        Migration intoMine = migrate(Options.of(chinook, target, TestPostgres.get().adminPassword()).withSchema("mine"));
        assertTrue(intoMine.undo(null, false).tables().size() == 8);
        assertEquals(1, count(target, "SELECT count(*) FROM pg_namespace WHERE nspname = 'mine'"), "it was there before");

        Undo shop = new Migration(Options.of(chinook, target, TestPostgres.get().adminPassword()).withSchema("shop"),
                MigrationListener.NONE).undo(null, false);
        assertTrue(shop.schemaDropped());
        assertEquals(0, count(target, "SELECT count(*) FROM pg_namespace WHERE nspname = 'shop'"));
    }

    @Test
    void tablesAReplacingRunRecreatedAreNotTheEarlierRunsToUndo() throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        Options options = Options.of(chinook, target, TestPostgres.get().adminPassword());
        Migration first = migrate(options);
        migrate(options.withIfExists(Options.IfExists.REPLACE));
        Undo u = first.undo(first.runId(), false);
        assertEquals(List.of(), u.tables(), "the second run's tables are not the first run's");
        assertEquals(8, tables(target, "public").size());
        assertEquals(1, count(target, "SELECT count(*) FROM ferry_journal.runs WHERE status = 'done'"));
    }

    @Test
    void rowsAddedAfterTheRunStopTheUndoUnlessForced() throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        Migration m = migrate(Options.of(chinook, target, TestPostgres.get().adminPassword()));
        sql(target, "INSERT INTO artist (name) VALUES ('Added after the migration')");
        FerryException e = assertThrows(FerryException.class, () -> m.undo(null, false));
        assertEquals(FerryException.Kind.TARGET, e.kind());
        assertTrue(e.getMessage().contains("table artist has 53 rows now, the run copied 52"), e.getMessage());
        assertTrue(e.advice().contains("--force"), e.advice());
        assertEquals(8, tables(target, "public").size(), "nothing dropped");

        assertEquals(8, m.undo(null, true).tables().size());
        assertEquals(Set.of(), tables(target, "public"));
    }

    @Test
    void undoDropsTheRunsViewsAndStopsAtObjectsSomeoneElseBuiltOnTop(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("items.sqlite");
        try (dev.ferry.testing.SqliteFixture db = dev.ferry.testing.SqliteFixture.at(file)) {
            db.sql("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)", "INSERT INTO item (name) VALUES ('a'), ('b')",
                    "CREATE VIEW named AS SELECT name FROM item WHERE name IS NOT NULL");
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        Migration m = migrate(Options.of(file, target, TestPostgres.get().adminPassword()));
        sql(target, "CREATE VIEW public.reports AS SELECT id FROM item");
        FerryException e = assertThrows(FerryException.class, () -> m.undo(null, false));
        assertTrue(e.getMessage().contains("Other objects, not made by Ferry, depend on the run's tables")
                && e.getMessage().contains("reports") && e.getMessage().contains("Nothing was dropped"), e.getMessage());
        assertEquals(Set.of("item"), tables(target, "public"));

        sql(target, "DROP VIEW public.reports");
        Undo u = m.undo(null, false);
        assertEquals(List.of("named"), u.views());
        assertEquals(0, count(target, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = 'public'"), "table, view, key, index and identity sequence all gone");
    }

    @Test
    void theJournalNeverHoldsThePassword() throws Exception {
        Assumptions.assumeTrue(TestPostgres.get().embedded(), "needs the embedded server's password-checked role");
        String password = "right-one";
        TestPostgres.get().execute("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
                + TestPostgres.PASSWORD_ROLE + "') THEN CREATE ROLE " + TestPostgres.PASSWORD_ROLE
                + " LOGIN PASSWORD '" + password + "'; END IF; END$$");
        TargetAddress admin = TestPostgres.get().freshDatabase();
        TestPostgres.get().execute("ALTER DATABASE " + admin.database() + " OWNER TO " + TestPostgres.PASSWORD_ROLE);
        TargetAddress user = new TargetAddress(admin.host(), admin.port(), admin.database(), TestPostgres.PASSWORD_ROLE,
                admin.params(), Secret.NONE);
        migrate(Options.of(chinook, user, new Secret(password)));
        StringBuilder journal = new StringBuilder();
        for (String t : List.of("runs", "objects", "progress")) {
            try (Connection c = TestPostgres.get().connect(admin); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT row_to_json(x)::text FROM ferry_journal." + t + " x")) {
                while (rs.next()) {
                    journal.append(rs.getString(1)).append('\n');
                }
            }
        }
        assertTrue(journal.toString().contains(chinook.getFileName().toString()), journal.toString());
        assertFalse(journal.toString().contains(password), "the journal must never hold the password");
    }

    static Migration migrate(Options options) {
        Migration m = new Migration(options, MigrationListener.NONE);
        assertEquals(Result.Status.DONE, m.run(m.preflight()).status());
        return m;
    }

    static void sql(TargetAddress target, String... statements) throws SQLException {
        try (Connection c = TestPostgres.get().connect(target); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    static Set<String> tables(TargetAddress target, String schema) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Connection c = TestPostgres.get().connect(target); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = '" + schema + "'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
