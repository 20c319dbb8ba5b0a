package dev.ferry.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.PgTarget;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.sqlite.SqliteSource;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A statement's proof on both databases: PostgreSQL's refusal comes back in its own words; a
 * statement that writes is only PREPAREd, so neither side changes; a query without parameters is
 * run on both and a difference is shown with its counts; parameters are PREPAREd as unknown.
 */
class StatementProofTest {

    @Test
    void preparedFailedSameAndDifferent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.db");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
            db.insert("t", new Object[] {1L, "a"}, new Object[] {2L, "b"});
        }
        TargetAddress a = TestPostgres.get().freshDatabase();
        try (Connection c = TestPostgres.get().connect(a); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id bigint PRIMARY KEY, name text)");
            s.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
        }
        byte[] before = Files.readAllBytes(file);
        try (PgTarget target = PgTarget.connect(a, TestPostgres.get().adminPassword(), 2)) {
            StatementProof proof = new StatementProof(SqliteSource.open(file), target, "public");

            StatementProof.Outcome same = proof.prove("SELECT id, name FROM t", "SELECT id, name FROM t", 0, true);
            assertEquals(new StatementProof.Outcome("same-results", "the same 2 rows in SQLite and PostgreSQL"), same);

            StatementProof.Outcome differs = proof.prove("SELECT id FROM t", "SELECT id FROM t WHERE id = 1;", 0, true);
            assertEquals("different-results", differs.proof());
            assertTrue(differs.text().startsWith("SQLite returns 2 rows, PostgreSQL 1"), differs.text());

            StatementProof.Outcome failed = proof.prove("SELECT x FROM t", "SELECT x FROM t", 0, true);
            assertEquals("failed", failed.proof());
            assertEquals("PostgreSQL: column \"x\" does not exist", failed.text().replaceAll("\\s+Position.*", ""));

            StatementProof.Outcome typed = proof.prove("", "UPDATE t SET name = $1 WHERE id = $2", 2, false);
            assertEquals("prepared", typed.proof(), typed.text());
            assertEquals("failed", proof.prove("", "UPDATE t SET id = $1 || 'x' WHERE id = $2 + true", 2, false).proof());

            assertEquals("prepared", proof.prove("DELETE FROM t", "DELETE FROM t", 0, false).proof());
        }
        assertEquals(List.of("1|a", "2|b"), TestPostgres.get().rows(a, "SELECT id, name FROM t ORDER BY id"));
        assertTrue(Arrays.equals(before, Files.readAllBytes(file)), "the SQLite file changed");
    }
}
