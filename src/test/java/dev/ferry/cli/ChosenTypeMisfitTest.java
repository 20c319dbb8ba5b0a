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
 * `--type posts.score=numeric` on a column holding 'high': the value cannot go into the type the user
 * chose. The copy stopped with "this is a bug in Ferry: please report it" and advised --resume, which
 * meets the same value again. Now it says it is the user's choice, how to go on (undo, then without
 * that --type), and prints the undo command instead of the resume one; the undo it prints works.
 */
class ChosenTypeMisfitTest {

    @Test
    void aValueThatDoesNotFitTheChosenTypeIsToldAsTheChoiceNotAsABug(@TempDir Path dir) throws Exception {
        TargetAddress db = TestPostgres.get().freshDatabase();
        Path file = dir.resolve("t.db");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE posts (id INTEGER PRIMARY KEY, score TEXT)",
                    "INSERT INTO posts (score) VALUES ('1.5'), ('2'), ('high'), (NULL)");
        }

        CommandLineTest.Run m = CommandLineTest.ferry(null, "migrate", file.toString(), "--to", TestPostgres.url(db),
                "--type", "posts.score=numeric");

        assertEquals(1, m.code(), m.all());
        assertTrue(m.all().contains("Table posts has a value in column score that does not fit numeric, the type you "
                + "chose for it: 'high'."), m.all());
        assertTrue(m.all().contains("migrate again without --type posts.score=numeric"), m.all());
        assertFalse(m.all().contains("bug in Ferry"), m.all());
        assertFalse(m.all().contains("--resume"), "a resume would meet the same value: " + m.all());
        String undo = m.all().lines().filter(l -> l.startsWith("To remove what this run made: ")).findFirst()
                .orElseThrow(() -> new AssertionError(m.all())).substring("To remove what this run made: ferry ".length());

        CommandLineTest.Run u = CommandLineTest.ferry(null, (undo + " --yes").split(" "));

        assertEquals(0, u.code(), u.all());
        assertEquals(List.of("0"), TestPostgres.get().rows(db, "SELECT count(*) FROM information_schema.tables "
                + "WHERE table_schema = 'public'"), "the undo it printed removed the table");
    }
}
