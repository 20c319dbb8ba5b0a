package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command's help ends with examples one can copy, so a reader does not have to assemble a command. */
class HelpExamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {"inspect", "migrate", "verify", "sync", "undo", "rehearse", "check-app", "sample"})
    void helpEndsWithExamples(String command) {
        CommandLineTest.Run r = CommandLineTest.ferry(null, command, "--help");
        assertEquals(0, r.code());
        String help = r.out().strip();
        int at = help.lastIndexOf("Examples:");
        assertTrue(at >= 0, help);
        List<String> examples = help.substring(at).lines().skip(1).toList();
        assertFalse(examples.isEmpty(), help);
        for (String line : examples) {
            assertTrue(line.startsWith("  ferry " + command + " ") || line.contains("| ferry " + command + " "), line);
        }
    }

    @Test
    void tableNamesArePaddedToOneWidthSoBarsLineUp() {
        assertEquals(ProgressPrinter.NAME_WIDTH, ProgressPrinter.name("notes").length());
        String longName = ProgressPrinter.name("a_table_with_a_very_long_name_indeed");
        assertEquals(ProgressPrinter.NAME_WIDTH, longName.length());
        assertTrue(longName.endsWith("…"));
    }
}
