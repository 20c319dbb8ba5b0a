package dev.ferry.run;

import static dev.ferry.run.ResumeTest.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TEXT primary key whose every value is a lower-case hyphenated UUID used to stay text. It must
 * become uuid (those values read back exactly), be verified equal, and an app's view comparing it
 * with a string literal must still work; text with one upper-case UUID must stay text, since
 * PostgreSQL would print it back in lower case.
 */
class CanonicalUuidTextTest {

    @Test
    void canonicalUuidTextBecomesUuidAndMixedCaseStaysText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ids.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE users (id TEXT PRIMARY KEY, name TEXT NOT NULL)",
                    "INSERT INTO users VALUES ('0b7e6c1a-3f2d-4c5e-9a8b-1d2e3f4a5b6c', 'ann'), "
                            + "('f47ac10b-58cc-4372-a567-0e02b2c3d479', 'bob')",
                    "CREATE TABLE tokens (id TEXT PRIMARY KEY, user TEXT)",
                    "INSERT INTO tokens VALUES ('F47AC10B-58CC-4372-A567-0E02B2C3D479', 'bob'), "
                            + "('0b7e6c1a-3f2d-4c5e-9a8b-1d2e3f4a5b6c', 'ann')",
                    "CREATE VIEW bob AS SELECT name FROM users WHERE id = 'f47ac10b-58cc-4372-a567-0e02b2c3d479'");
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        Migration m = new Migration(ConnectionFaultTest.options(file, target, TestPostgres.get().adminPassword()),
                MigrationListener.NONE);
        Plan plan = m.preflight();
        assertTrue(plan.tables().stream().filter(t -> t.target().equals("users")).findFirst().orElseThrow().columns()
                .get(0).rule().name().equals("uuid in text"), "the plan names the rule");
        Result r = m.run(plan);
        ResumeTest.assertVerified(r, Map.of("users", 2L, "tokens", 2L));
        assertEquals(1, count(target, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' "
                + "AND column_name = 'id' AND data_type = 'uuid'"), "users.id is a uuid");
        assertEquals(1, count(target, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'tokens' "
                + "AND column_name = 'id' AND data_type = 'text'"), "tokens.id keeps its upper-case value as text");
        assertEquals(1, count(target, "SELECT count(*) FROM bob"), "the view comparing the uuid with a literal finds bob");
    }
}
