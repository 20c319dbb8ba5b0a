package dev.ferry.cli;

import dev.ferry.FerryException;
import dev.ferry.plan.Plan;
import dev.ferry.run.Migration;
import dev.ferry.run.MigrationListener;
import dev.ferry.run.Options;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = Version.class,
        footer = {"", "Examples:", "  ferry inspect app.db", "  ferry inspect app.db --json > plan.json"},
        description = "Show what is in a SQLite file, what each column really holds, the PostgreSQL type Ferry "
                + "would give it, and every problem found. Reads the file only.")
final class InspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The SQLite database file.")
    Path file;

    @Option(names = "--json", description = "Print the plan as JSON, for scripts.")
    boolean json;

    @Option(names = "--schema", defaultValue = "public", paramLabel = "NAME", description = "Schema the plan is for.")
    String schema;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        Console c = common.console();
        try {
            Options options = common.apply(Options.of(file, null, null).withSchema(schema));
            Plan plan = new Migration(options, MigrationListener.NONE).preflight();
            if (json) {
                c.out.println(PlanPrinter.json(plan, file));
            } else {
                PlanPrinter.print(c, plan);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            return c.fail(new FerryException(FerryException.Kind.USAGE, e.getMessage(), null));
        } catch (FerryException e) {
            return c.fail(e);
        }
    }
}
