package dev.ferry.run;

import static dev.ferry.run.ResumeTest.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's json_valid passes JSON that PostgreSQL's jsonb refuses: the escape of NUL and lone
 * surrogate escapes. Ferry used to plan jsonb for such a column, and the copy then stopped half
 * way with PostgreSQL's "unsupported Unicode escape sequence". Now the profile finds those values
 * before anything is written, and a column that holds them stays text, with the problem reported.
 */
class JsonbEscapesTest {

    @Test
    void jsonThatJsonbRefusesIsFoundBeforeTheCopy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bot.db");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE fine (id INTEGER PRIMARY KEY, doc JSON)",
                    "CREATE TABLE nul (id INTEGER PRIMARY KEY, doc JSON)",
                    "CREATE TABLE lone (id INTEGER PRIMARY KEY, doc JSON)");
            // a surrogate pair (Python's json.dumps writes emoji so), and a backslash before u0000, which is text
            db.insert("fine", new Object[] {1L, "{\"e\": \"\\ud83d\\ude00\"}"}, new Object[] {2L, "{\"path\": \"C:\\\\u0000\"}"},
                    new Object[] {3L, "[\"\\u00e9\"]"});
            db.insert("nul", new Object[] {1L, "{\"a\": \"\\u0000\"}"}, new Object[] {2L, "{\"b\": 1}"});
            db.insert("lone", new Object[] {1L, "{\"a\": \"\\ud83d\"}"}, new Object[] {2L, "{\"b\": 2}"});
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        Migration m = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        Plan plan = m.preflight();
        assertEquals("jsonb", type(plan, "fine"));
        assertEquals("text", type(plan, "nul"));
        assertEquals("text", type(plan, "lone"));
        Result r = m.run(plan);

        assertEquals(Result.Status.DONE, r.status());
        assertTrue(r.verified(), "every row arrives unchanged");
        assertEquals(1, count(target, "SELECT count(*) FROM fine WHERE doc ->> 'e' = '😀'"));
        assertEquals(1, count(target, "SELECT count(*) FROM fine WHERE doc ->> 'path' = 'C:\\u0000'"));
        assertEquals(1, count(target, "SELECT count(*) FROM nul WHERE doc = '{\"a\": \"\\u0000\"}'"));
        for (String table : new String[] {"nul", "lone"}) {
            assertTrue(r.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.DOES_NOT_FIT && table.equals(p.table())
                    && "doc".equals(p.column())), table + ": the values jsonb refuses are reported");
        }
    }

    private static String type(Plan plan, String table) {
        return plan.tables().stream().filter(t -> t.source().name().equals(table)).findFirst().orElseThrow()
                .columns().stream().filter(c -> c.source().name().equals("doc")).findFirst().orElseThrow().type().sql();
    }
}
