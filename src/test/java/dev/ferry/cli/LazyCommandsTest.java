package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * picocli reads every command's options when the command is added (a third of the main thread's
 * time building the command line at start-up), so only the command named first is added. What must happen: a command
 * line that names a command has that one command, with the settings execute() makes (case-blind
 * words); help, no command, an option first or a misspelt command get every command, in the order
 * the help has always listed them, so `ferry --help` and picocli's suggestions are unchanged.
 */
class LazyCommandsTest {

    private static final List<String> ALL = List.of("inspect", "migrate", "verify", "sync", "undo", "rehearse", "check-app",
            "sample", "help");

    @Test
    void aNamedCommandIsTheOnlyOneAdded() {
        for (String name : ALL.subList(0, ALL.size() - 1)) {
            assertEquals(List.of(name), List.copyOf(FerryCommand.commandLine(name, "x.db").getSubcommands().keySet()), name);
        }
    }

    @Test
    void helpNoCommandAndMistakesGetEveryCommandInTheHelpsOrder() {
        for (String[] args : new String[][] {{}, {"help"}, {"help", "migrate"}, {"--help"}, {"-V"}, {"migrat", "x.db"},
                {"MIGRATE"}}) {
            assertEquals(ALL, List.copyOf(FerryCommand.commandLine(args).getSubcommands().keySet()), String.join(" ", args));
        }
        String usage = FerryCommand.commandLine("--help").getUsageMessage();
        int at = -1;
        for (String name : ALL) {
            int next = usage.indexOf("\n  " + name + " ");
            assertTrue(next > at, name + " listed after the one before it:\n" + usage);
            at = next;
        }
    }

    @Test
    void theCommandAddedAloneHasExecutesSettings() {
        // a word in capitals is taken (case-blind words), so the run gets as far as the missing file (exit 3);
        // a misspelt word is a usage error (exit 2)
        String missing = "/nonexistent/fast19/x.db";
        assertEquals(3, FerryCommand.execute("migrate", missing, "--to", "postgresql://u@h/d", "--if-exists", "REPLACE", "--dry-run"));
        assertEquals(2, FerryCommand.execute("migrate", missing, "--to", "postgresql://u@h/d", "--if-exists", "nope", "--dry-run"));
    }
}
