package dev.ferry.run;

import static dev.ferry.run.ResumeTest.query;
import static dev.ferry.run.TriggersTest.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Problem;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partial and expression indexes are built from their translated SQL and do in PostgreSQL what
 * they did in SQLite: WHERE deleted = 0, lower(email), a unique email COLLATE NOCASE (which
 * refuses 'A@X.ORG' next to 'a@x.org'), a partial unique index on a column that became boolean.
 * One PostgreSQL cannot index (it depends on the time zone settings) is reported, not guessed.
 */
class PartialExpressionIndexesTest {

    @Test
    void partialAndExpressionIndexesAreBuiltAndEnforced(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("indexes.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, deleted INTEGER NOT NULL DEFAULT 0, name TEXT, "
                            + "active BOOLEAN, created TEXT)",
                    "CREATE INDEX users_live ON users(name) WHERE deleted = 0",
                    "CREATE INDEX users_lower_email ON users(lower(email))",
                    "CREATE UNIQUE INDEX users_email_nocase ON users(email COLLATE NOCASE)",
                    "CREATE UNIQUE INDEX users_active_name ON users(name DESC) WHERE active = 1 AND name IS NOT NULL",
                    "CREATE INDEX users_created_day ON users(date(created))");
            db.insert("users", new Object[] {1L, "a@x.org", 0L, "ann", 1L, "2024-01-01 10:00:00"},
                    new Object[] {2L, "B@x.org", 1L, "bob", 0L, "2024-01-02 10:00:00"},
                    new Object[] {3L, "c@x.org", 0L, "bob", 1L, "2024-01-03 10:00:00"});
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        Migration m = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        Result r = m.run(m.preflight());
        assertEquals(Result.Status.DONE, r.status());

        assertEquals("CREATE INDEX users_live ON public.users USING btree (name) WHERE (deleted = 0)", indexdef(target, "users_live"));
        assertEquals("CREATE INDEX users_lower_email ON public.users USING btree (lower(email))",
                indexdef(target, "users_lower_email"));
        assertEquals("CREATE UNIQUE INDEX users_email_nocase ON public.users USING btree (email COLLATE nocase)",
                indexdef(target, "users_email_nocase"));
        assertEquals("CREATE UNIQUE INDEX users_active_name ON public.users USING btree (name DESC) WHERE ((active = true) "
                + "AND (name IS NOT NULL))", indexdef(target, "users_active_name"));

        SQLException dup = assertThrows(SQLException.class, () -> execute(target,
                "INSERT INTO users (id, email, deleted, name, active) VALUES (4, 'A@X.ORG', 0, 'zed', false)"));
        assertTrue(dup.getMessage().contains("users_email_nocase"), dup.getMessage());
        assertThrows(SQLException.class, () -> execute(target,
                "INSERT INTO users (id, email, deleted, name, active) VALUES (5, 'e@x.org', 0, 'ann', true)"));
        execute(target, "INSERT INTO users (id, email, deleted, name, active) VALUES (6, 'f@x.org', 0, 'ann', false)");

        assertEquals(null, indexdef(target, "users_created_day"));
        Problem day = r.problems().stream().filter(p -> p.kind() == Problem.Kind.INDEX_NOT_CREATED).findFirst().orElseThrow();
        assertTrue(day.message().contains("users_created_day") && day.message().contains("time"), day.message());
        assertEquals(List.of("CREATE INDEX users_created_day ON users(date(created))"), day.examples());
    }

    static String indexdef(TargetAddress target, String name) throws SQLException {
        return query(target, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexname = '" + name + "'");
    }
}
