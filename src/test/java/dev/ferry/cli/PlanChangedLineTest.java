package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.run.MigrationEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plan that changed to fit the server is one line of the command line's progress, like a note. */
class PlanChangedLineTest {

    @Test
    void thePlanChangeIsPrintedAsOneLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, false);
        new ProgressPrinter(console, 0).on(new MigrationEvent.PlanChanged("The plan changed to fit this PostgreSQL: t.a: why.",
                List.of("t.a")));
        assertEquals("  The plan changed to fit this PostgreSQL: t.a: why." + System.lineSeparator(),
                err.toString(StandardCharsets.UTF_8));
    }
}
