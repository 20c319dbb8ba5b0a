package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ferry migrate --data-only: the plan says per column whether the values fit the existing type,
 * with examples when they do not, and what is only on one side; a dry run creates nothing.
 */
class DataOnlyCommandLineTest {

    @Test
    void theDryRunShowsEachColumnsFitAndCreatesNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("app.sqlite");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE account (id INTEGER PRIMARY KEY, handle TEXT, kind TEXT, legacy TEXT)",
                    "INSERT INTO account VALUES (1, 'ann', 'admin', 'x'), (2, 'a-handle-that-is-far-too-long', 'guest', NULL), "
                            + "(3, 'bo', 'robot', NULL)");
        }
        TargetAddress db = TestPostgres.get().freshDatabase();
        try (Connection c = TestPostgres.get().connect(db); Statement s = c.createStatement()) {
            s.execute("CREATE TYPE account_kind AS ENUM ('admin', 'guest')");
            s.execute("CREATE TABLE account (id serial PRIMARY KEY, handle varchar(10), kind account_kind, "
                    + "joined timestamptz NOT NULL DEFAULT now())");
        }
        CommandLineTest.Run r = CommandLineTest.ferry(null, "migrate", file.toString(), "--to", TestPostgres.url(db),
                "--data-only", "--dry-run");
        assertEquals(0, r.code(), r.all());
        String all = r.all();
        assertTrue(all.contains("id -> id integer: fits"), all);
        assertTrue(all.contains("handle -> handle character varying(10): does not fit, 1 value (for example "
                + "a-handle-that-is-far-too-long)"), all);
        assertTrue(all.contains("kind -> kind account_kind: does not fit, 1 value (for example robot)"), all);
        assertTrue(all.contains("legacy: only in SQLite, not loaded"), all);
        assertTrue(all.contains("joined: only in PostgreSQL, gets its default now()"), all);
        assertTrue(all.contains("no table, key, index or view is created"), all);

        CommandLineTest.Run run = CommandLineTest.ferry(null, "migrate", file.toString(), "--to", TestPostgres.url(db),
                "--data-only");
        assertTrue(run.code() != 0, "the misfits stop the run: " + run.all());
        assertTrue(run.all().contains("--on-problem does-not-fit=null"), run.all());
        try (Connection c = TestPostgres.get().connect(db); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM account")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "nothing was written");
        }

        CommandLineTest.Run wrong = CommandLineTest.ferry(null, "migrate", file.toString(), "--to", TestPostgres.url(db),
                "--data-only", "--if-exists", "append");
        assertEquals(2, wrong.code(), wrong.all());
    }
}
