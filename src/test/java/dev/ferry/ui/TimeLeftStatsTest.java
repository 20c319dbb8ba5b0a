package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import dev.ferry.plan.TablePlan;
import dev.ferry.run.MigrationEvent;
import dev.ferry.run.MigrationEvent.Phase;
import dev.ferry.schema.Table;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Migrate page's "about … left" is the whole run's time left (run.Eta), so it is there as soon as
 * rows are counted and gone once the keys are made; the arithmetic itself is EtaTest's.
 */
class TimeLeftStatsTest {

    @Test
    void theTimeLeftComesWithTheFirstRowsAndGoesWithTheKeys() {
        Table t = new Table("big", "CREATE TABLE big (id INTEGER PRIMARY KEY)", List.of(), List.of("id"), "id", false, false,
                false, null, List.of(), List.of());
        RunProgress progress = new RunProgress(new Plan("public", List.of(new TablePlan(t, "big", List.of(), 1000)), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), null));
        progress.on(new MigrationEvent.PhaseStarted(Phase.COPY));
        assertEquals(-1, progress.snapshot().left(), "no rows yet: no time left to tell");
        progress.on(new MigrationEvent.RowsCopied("big", 500, 1000));
        RunProgress.Snapshot s = progress.snapshot();
        assertTrue(s.left() >= 0, "half the rows copied: a time left");
        assertTrue(s.statsLine().endsWith(" left"), s.statsLine());
        progress.on(new MigrationEvent.PhaseFinished(Phase.COPY, Duration.ofSeconds(1)));
        progress.on(new MigrationEvent.PhaseFinished(Phase.COMPLETE, Duration.ofSeconds(1)));
        assertEquals(-1, progress.snapshot().left());
        assertFalse(progress.snapshot().statsLine().contains(" left"), progress.snapshot().statsLine());
    }
}
