package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ferry.plan.Plan;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's LIKE folds the case of ASCII letters only ('é' LIKE 'É' is false); PostgreSQL's ILIKE
 * folds every letter unless it runs under the C collation. Views over words with accented letters,
 * the Kelvin sign and the dotted capital I, each compared with SQLite's own rows.
 */
class LikeAsciiFoldTest {

    /** View name, SQLite query, the PostgreSQL Ferry must make of it. */
    static final List<String[]> VIEWS = List.of(
            new String[] {"like_accented", "SELECT id FROM words WHERE w LIKE 'É%'",
                    "SELECT id FROM words WHERE w COLLATE \"C\" ILIKE 'É%'"},
            new String[] {"not_like_accented", "SELECT id FROM words WHERE w NOT LIKE '%é%'",
                    "SELECT id FROM words WHERE w COLLATE \"C\" NOT ILIKE '%é%'"},
            new String[] {"like_ascii_pattern", "SELECT id FROM words WHERE w LIKE 'E%'",
                    "SELECT id FROM words WHERE w ILIKE 'E%'"},
            new String[] {"like_kelvin", "SELECT id FROM words WHERE w LIKE 'k%' OR w LIKE '%i'",
                    "SELECT id FROM words WHERE w COLLATE \"C\" ILIKE 'k%' OR w COLLATE \"C\" ILIKE '%i'"},
            new String[] {"like_column_pattern", "SELECT a.id AS a, b.id AS b FROM words a, words b WHERE a.w LIKE b.w",
                    "SELECT a.id AS a, b.id AS b FROM words a, words b WHERE a.w COLLATE \"C\" ILIKE b.w ESCAPE ''"});

    static TargetAddress target;
    static Result result;
    static Path file;

    @BeforeAll
    static void migrate(@TempDir Path dir) throws Exception {
        file = dir.resolve("like.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE words (id INTEGER PRIMARY KEY, w TEXT)");
            for (String[] v : VIEWS) {
                db.sql("CREATE VIEW " + v[0] + " AS " + v[1]);
            }
            db.insert("words",
                    new Object[] {1L, "école"}, new Object[] {2L, "École"}, new Object[] {3L, "ÉTÉ"},
                    new Object[] {4L, "eté"}, new Object[] {5L, "Eve"}, new Object[] {6L, "\u212Aelvin"},
                    new Object[] {7L, "kilo"}, new Object[] {8L, "TAXI"}, new Object[] {9L, "HAWAI\u0130"},
                    new Object[] {10L, "été"}, new Object[] {11L, "Straße"}, new Object[] {12L, "STRASSE"});
        }
        target = TestPostgres.get().freshDatabase();
        Migration m = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        result = m.run(m.preflight());
    }

    @Test
    void likeTranslatesToAnAsciiOnlyFold() {
        assertEquals(Result.Status.DONE, result.status());
        Map<String, Plan.ViewPlan> views = result.plan().views().stream()
                .collect(Collectors.toMap(Plan.ViewPlan::source, v -> v));
        for (String[] v : VIEWS) {
            assertNull(views.get(v[0]).failure(), v[0]);
            assertEquals(v[2], views.get(v[0]).select(), v[0]);
        }
    }

    @Test
    void eachViewReturnsSqlitesRows() throws Exception {
        try (Connection lite = DriverManager.getConnection("jdbc:sqlite:" + file);
             Connection pg = TestPostgres.get().connect(target)) {
            for (String[] v : VIEWS) {
                assertEquals(SqlRewriterFixturesTest.rows(lite, "SELECT * FROM " + v[0]),
                        SqlRewriterFixturesTest.rows(pg, "SELECT * FROM " + v[0]), v[0]);
            }
        }
    }
}
