package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.run.MigrationEvent;
import dev.ferry.run.MigrationEvent.Phase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Keys and verification run side by side, so their start and end lines interleave when the output is not
 * a terminal: each end line names its phase, where a bare "done in 0.1 s" twice could belong to either.
 */
class PhaseLinesTest {

    @Test
    void eachEndLineNamesItsPhase() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, false);
        ProgressPrinter printer = new ProgressPrinter(console, 0);
        printer.on(new MigrationEvent.PhaseStarted(Phase.COMPLETE));
        printer.on(new MigrationEvent.PhaseStarted(Phase.VERIFY));
        printer.on(new MigrationEvent.PhaseFinished(Phase.VERIFY, Duration.ofMillis(2600)));
        printer.on(new MigrationEvent.PhaseFinished(Phase.COMPLETE, Duration.ofMillis(4000)));
        String n = System.lineSeparator();
        assertEquals("» Creating keys, indexes and views…" + n + "» Verifying counts and checksums…" + n
                + "  Counts and checksums compared in 2.6 s." + n + "  Keys, indexes and views made in 4.0 s." + n,
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aTableLineOnATerminalTakesTheBarsPlaceInsteadOfLeavingACopyOfIt() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), true, false);
        ProgressPrinter printer = new ProgressPrinter(console, 10);
        printer.on(new MigrationEvent.PhaseStarted(Phase.COPY));
        printer.on(new MigrationEvent.RowsCopied("t", 10, 10));
        printer.on(new MigrationEvent.TableFinished("t", 10, Duration.ofMillis(300)));
        printer.on(new MigrationEvent.PhaseFinished(Phase.COPY, Duration.ofMillis(300)));
        String shown = err.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("\r\033[2K  t: 10 rows in 0.3 s" + System.lineSeparator()), shown);
    }
}
