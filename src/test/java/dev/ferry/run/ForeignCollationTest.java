package dev.ferry.run;

import static dev.ferry.run.ResumeTest.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Problem;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file from an app that defines its own collations (Android's LOCALIZED and UNICODE) is read
 * like any other: SQLite alone would refuse every statement on such a table ("no such collation
 * sequence"), and Ferry used to call the file unreadable. The rows arrive unchanged and verified;
 * each text column's lost collation is reported.
 */
class ForeignCollationTest {

    static Path androidFile(Path dir) throws Exception {
        Path file = dir.resolve("app data.db");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE android_metadata (locale TEXT)",
                    "CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT, made DATETIME, stars INTEGER)",
                    "CREATE INDEX notes_title ON notes (title)");
            db.insert("android_metadata", new Object[] {"en_US"});
            db.insert("notes", new Object[] {1L, "Zebra", "2024-05-01 10:00:00", 3L}, new Object[] {2L, "émile", "2024-05-02 11:00:00", 5L},
                    new Object[] {3L, "apple 🍎", "2024-05-03 12:00:00", null});
            // as the app wrote it: collations only the app (Android's SQLite) knows
            db.sql("PRAGMA writable_schema = ON",
                    "UPDATE sqlite_schema SET sql = 'CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT COLLATE LOCALIZED, "
                            + "made DATETIME COLLATE \"UNICODE\", stars INTEGER COLLATE LOCALIZED)' WHERE name = 'notes'",
                    "UPDATE sqlite_schema SET sql = 'CREATE INDEX notes_title ON notes (title COLLATE LOCALIZED)' "
                            + "WHERE name = 'notes_title'");
        }
        return file;
    }

    @Test
    void anAppsOwnCollationsDoNotMakeTheFileUnreadable(@TempDir Path dir) throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        Migration m = new Migration(Options.of(androidFile(dir), target, TestPostgres.get().adminPassword()),
                MigrationListener.NONE);
        Result r = m.run(m.preflight());

        assertEquals(Result.Status.DONE, r.status());
        assertTrue(r.verified(), "every row arrives unchanged");
        assertEquals(3, count(target, "SELECT count(*) FROM notes"));
        assertEquals(1, count(target, "SELECT count(*) FROM notes WHERE title = 'apple 🍎' AND made = '2024-05-03 12:00:00'"));
        assertTrue(r.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.INDEX_NOT_CREATED
                && p.message().contains("notes_title")), "an index ordered by the app's collation is reported, not guessed");
        List<String> lost = r.problems().stream().filter(p -> p.kind() == Problem.Kind.COLLATION_NOT_KEPT)
                .map(Problem::column).sorted().toList();
        assertEquals(List.of("title"), lost, "reported for the text column only: made becomes a timestamp, stars a bigint");
    }

    @Test
    void theStandInOrdersAsSqliteBinaryDoes() {
        String[] words = {"b", "a", "é", "😀", "\uFFFD", "ab", "", "Z", "\u00FF"};
        String[] byCodePoint = words.clone();
        Arrays.sort(byCodePoint, dev.ferry.sqlite.SqliteSource::compareCodePoints);
        String[] byUtf8 = words.clone();
        Arrays.sort(byUtf8, (x, y) -> Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Arrays.asList(byUtf8), Arrays.asList(byCodePoint));
    }
}
