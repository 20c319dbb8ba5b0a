package dev.ferry.run;

import static dev.ferry.run.ResumeTest.count;
import static dev.ferry.run.ResumeTest.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sqlite-vec vec0 table, written the way sqlite-vec writes it (its row in sqlite_schema, a chunk
 * of chunk_size slots with a validity bitmap, the rowids' slots, the chunk's float32s), read by a
 * SQLite without the extension: its live rows (a deleted one's slot is cleared) arrive as a table
 * keyed by the rowid with the vectors as real[] (vector(n) with pgvector), verified.
 */
class Vec0TablesTest {

    static Path embeddings(Path dir) throws Exception {
        Path file = dir.resolve("rag.sqlite");
        ByteBuffer chunk = ByteBuffer.allocate(8 * 4 * 4).order(ByteOrder.LITTLE_ENDIAN); // chunk_size 8 × 4 floats
        float[][] slots = {{0.1f, 0.2f, 0.3f, 0.4f}, {9f, 9f, 9f, 9f}, {-1.5f, 0f, 2.25f, 1e-7f}};
        for (int s = 0; s < slots.length; s++) {
            for (int k = 0; k < 4; k++) {
                chunk.putFloat((s * 4 + k) * 4, slots[s][k]);
            }
        }
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT)",
                    "INSERT INTO docs VALUES (10, 'first'), (12, 'third')",
                    "CREATE TABLE vec_docs_info (key TEXT PRIMARY KEY, value ANY)",
                    "INSERT INTO vec_docs_info VALUES ('CREATE_VERSION', 'v0.1.6')",
                    "CREATE TABLE vec_docs_chunks (chunk_id INTEGER PRIMARY KEY AUTOINCREMENT, size INTEGER NOT NULL, "
                            + "validity BLOB NOT NULL, rowids BLOB NOT NULL)",
                    "CREATE TABLE vec_docs_rowids (rowid INTEGER PRIMARY KEY AUTOINCREMENT, id, chunk_id INTEGER, "
                            + "chunk_offset INTEGER)",
                    "CREATE TABLE vec_docs_vector_chunks00 (rowid PRIMARY KEY, vectors BLOB NOT NULL)",
                    // slots 0 and 2 hold rows 10 and 12; row 11 (slot 1) was deleted: its bit is clear, its rowid gone
                    "INSERT INTO vec_docs_chunks VALUES (1, 8, x'05', zeroblob(64))",
                    "INSERT INTO vec_docs_rowids VALUES (10, NULL, 1, 0), (12, NULL, 1, 2)",
                    "PRAGMA writable_schema = ON",
                    "INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES ('table', 'vec_docs', "
                            + "'vec_docs', 0, 'CREATE VIRTUAL TABLE vec_docs USING vec0(embedding float[4], chunk_size=8)')",
                    "PRAGMA writable_schema = OFF");
            db.insert("vec_docs_vector_chunks00", new Object[] {1L, chunk.array()});
        }
        return file;
    }

    @Test
    void theVectorsOfAVec0TableArriveAsArraysOfTheirFloats(@TempDir Path dir) throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        Path source = embeddings(dir);
        byte[] before = java.nio.file.Files.readAllBytes(source);
        Migration m = new Migration(Options.of(source, target, TestPostgres.get().adminPassword()),
                MigrationListener.NONE);
        Plan plan = m.preflight();
        assertTrue(plan.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.VIRTUAL_TABLE
                && p.table().equals("vec_docs") && p.message().contains("vec0")), plan.problems().toString());
        assertTrue(plan.table("vec_docs_chunks").isEmpty(), "its storage is not copied as tables");
        Result r = m.run(plan);

        assertEquals(Result.Status.DONE, r.status());
        assertTrue(r.verified(), "the copy's text of each vector is the server's");
        // the views that read the vectors live in the connection's temp schema: the file is never written
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, java.nio.file.Files.readAllBytes(source),
                "the SQLite file changed");
        assertEquals("ARRAY:_float4", query(target, "SELECT data_type || ':' || udt_name FROM information_schema.columns "
                + "WHERE table_name = 'vec_docs' AND column_name = 'embedding'"));
        assertEquals("10,12", query(target, "SELECT string_agg(rowid::text, ',' ORDER BY rowid) FROM vec_docs"));
        assertEquals("{0.1,0.2,0.3,0.4}", query(target, "SELECT embedding::text FROM vec_docs WHERE rowid = 10"));
        assertEquals("{-1.5,0,2.25,1e-07}", query(target, "SELECT embedding::text FROM vec_docs WHERE rowid = 12"));
        assertEquals(2, count(target, "SELECT count(*) FROM docs JOIN vec_docs ON vec_docs.rowid = docs.id"));
        Result again = new Migration(Options.of(source, target, TestPostgres.get().adminPassword()), MigrationListener.NONE)
                .verifyAsMigrated(java.util.Set.of());
        assertTrue(again.verified(), "a later verify compares the vectors as the migrate made them: " + again.tables());
    }
}
