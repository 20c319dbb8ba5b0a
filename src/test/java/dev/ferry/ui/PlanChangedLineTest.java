package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import dev.ferry.run.MigrationEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plan that changed to fit the server is one warning line in the Migrate page's log. */
class PlanChangedLineTest {

    @Test
    void thePlanChangeIsOneWarningLineOfTheLog() {
        RunProgress progress = new RunProgress(new Plan("public", List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), null));
        progress.on(new MigrationEvent.PlanChanged("The plan changed to fit this PostgreSQL: t.a: why.", List.of("t.a")));
        List<String> log = progress.snapshot().log();
        assertEquals(1, log.size());
        assertTrue(log.get(0).endsWith("  " + Ui.WARN + " The plan changed to fit this PostgreSQL: t.a: why."), log.get(0));
    }
}
