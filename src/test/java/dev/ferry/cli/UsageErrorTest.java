package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A forgotten --to printed all 78 lines of help, and the one line that said what was missing
 * scrolled away. A mistake in a command's options is one plain error, what to do with an example,
 * and exit 2; a misspelt command still gets picocli's suggestion.
 */
class UsageErrorTest {

    @Test
    void aForgottenOptionIsOneLineAndAnExample() {
        CommandLineTest.Run r = CommandLineTest.ferry(null, "migrate", "app.db");
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().startsWith("Error: Missing required option: '--to=URL'."), r.err());
        assertTrue(r.err().contains("What to do: Run ferry migrate --help for every option; for example: "
                + "ferry migrate app.db --to postgresql://user@host:5432/dbname"), r.err());
        assertFalse(r.all().contains("Usage:"), r.all());
        assertTrue(r.all().lines().count() <= 3, r.all());
    }

    @Test
    void aMisspeltCommandIsStillSuggested() {
        CommandLineTest.Run r = CommandLineTest.ferry(null, "migrat", "app.db");
        assertTrue(r.all().contains("Did you mean: ferry migrate?"), r.all());
    }
}
