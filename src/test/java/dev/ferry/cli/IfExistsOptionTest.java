package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testing.SqliteFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --if-exists is converted by picocli (an enum), in any letter case, and a word it does not know is
 * told in Ferry's words with the words it does know, exit 2, before anything else happens.
 */
class IfExistsOptionTest {

    /** Nothing listens here: a dry run never connects, and a refused option stops before trying. */
    static final String NOWHERE = "postgresql://app@localhost:1/shop";

    @Test
    void anUnknownWordIsToldWithTheWordsThatWork(@TempDir Path dir) throws Exception {
        CommandLineTest.Run r = CommandLineTest.ferry(null, "migrate", file(dir).toString(), "--to", NOWHERE,
                "--if-exists", "sometimes");
        assertEquals(2, r.code(), r.all());
        assertEquals("Error: --if-exists takes fail, replace, append or truncate, not 'sometimes'.", r.err().strip());
        assertFalse(r.all().contains("Usage:"), "one plain sentence, not the whole help");
    }

    @Test
    void anyLetterCaseIsTaken(@TempDir Path dir) throws Exception {
        Path file = file(dir);
        for (String word : new String[] {"fail", "Replace", "APPEND", "trUNCate"}) {
            CommandLineTest.Run r = CommandLineTest.ferry(null, "migrate", file.toString(), "--to", NOWHERE,
                    "--if-exists", word, "--dry-run");
            assertEquals(0, r.code(), word + ": " + r.all());
            assertTrue(r.out().contains("CREATE TABLE"), "the dry run printed its script: " + r.out());
        }
    }

    @Test
    void theHelpStillShowsTheWordsAndTheDefault() {
        CommandLineTest.Run r = CommandLineTest.ferry(null, "migrate", "--help");
        assertEquals(0, r.code(), r.all());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--if-exists=fail|replace|append|truncate"), r.out());
        assertTrue(help.contains("same check). Default: fail."), r.out());
    }

    static Path file(Path dir) throws Exception {
        Path file = dir.resolve("shop.sqlite");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE album (id INTEGER PRIMARY KEY, title TEXT)", "INSERT INTO album VALUES (1, 'x')");
        }
        return file;
    }
}
