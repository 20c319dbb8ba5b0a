package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17's brief reported `ferry sample` printing a literal "%d tables". Its line says the real
 * counts in words, and the command it suggests can be pasted into a shell as it is, even when the
 * file's name has a space or a quote in it.
 */
class SampleLineTest {

    @Test
    void theLineSaysTheCountsAndACommandThatPastes(@TempDir Path dir) {
        Path file = dir.resolve("Tom's sample.db");
        CommandLineTest.Run r = CommandLineTest.ferry(null, "sample", file.toString());
        assertEquals(0, r.code(), r.all());
        String[] lines = r.out().split("\\R");
        assertTrue(lines[0].matches("Wrote .*: \\d+ tables, [\\d,]+ rows\\."), lines[0]);
        assertFalse(r.out().contains("%"), r.out());
        assertEquals("Try: ferry rehearse '" + file.toString().replace("'", "'\\''") + "'", lines[1]);
    }

    @Test
    void aPlainPathIsNotQuoted() {
        assertEquals("/tmp/try.db", SampleCommand.shellWord("/tmp/try.db"));
        assertEquals("'a b.db'", SampleCommand.shellWord("a b.db"));
    }
}
