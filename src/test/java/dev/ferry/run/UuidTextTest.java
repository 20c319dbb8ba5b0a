package dev.ferry.run;

import static dev.ferry.run.ResumeTest.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.plan.PgType;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `--type users.uuid=uuid` on SQLAlchemy's 32-hex-digit text (and .NET's braces, upper case) stopped
 * mid-copy with "this is a bug in Ferry", though PostgreSQL reads every one of those forms. Every form
 * PostgreSQL's uuid reads must arrive as that uuid, and the run must end verified.
 */
class UuidTextTest {

    @Test
    void everyFormPostgresReadsArrivesAsAUuid(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("uuids.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE users (id INTEGER PRIMARY KEY, uuid CHAR(32) NOT NULL, name TEXT)",
                    "INSERT INTO users (uuid, name) VALUES ('a0eebc999c0b4ef8bb6d6bb9bd380a11', 'bare'), "
                            + "('{B0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12}', 'braced'), "
                            + "('c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13', 'canonical')");
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        Options options = Options.of(file, target, TestPostgres.get().adminPassword())
                .withOverrides(Map.of("users.uuid", PgType.parse("uuid")));
        Migration m = new Migration(options, MigrationListener.NONE);
        Result r = m.run(m.preflight());
        assertEquals(Result.Status.DONE, r.status());
        assertEquals("uuid", query(target, "SELECT pg_typeof(uuid)::text FROM users LIMIT 1"));
        assertEquals("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11,b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12,"
                + "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13", query(target, "SELECT string_agg(uuid::text, ',' ORDER BY id) FROM users"));
    }
}
