package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `ferry verify FILE --to URL` after a migrate made with --suggest, --type and --on-problem needs
 * none of them again: it takes the choices the migration's journal kept, says so in one line, and
 * finds the tables equal (exit 0); before, it planned from the defaults and called equal tables
 * different. It still finds a row someone changed in PostgreSQL (exit 5). A choice given again wins,
 * and when it is not the migration's, verify says the result may differ because of it.
 */
class VerifyTakesTheMigratesChoicesTest {

    static final String TAKING = "Taking again the choices the migration took: ";

    private static Path blog(Path dir) throws Exception {
        Path file = dir.resolve("blog.db");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT NOT NULL, status TEXT NOT NULL "
                            + "CHECK (status IN ('draft', 'published', 'archived')), published_on TEXT, words INTEGER, score INTEGER, "
                            + "likes INTEGER)",
                    "INSERT INTO posts VALUES (1, 'Moving', 'published', '2024-03-01', 1200, 5, 3), "
                            + "(2, 'Drafts', 'draft', NULL, 'many', 7, 0), (3, 'Old news', 'archived', '2023-12-31', 10, -2, 1)",
                    "CREATE TABLE BlogAuthors (id INTEGER PRIMARY KEY, name TEXT)",
                    "INSERT INTO BlogAuthors VALUES (1, 'Ada')");
        }
        return file;
    }

    private String migrate(Path dir, TargetAddress db) throws Exception {
        Path file = blog(dir);
        CommandLineTest.Run m = CommandLineTest.ferry(null, "migrate", file.toString(), "--to", TestPostgres.url(db),
                "--suggest", "date:posts.published_on", "--suggest", "enum:posts.status", "--type", "posts.score=numeric",
                "--on-problem", "does-not-fit=null", "--names", "snake", "--rejects", dir.resolve("r.jsonl").toString());
        assertEquals(0, m.code(), m.all());
        assertEquals("date", TestPostgres.get().rows(db, "SELECT data_type FROM information_schema.columns WHERE "
                + "table_name = 'posts' AND column_name = 'published_on'").get(0), "the suggestion was taken");
        assertEquals("bigint", TestPostgres.get().rows(db, "SELECT data_type FROM information_schema.columns WHERE "
                + "table_name = 'posts' AND column_name = 'words'").get(0), "does-not-fit=null kept the declared type");
        migrated = m;
        return file.toString();
    }

    /** The last migrate's output. */
    private CommandLineTest.Run migrated;

    /** The "things to know" lines of a run's summary. */
    private static java.util.List<String> thingsToKnow(CommandLineTest.Run r) {
        return r.out().lines().filter(l -> l.startsWith("  - ")).toList();
    }

    @Test
    void aPlainVerifyTakesTheMigratesChoicesAndSaysSo(@TempDir Path dir) throws Exception {
        TargetAddress db = TestPostgres.get().freshDatabase();
        String file = migrate(dir, db);

        CommandLineTest.Run v = CommandLineTest.ferry(null, "verify", file, "--to", TestPostgres.url(db));

        assertEquals(0, v.code(), v.all());
        assertTrue(v.out().contains("Every table arrived"), v.out());
        String line = v.err().lines().filter(l -> l.contains(TAKING)).findFirst().orElse("");
        assertTrue(line.contains("--names snake") && line.contains("--type posts.score=numeric")
                && line.contains("--on-problem does-not-fit=null") && line.contains("--suggest date:posts.published_on")
                && line.contains("--suggest enum:posts.status"), "one line, every choice: " + v.err());
        assertEquals(1, v.err().lines().filter(l -> l.contains(TAKING)).count(), v.err());
        assertFalse(v.all().contains("otherwise"), v.all());
        // planned from the migration's decisions (no second read of every value), which keep what the values showed
        assertTrue(v.err().contains("Column types as the migration decided them (Ferry's journal)"), v.err());
        assertTrue(v.out().contains("Column posts.words is declared INTEGER, but 1 value does not fit bigint"), v.out());
        assertEquals(thingsToKnow(migrated), thingsToKnow(v), "verify tells the migration's things to know");
    }

    @Test
    void aRowChangedInPostgresIsStillADifference(@TempDir Path dir) throws Exception {
        TargetAddress db = TestPostgres.get().freshDatabase();
        String file = migrate(dir, db);
        TestPostgres.get().rows(db, "UPDATE posts SET title = title || '!' WHERE id = 3 RETURNING id");

        CommandLineTest.Run v = CommandLineTest.ferry(null, "verify", file, "--to", TestPostgres.url(db));

        assertEquals(5, v.code(), v.all());
        assertTrue(v.err().contains(TAKING), v.err());
        assertTrue(v.out().contains("Some tables differ: posts."), v.out());
    }

    @Test
    void aValueWrittenInSqliteSinceThatTheMigratesTypesDoNotTakeIsADifference(@TempDir Path dir) throws Exception {
        TargetAddress db = TestPostgres.get().freshDatabase();
        String file = migrate(dir, db);
        try (SqliteFixture f = SqliteFixture.at(Path.of(file))) {
            f.sql("UPDATE posts SET published_on = 'soon', likes = 'lots', words = 'few' WHERE id = 2",
                    "INSERT INTO BlogAuthors VALUES (2, x'00ff')");
        }

        CommandLineTest.Run v = CommandLineTest.ferry(null, "verify", file, "--to", TestPostgres.url(db));

        assertEquals(5, v.code(), v.all());
        assertTrue(v.out().contains("Some tables differ: posts, BlogAuthors."), v.out());
    }

    @Test
    void aVerifyAfterADataOnlyMigrateComparesInTheAppsTables(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("app.sqlite");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE account (id INTEGER PRIMARY KEY, handle TEXT, legacy TEXT)",
                    "INSERT INTO account VALUES (1, 'ann', 'x'), (2, 'bo', NULL)");
        }
        TargetAddress db = TestPostgres.get().freshDatabase();
        try (var c = TestPostgres.get().connect(db); var s = c.createStatement()) {
            s.execute("CREATE TABLE account (id serial PRIMARY KEY, handle varchar(10), joined timestamptz NOT NULL "
                    + "DEFAULT now())");
        }
        CommandLineTest.Run m = CommandLineTest.ferry(null, "migrate", file.toString(), "--to", TestPostgres.url(db),
                "--data-only");
        assertEquals(0, m.code(), m.all());

        CommandLineTest.Run v = CommandLineTest.ferry(null, "verify", file.toString(), "--to", TestPostgres.url(db));

        assertEquals(0, v.code(), v.all());
        assertTrue(v.err().contains(TAKING + "--data-only"), v.err());
    }

    @Test
    void aViewMadeAgainByVerifyIsNamedAsTheMigrationNamedTheTables(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("payments.db");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            // 1997-12-31 00:00:00.000 is inside the BETWEEN as a time, after it as text: the meanings differ
            f.sql("CREATE TABLE PaymentLog (PaymentId INTEGER PRIMARY KEY, PaidAt TIMESTAMP NOT NULL)",
                    "INSERT INTO PaymentLog VALUES (1, '1997-03-01 10:00:00.000'), (2, '1997-12-31 00:00:00.000'), "
                            + "(3, '1998-01-01 00:00:00.000')",
                    "CREATE VIEW Payments1997 AS SELECT PaymentId, PaidAt FROM PaymentLog "
                            + "WHERE PaidAt BETWEEN DATETIME('1997-01-01') AND DATETIME('1997-12-31')");
        }
        TargetAddress db = TestPostgres.get().freshDatabase();
        CommandLineTest.Run m = CommandLineTest.ferry(null, "migrate", file.toString(), "--to", TestPostgres.url(db),
                "--names", "snake");
        assertEquals(0, m.code(), m.all());
        assertTrue(m.out().contains("--view-meaning Payments1997=sqlite"), m.out());

        CommandLineTest.Run v = CommandLineTest.ferry(null, "verify", file.toString(), "--to", TestPostgres.url(db),
                "--view-meaning", "Payments1997=sqlite");

        assertEquals(0, v.code(), v.all());
        assertTrue(v.err().contains(TAKING + "--names snake"), v.err());
        assertTrue(v.out().contains("View Payments1997 uses SQLite's meaning, as you chose"), v.out());
        assertEquals(List.of("1"), TestPostgres.get().rows(db, "SELECT payment_id::text FROM payments1997"));
    }

    @Test
    void aChoiceGivenAgainWinsAndADifferentOneIsSaid(@TempDir Path dir) throws Exception {
        TargetAddress db = TestPostgres.get().freshDatabase();
        String file = migrate(dir, db);

        // the same --names as the migration: nothing said about it; the rest still taken
        CommandLineTest.Run same = CommandLineTest.ferry(null, "verify", file, "--to", TestPostgres.url(db), "--names", "snake");
        assertEquals(0, same.code(), same.all());
        assertFalse(same.all().contains("otherwise"), same.all());
        assertTrue(same.err().contains(TAKING) && !same.err().contains(TAKING + "--names"), same.err());

        // --names lower (typed, though it is the default) is the user's: blogauthors is not the migration's blog_authors
        CommandLineTest.Run other = CommandLineTest.ferry(null, "verify", file, "--to", TestPostgres.url(db), "--names", "lower");
        assertEquals(5, other.code(), other.all());
        assertTrue(other.err().contains("You chose otherwise than the migration: --names lower (the migration: --names snake). "
                + "Tables may differ because of that, not because of their rows."), other.err());
        assertTrue(other.out().contains("Some tables differ: BlogAuthors."), other.out());
    }
}
