package dev.ferry.run;

import static dev.ferry.run.ResumeTest.query;
import static dev.ferry.run.TriggersTest.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Problem;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated columns (STORED and VIRTUAL) become PostgreSQL's GENERATED ALWAYS AS ... STORED: not
 * copied, computed by PostgreSQL, and the computed values are verified against SQLite's. Those
 * that cannot be (a date function, which PostgreSQL does not count as immutable; one reading
 * another generated column; one PostgreSQL itself refuses) become plain columns with SQLite's
 * values, reported.
 */
class GeneratedColumnsTest {

    @Test
    void generatedColumnsAreComputedByPostgresOrKeptAsData(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("generated.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE lines (id INTEGER PRIMARY KEY, price REAL, qty INTEGER, name TEXT, created TEXT, "
                    + "stamp DATETIME, total REAL GENERATED ALWAYS AS (price * qty) STORED, "
                    + "label TEXT AS (upper(name) || '-' || qty) VIRTUAL, day TEXT AS (date(created)), "
                    + "twice REAL AS (total * 2), stamp_text TEXT AS (stamp || ''))");
            db.insert("lines(id, price, qty, name, created, stamp)",
                    new Object[] {1L, 2.5, 4L, "bolt", "2024-03-01 10:00:00", "2024-03-01 10:00:00"},
                    new Object[] {2L, 0.1, 3L, "nut", null, "2024-03-02 11:00:00"},
                    new Object[] {3L, null, 1L, null, "2024-03-03", "2024-03-03 12:00:00"});
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        Migration m = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        Result r = m.run(m.preflight());

        assertEquals(Result.Status.DONE, r.status());
        assertTrue(r.verified(), "PostgreSQL's computed values equal SQLite's");
        assertEquals("total:s,label:s,day:,twice:,stamp_text:", query(target, "SELECT string_agg(attname || ':' || attgenerated::text, "
                + "',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'public.lines'::regclass AND attnum > 6"));
        assertEquals("10:BOLT-4", query(target, "SELECT total || ':' || label FROM lines WHERE id = 1"));
        assertEquals("2024-03-01", query(target, "SELECT day FROM lines WHERE id = 1"), "kept as data: SQLite's values");

        Map<String, String> kept = r.problems().stream().filter(p -> p.kind() == Problem.Kind.GENERATED_COLUMN_KEPT_AS_DATA)
                .collect(Collectors.toMap(Problem::column, Problem::message));
        assertEquals(List.of("day", "stamp_text", "twice"), kept.keySet().stream().sorted().toList());
        assertTrue(kept.get("day").contains("time or the session"), kept.get("day"));
        assertTrue(kept.get("twice").contains("another computed column"), kept.get("twice"));
        assertTrue(kept.get("stamp_text").contains("PostgreSQL refused"), kept.get("stamp_text"));

        execute(target, "INSERT INTO lines (id, price, qty, name) VALUES (10, 1.5, 2, 'washer')");
        assertEquals("3:WASHER-2", query(target, "SELECT total || ':' || label FROM lines WHERE id = 10"));
    }
}
