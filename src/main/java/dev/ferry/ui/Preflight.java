package dev.ferry.ui;

import dev.ferry.plan.PgType;
import dev.ferry.plan.Plan;
import dev.ferry.run.Migration;
import dev.ferry.run.MigrationEvent;
import dev.ferry.run.Options;
import dev.ferry.postgres.Naming;
import java.nio.file.Path;
import java.util.Map;
import javafx.concurrent.Task;

/**
 * The engine's preflight for the Review page: reads and profiles the file, plans every table with
 * the user's identifier style and types, and renders the DDL the run would execute.
 */
final class Preflight extends Task<Preflight.Reviewed> {

    record Reviewed(Plan plan, String ddl) {
    }

    private final Options options;

    Preflight(Path file, Naming.Style naming, Map<String, PgType> overrides, dev.ferry.plan.Resolutions resolutions) {
        this.options = Options.of(file, null, null).withNaming(naming).withOverrides(overrides).withResolutions(resolutions);
        updateTitle("preflight");
    }

    @Override
    protected Reviewed call() {
        updateMessage(Text.get("review.busy"));
        Plan plan = new Migration(options, e -> {
            if (e instanceof MigrationEvent.PhaseStarted p) {
                updateMessage(Text.orElse("phase." + p.phase().name(), p.phase().label));
            } else if (e instanceof MigrationEvent.Note n) {
                updateMessage(n.text());
            }
        }).preflight();
        return new Reviewed(plan, Migration.script(plan));
    }
}
