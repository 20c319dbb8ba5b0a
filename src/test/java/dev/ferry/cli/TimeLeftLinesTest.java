package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import dev.ferry.plan.TablePlan;
import dev.ferry.run.MigrationEvent;
import dev.ferry.run.MigrationEvent.Phase;
import dev.ferry.schema.Table;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Off a terminal (CI, a pipe, a log) there is no bar to carry the time left, so the copy says it at a
 * few milestones, once each even when one count jumps past several, and again when every row is in
 * (the keys, indexes and checksums are still to come). The time is in words a log reader can read.
 */
class TimeLeftLinesTest {

    @Test
    void eachMilestoneIsSaidOnceWithTheRowsSoFar() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, false);
        Table t = new Table("big", "CREATE TABLE big (id INTEGER PRIMARY KEY)", List.of(), List.of("id"), "id", false, false,
                false, null, List.of(), List.of());
        Plan plan = new Plan("public", List.of(new TablePlan(t, "big", List.of(), 1000)), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), null);
        ProgressPrinter printer = new ProgressPrinter(console, 0).plan(plan);
        printer.on(new MigrationEvent.PhaseStarted(Phase.COPY));
        for (long done : new long[] {50, 100, 120, 600, 1000}) { // 600 passes 25 % and 50 %: one line, for 50 %
            printer.on(new MigrationEvent.RowsCopied("big", done, 1000));
        }
        printer.on(new MigrationEvent.PhaseFinished(Phase.COPY, Duration.ofSeconds(1)));
        List<String> lines = Arrays.asList(err.toString(StandardCharsets.UTF_8).split(System.lineSeparator()));
        List<String> milestones = lines.stream().filter(l -> l.contains("% of the rows copied")).toList();
        assertEquals(3, milestones.size(), lines.toString());
        assertTrue(milestones.get(0).startsWith("  10 % of the rows copied (100 of 1,000)"), milestones.get(0));
        assertTrue(milestones.get(1).startsWith("  50 % of the rows copied (600 of 1,000)"), milestones.get(1));
        assertTrue(milestones.get(2).startsWith("  90 % of the rows copied (1,000 of 1,000)"), milestones.get(2));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  Every row copied; keys, indexes and checksums next")),
                lines.toString());
    }

    @Test
    void theTimeLeftIsInPlainWords() {
        assertEquals("42 s", ProgressPrinter.words(42.4));
        assertEquals("under a second", ProgressPrinter.words(0.3), "a small file said 'about 0 s left'");
        assertEquals("under a second left", ProgressPrinter.leftWords(0.3), "not 'about under a second left'");
        assertEquals("about 42 s left", ProgressPrinter.leftWords(42.2));
        assertEquals("1 min 5 s", ProgressPrinter.words(65));
        assertEquals("1 h 3 min 0 s", ProgressPrinter.words(3780));
    }
}
