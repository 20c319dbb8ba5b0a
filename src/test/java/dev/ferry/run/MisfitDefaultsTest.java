package dev.ferry.run;

import static dev.ferry.run.ResumeTest.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Problem;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A default that does not fit the planned type (DEFAULT 0 on a DATETIME column of an empty table,
 * planned timestamp) used to make PostgreSQL refuse the CREATE and end the whole run with advice
 * about rights. It must be left off, reported per column with its original text, and the run must
 * finish verified; the defaults that do fit stay.
 */
class MisfitDefaultsTest {

    @Test
    void aDefaultThatDoesNotFitIsLeftOffAndReported(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("misfit.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE reminders (id INTEGER PRIMARY KEY, due DATETIME DEFAULT 0, day DATE DEFAULT 'never', "
                    + "at TIME DEFAULT '12:30:00', created DATETIME DEFAULT '2020-01-01 00:00:00', "
                    + "token UUID DEFAULT 'none', meta JSON DEFAULT '{\"a\": 1}', note TEXT DEFAULT 0)");
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        Migration m = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        Result r = m.run(m.preflight());
        assertEquals(Result.Status.DONE, r.status());

        List<String> leftOff = r.problems().stream().filter(p -> p.kind() == Problem.Kind.DEFAULT_NOT_TRANSLATED)
                .map(p -> p.column() + " " + p.examples()).sorted().toList();
        assertEquals(List.of("day ['never']", "due [0]", "token ['none']"), leftOff);
        assertEquals("timestamp without time zone", query(target,
                "SELECT data_type FROM information_schema.columns WHERE table_name = 'reminders' AND column_name = 'due'"));
        assertEquals(null, query(target,
                "SELECT column_default FROM information_schema.columns WHERE table_name = 'reminders' AND column_name = 'due'"));
        assertTrue(query(target, "SELECT column_default FROM information_schema.columns WHERE table_name = 'reminders' "
                + "AND column_name = 'created'").startsWith("'2020-01-01 00:00:00'"));
        assertTrue(query(target, "SELECT column_default FROM information_schema.columns WHERE table_name = 'reminders' "
                + "AND column_name = 'note'").startsWith("'0'"));
    }
}
