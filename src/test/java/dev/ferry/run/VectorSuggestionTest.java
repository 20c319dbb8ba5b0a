package dev.ferry.run;

import static dev.ferry.run.ResumeTest.count;
import static dev.ferry.run.ResumeTest.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.Suggestion;
import dev.ferry.plan.TablePlan;
import dev.ferry.plan.TypeRule;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Embeddings an app stored as blobs of float32s (numpy's tobytes(), little-endian) are offered as
 * vector(n), and taken they arrive as vector(n) where pgvector is installed, else as real[] with
 * every float equal and the checksums agreeing; the report says how to get vector(n). Blobs of
 * other sizes, or too small to be an embedding (a 16-byte id), are not offered.
 */
class VectorSuggestionTest {

    static final int DIMS = 16;

    static Path notes(Path dir) throws Exception {
        Path file = dir.resolve("notes.sqlite");
        Random random = new Random(7);
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, embedding BLOB NOT NULL, "
                    + "attachment BLOB, uid BLOB)");
            List<Object[]> rows = new ArrayList<>();
            for (long i = 1; i <= 40; i++) {
                ByteBuffer b = ByteBuffer.allocate(DIMS * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (int k = 0; k < DIMS; k++) {
                    b.putFloat(i == 1 && k == 0 ? 0.1f : (float) random.nextGaussian());
                }
                byte[] uid = new byte[16];
                random.nextBytes(uid);
                rows.add(new Object[] {i, "note " + i, b.array(), new byte[(int) (i * 8)], uid});
            }
            db.insert("notes", rows.toArray(Object[][]::new));
        }
        return file;
    }

    @Test
    void floatBlobsAreOfferedAsAVectorAndNothingElseIs(@TempDir Path dir) throws Exception {
        Plan plan = new Migration(Options.of(notes(dir), null, null), MigrationListener.NONE).preflight();
        List<Suggestion> vectors = plan.suggestions().stream().filter(s -> s.kind() == Suggestion.Kind.VECTOR).toList();
        assertEquals(List.of("vector:notes.embedding"), vectors.stream().map(Suggestion::id).toList());
        assertEquals(List.of("16"), vectors.get(0).details());
        assertTrue(vectors.get(0).why().contains("All 40 values are blobs of exactly 64 bytes"), vectors.get(0).why());
        assertEquals("bytea", plan.table("notes").orElseThrow().column("embedding").type().sql(), "not taken by default");
    }

    @Test
    void withoutPgvectorTheEmbeddingsArriveAsRealArraysAndVerify(@TempDir Path dir) throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        try (Connection c = TestPostgres.get().connect(target)) {
            Pgvector here = Pgvector.of(c);
            long available = count(target, "SELECT count(*) FROM pg_available_extensions WHERE name = 'vector'");
            assertEquals(available == 0 ? Pgvector.State.MISSING : Pgvector.State.AVAILABLE, here.state(),
                    "a fresh database has no extension installed");
        }
        Options options = Options.of(notes(dir), target, TestPostgres.get().adminPassword())
                .withSuggestions(Set.of("vector:notes.embedding"));
        Migration m = new Migration(options, MigrationListener.NONE);
        Result r = m.run(m.preflight());

        assertEquals(Result.Status.DONE, r.status());
        assertTrue(r.verified(), "the server's text of each real[] is the copy's, float for float");
        assertEquals("ARRAY:_float4", query(target, "SELECT data_type || ':' || udt_name FROM information_schema.columns "
                + "WHERE table_name = 'notes' AND column_name = 'embedding'"));
        assertEquals(40, count(target, "SELECT count(*) FROM notes WHERE array_length(embedding, 1) = " + DIMS));
        assertEquals("0.1", query(target, "SELECT embedding[1]::text FROM notes WHERE id = 1"));
        Problem said = r.problems().stream().filter(p -> p.kind() == Problem.Kind.VECTOR_AS_ARRAY).findFirst().orElseThrow();
        assertTrue(said.message().contains("becomes real[], not vector(16)"), said.message());
        assertEquals("bytea", query(target, "SELECT udt_name FROM information_schema.columns WHERE table_name = 'notes' "
                + "AND column_name = 'attachment'"));
        // a later verify without --suggest takes the vector again, fitted to this server as the migrate was
        Result again = new Migration(Options.of(options.source(), target, TestPostgres.get().adminPassword()),
                MigrationListener.NONE).verifyAsMigrated(Set.of());
        assertTrue(again.verified(), again.tables().toString());
        assertEquals("real[]", again.plan().table("notes").orElseThrow().column("embedding").type().sql());
    }

    /** The choice itself, for each state of the server (the test server cannot install pgvector). */
    @Test
    void pgvectorInstalledMakesAVectorAvailableSaysHowMissingSaysSo(@TempDir Path dir) throws Exception {
        Options options = Options.of(notes(dir), null, null).withSuggestions(Set.of("vector:notes.embedding"));
        Plan plan = new Migration(options, MigrationListener.NONE).preflight();
        TablePlan notes = plan.table("notes").orElseThrow();
        assertEquals("real[]", notes.column("embedding").type().sql(), "real[] until the server says otherwise");

        List<Problem> found = new ArrayList<>();
        Map<String, List<String>> changed = new LinkedHashMap<>();
        TablePlan installed = new Pgvector(Pgvector.State.INSTALLED, "extensions").fit(notes, plan.taken(), found, changed);
        assertEquals("extensions.vector(16)", installed.column("embedding").type().sql());
        assertEquals(TypeRule.Conversion.FLOAT32_VECTOR, installed.column("embedding").conversion());
        assertTrue(found.isEmpty());
        assertEquals(List.of("notes.embedding"), changed.get("vector(16) (pgvector is installed)"));

        TablePlan available = new Pgvector(Pgvector.State.AVAILABLE, null).fit(notes, plan.taken(), found, changed);
        assertEquals("real[]", available.column("embedding").type().sql());
        assertTrue(found.get(0).message().contains("CREATE EXTENSION vector"), found.get(0).message());

        found.clear();
        new Pgvector(Pgvector.State.MISSING, null).fit(notes, plan.taken(), found, changed);
        assertTrue(found.get(0).message().contains("this server has no pgvector"), found.get(0).message());
    }
}
