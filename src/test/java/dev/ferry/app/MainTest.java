package dev.ferry.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which arguments open the wizard (the double-click, "Open with", `ferry bot.db`) and which run a command. */
class MainTest {

    @TempDir
    Path dir;

    @Test
    void noArgumentsOrOneExistingFileOpenTheWizard() throws Exception {
        Path file = Files.createFile(dir.resolve("bot.db"));
        assertTrue(Main.opensWizard(new String[0]));
        assertTrue(Main.opensWizard(new String[] {file.toString()}));
        String relative = Path.of("").toAbsolutePath().relativize(file).toString();
        assertTrue(Main.opensWizard(new String[] {relative}), "a path relative to the working directory");
    }

    @Test
    void commandsOptionsAndMissingFilesGoToTheCommandLine() throws Exception {
        Path file = Files.createFile(dir.resolve("bot.db"));
        assertFalse(Main.opensWizard(new String[] {"rehearse", file.toString()}));
        assertFalse(Main.opensWizard(new String[] {"--version"}));
        assertFalse(Main.opensWizard(new String[] {"sample"}));
        assertFalse(Main.opensWizard(new String[] {dir.resolve("missing.db").toString()}),
                "the command line then says what is wrong");
        assertFalse(Main.opensWizard(new String[] {dir.toString()}), "a folder is not a database");
    }
}
