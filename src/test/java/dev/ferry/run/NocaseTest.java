package dev.ferry.run;

import static dev.ferry.run.ResumeTest.count;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COLLATE NOCASE keeps its meaning: with ICU, a nondeterministic collation made once in the
 * schema, so a unique NOCASE column refuses 'Bob' next to 'bob' and = ignores case, while the
 * stored values (and so the checksums) are unchanged; a view's LIKE on such a column still works;
 * undo drops the collation. Without ICU, citext when installed, else the loss is reported.
 */
class NocaseTest {

    static Path fixture(Path dir) throws Exception {
        Path file = dir.resolve("nocase.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT COLLATE NOCASE UNIQUE, label TEXT COLLATE NOCASE)",
                    "CREATE VIEW a_tags AS SELECT name FROM tags WHERE label LIKE 'a%'");
            db.insert("tags", new Object[] {1L, "bob", "Alpha"}, new Object[] {2L, "Émile", "beta"}, new Object[] {3L, "ann", null});
        }
        return file;
    }

    @Test
    void nocaseColumnsCompareWithoutCaseAndKeepTheirValues(@TempDir Path dir) throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        Migration m = new Migration(Options.of(fixture(dir), target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        Result r = m.run(m.preflight());

        assertEquals(Result.Status.DONE, r.status());
        assertTrue(r.verified(), "the collation changes no stored value");
        assertEquals("nocase", query(target, "SELECT collation_name FROM information_schema.columns WHERE table_name = 'tags' "
                + "AND column_name = 'name'"));
        SQLException dup = assertThrows(SQLException.class, () -> execute(target, "INSERT INTO tags VALUES (4, 'Bob', 'x')"));
        assertTrue(dup.getMessage().contains("duplicate key"), dup.getMessage());
        assertEquals(1, count(target, "SELECT count(*) FROM tags WHERE label = 'ALPHA'"));
        assertEquals(1, count(target, "SELECT count(*) FROM tags WHERE name = 'émile'"));
        assertEquals("bob", query(target, "SELECT string_agg(name, ',') FROM a_tags"));

        m.undo(null, true);
        assertEquals(0, count(target, "SELECT count(*) FROM pg_collation WHERE collname = 'nocase'"), "undo dropped it");
    }

    /** The app's own SQL may say COLLATE NOCASE where no column does: the collation is made anyway, and undone. */
    @Test
    void theCollationIsMadeForTheAppsSqlWithoutANocaseColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plain.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE products (id INTEGER PRIMARY KEY, title TEXT)");
            db.insert("products", new Object[] {1L, "banana"}, new Object[] {2L, "Apple"}, new Object[] {3L, "cherry"});
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        Migration m = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        assertEquals(Result.Status.DONE, m.run(m.preflight()).status());
        assertEquals("Apple,banana,cherry", query(target, "SELECT string_agg(title, ',' ORDER BY title COLLATE nocase) FROM products"),
                "SQLite's ORDER BY title COLLATE NOCASE, as the translator writes it");
        m.undo(null, true);
        assertEquals(0, count(target, "SELECT count(*) FROM pg_collation WHERE collname = 'nocase'"), "undo dropped it");
    }

    @Test
    void withoutIcuCitextKeepsItWhenInstalled(@TempDir Path dir) throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        TriggersTest.execute(target, "CREATE EXTENSION citext");
        Result r = withoutIcu(fixture(dir), target);
        assertTrue(r.verified());
        assertEquals("citext", query(target, "SELECT udt_name FROM information_schema.columns WHERE table_name = 'tags' "
                + "AND column_name = 'name'"));
        assertThrows(SQLException.class, () -> execute(target, "INSERT INTO tags VALUES (4, 'Bob', 'x')"));
    }

    @Test
    void withoutIcuOrCitextTheLossIsReported(@TempDir Path dir) throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        Result r = withoutIcu(fixture(dir), target);
        assertTrue(r.verified());
        assertEquals(2, r.problems().stream().filter(p -> p.kind() == Problem.Kind.COLLATION_NOT_KEPT).count());
        execute(target, "INSERT INTO tags VALUES (4, 'Bob', 'x')"); // exact comparison now: accepted
        assertEquals("bob", query(target, "SELECT string_agg(name, ',') FROM a_tags"));
    }

    private static Result withoutIcu(Path file, TargetAddress target) {
        System.setProperty("ferry.fit.icu", "false");
        try {
            Migration m = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
            return m.run(m.preflight());
        } finally {
            System.clearProperty("ferry.fit.icu");
        }
    }
}
