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

    Preflight(Path file, Naming.Style naming, Map<String, PgType> overrides, dev.ferry.plan.Resolutions resolutions,
              java.util.Set<String> suggestions) {
        this.options = Options.of(file, null, null).withNaming(naming).withOverrides(overrides).withResolutions(resolutions)
                .withSuggestions(suggestions);
        updateTitle("preflight");
    }

    @Override
    protected Reviewed call() {
        updateMessage(Text.get("review.busy"));
        Plan plan;
        try {
            plan = plan(options);
        } catch (dev.ferry.FerryException e) {
            if (e.kind() != dev.ferry.FerryException.Kind.USAGE || options.suggestions().isEmpty()) {
                throw e;
            }
            // a ticked suggestion another choice made moot (a type chosen for its column): the others stay
            Plan without = plan(options.withSuggestions(java.util.Set.of()));
            java.util.Set<String> still = new java.util.HashSet<>();
            without.suggestions().forEach(s -> options.suggestions().stream().filter(s::named).forEach(still::add));
            plan = still.isEmpty() ? without : plan(options.withSuggestions(still));
        }
        return new Reviewed(plan, Migration.script(plan));
    }

    private Plan plan(Options options) {
        return new Migration(options, e -> {
            if (e instanceof MigrationEvent.PhaseStarted p) {
                updateMessage(Text.orElse("phase." + p.phase().name(), p.phase().label));
            } else if (e instanceof MigrationEvent.Note n) {
                updateMessage(n.text());
            }
        }).preflight();
    }
}
