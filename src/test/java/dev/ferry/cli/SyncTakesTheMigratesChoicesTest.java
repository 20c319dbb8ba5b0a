package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrate prints `ferry sync FILE --to URL` as the next step, without the options it was given.
 * That command must work after a migrate made with --names, --type, --on-problem and --suggest: the
 * sync takes the migration's choices from its journal, as verify does, and says so in one line.
 * Before, it refused ("the tables Ferry would make now are not the ones the migration made").
 */
class SyncTakesTheMigratesChoicesTest {

    private static final String TAKING = "Taking again the choices the migration took: ";

    private static String migrated(Path dir, TargetAddress db) throws Exception {
        Path file = dir.resolve("blog.db");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT NOT NULL, status TEXT NOT NULL "
                            + "CHECK (status IN ('draft', 'published', 'archived')), published_on TEXT, words INTEGER, "
                            + "score INTEGER)",
                    "INSERT INTO posts VALUES (1, 'Moving', 'published', '2024-03-01', 1200, 5), "
                            + "(2, 'Drafts', 'draft', NULL, 'many', 7), (3, 'Old news', 'archived', '2023-12-31', 10, -2)",
                    "CREATE TABLE BlogAuthors (id INTEGER PRIMARY KEY, name TEXT)",
                    "INSERT INTO BlogAuthors VALUES (1, 'Ada'), (2, 'Grace')");
        }
        CommandLineTest.Run m = CommandLineTest.ferry(null, "migrate", file.toString(), "--to", TestPostgres.url(db),
                "--suggest", "date:posts.published_on", "--suggest", "enum:posts.status", "--type", "posts.score=numeric",
                "--on-problem", "does-not-fit=null", "--names", "snake", "--rejects", dir.resolve("r.jsonl").toString());
        assertEquals(0, m.code(), m.all());
        assertTrue(m.out().contains("ferry sync " + file + " --to "), "the next step printed: " + m.out());
        try (SqliteFixture f = SqliteFixture.at(file)) { // the app goes on writing
            f.sql("INSERT INTO posts VALUES (4, 'Syncing', 'draft', '2024-05-05', 50, 1)",
                    "UPDATE BlogAuthors SET name = 'Ada L.' WHERE id = 1",
                    "DELETE FROM BlogAuthors WHERE id = 2");
        }
        return file.toString();
    }

    @Test
    void theSyncThatTheMigratePrintsWorksWithoutItsOptions(@TempDir Path dir) throws Exception {
        TargetAddress db = TestPostgres.get().freshDatabase();
        String file = migrated(dir, db);

        CommandLineTest.Run s = CommandLineTest.ferry(null, "sync", file, "--to", TestPostgres.url(db), "--yes");

        assertEquals(0, s.code(), s.all());
        String line = s.err().lines().filter(l -> l.contains(TAKING)).findFirst().orElse("");
        assertTrue(line.contains("--names snake") && line.contains("--type posts.score=numeric")
                && line.contains("--on-problem does-not-fit=null") && line.contains("--suggest date:posts.published_on")
                && line.contains("--suggest enum:posts.status"), "one line, every choice: " + s.err());
        assertEquals(List.of("4"), TestPostgres.get().rows(db, "SELECT count(*) FROM posts"));
        assertEquals(List.of("2024-05-05"), TestPostgres.get().rows(db, "SELECT published_on FROM posts WHERE id = 4"));
        assertEquals(List.of("1:Ada L."), TestPostgres.get().rows(db, "SELECT id || ':' || name FROM blog_authors"),
                "the snake-named table, updated and with the deleted row gone");
        assertTrue(s.out().contains("PostgreSQL is up to date"), s.out());
    }

    @Test
    void aChoiceGivenThatIsNotTheMigrationsIsRefusedWithWhatToLeaveOut(@TempDir Path dir) throws Exception {
        TargetAddress db = TestPostgres.get().freshDatabase();
        String file = migrated(dir, db);

        CommandLineTest.Run s = CommandLineTest.ferry(null, "sync", file, "--to", TestPostgres.url(db), "--yes",
                "--names", "lower");

        assertEquals(2, s.code(), s.all());
        assertTrue(s.all().contains("Sync takes the migration's --names, --type, --exclude and --on-problem by itself"),
                s.all());
        assertEquals(List.of("Ada"), TestPostgres.get().rows(db, "SELECT name FROM blog_authors WHERE id = 1"),
                "nothing was changed");
    }
}
