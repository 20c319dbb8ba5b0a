package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A virtual table of an extension the bundled SQLite lacks (sqlite-vec's vec0, spellfix1) made
 * even inspect fail: "Ferry could not read the tables … The file may be damaged" ("no such
 * module"), though integrity_check says ok. The file is written here as an app with the extension
 * leaves it, seen by a SQLite without it: the virtual table's row in sqlite_schema, and vec0's
 * storage tables as plain tables. The ordinary tables must migrate and verify; the extension's
 * tables are reported, vec0's storage not copied as if it were the app's data.
 */
class UnknownModuleTest {

    @Test
    void extensionTablesAreReportedAndTheRestMigrates(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("embeddings.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT)",
                    "INSERT INTO docs (body) VALUES ('first'), ('second')",
                    "CREATE TABLE emb_chunks (chunk_id INTEGER PRIMARY KEY, size INTEGER, validity BLOB, rowids BLOB)",
                    "CREATE TABLE emb_rowids (rowid INTEGER PRIMARY KEY, id, chunk_id INTEGER, chunk_offset INTEGER)",
                    "CREATE TABLE emb_vector_chunks00 (rowid INTEGER PRIMARY KEY, vectors BLOB NOT NULL)",
                    "INSERT INTO emb_vector_chunks00 VALUES (1, x'00000000')",
                    "CREATE TABLE emb_notes (id INTEGER PRIMARY KEY, note TEXT)", // the app's own, despite its name
                    "INSERT INTO emb_notes (note) VALUES ('kept')",
                    "PRAGMA writable_schema = ON",
                    "INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES ('table', 'emb', 'emb', 0, "
                            + "'CREATE VIRTUAL TABLE emb USING vec0(embedding float[4])')",
                    "INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES ('table', 'fix', 'fix', 0, "
                            + "'CREATE VIRTUAL TABLE fix USING spellfix1')",
                    "PRAGMA writable_schema = OFF");
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        Migration m = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        Plan plan = m.preflight();
        assertEquals(List.of("docs", "emb_notes"), plan.tables().stream().map(TablePlan::target).sorted().toList());
        List<Problem> skipped = plan.problems().stream().filter(p -> p.kind() == Problem.Kind.TABLE_SKIPPED).toList();
        assertTrue(skipped.stream().anyMatch(p -> p.table().equals("emb") && p.message().contains("vec0")
                && p.message().contains("pgvector")), skipped.toString());
        assertTrue(skipped.stream().anyMatch(p -> p.table().equals("fix") && p.message().contains("spellfix1")), skipped.toString());
        Result r = m.run(plan);
        assertEquals(Result.Status.DONE, r.status());
        assertTrue(r.verified());
        assertEquals("kept", ResumeTest.query(target, "SELECT note FROM emb_notes"));
    }
}
