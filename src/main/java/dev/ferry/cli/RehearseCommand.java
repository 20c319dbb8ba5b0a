package dev.ferry.cli;

import dev.ferry.FerryException;
import dev.ferry.plan.Plan;
import dev.ferry.run.Migration;
import dev.ferry.run.Options;
import dev.ferry.run.Rehearsal;
import dev.ferry.postgres.Secret;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rehearse", mixinStandardHelpOptions = true, versionProvider = Version.class,
        footer = {"", "Examples:", "  ferry rehearse app.db", "  ferry rehearse app.db --report rehearsal.html"},
        description = "Run the whole migration into a private, temporary PostgreSQL that Ferry starts and removes "
                + "itself: no server and no credentials needed. Shows exactly what a real run would do.")
final class RehearseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The SQLite database file.")
    Path file;

    @Mixin
    CommonOptions common;

    @Mixin
    ViewMeaningOptions viewMeanings = new ViewMeaningOptions();

    @Option(names = "--jobs", paramLabel = "N", description = "Tables copied at the same time (default: the number of cores).")
    Integer jobs;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write a report of the rehearsal: JSON, or a page for people when the name ends in .html.")
    Path report;

    @Override
    public Integer call() {
        Console c = common.console();
        try {
            java.util.List<String> sqliteMeaning = viewMeanings.sqliteViews();
            Options base = common.apply(Options.of(file, null, Secret.NONE)
                    .withJobs(jobs == null ? Options.defaultJobs() : jobs));
            Plan plan = new Migration(base, new ProgressPrinter(c, 0)).preflight();
            c.info("Starting a private PostgreSQL for the rehearsal…");
            try (Rehearsal rehearsal = Migration.startRehearsal()) {
                Options options = rehearsal.options(base);
                Migration run = new Migration(options, new ProgressPrinter(c, 0).plan(plan));
                int code = Outcome.finish(c, ViewMeaningOptions.apply(c, run, run.run(plan), sqliteMeaning),
                        file, "a private temporary PostgreSQL", report);
                c.out.println("This was a rehearsal: the private PostgreSQL is removed now. Run `ferry migrate` to do it for real.");
                return code;
            }
        } catch (IllegalArgumentException e) {
            return c.fail(new FerryException(FerryException.Kind.USAGE, e.getMessage(), null));
        } catch (FerryException e) {
            return c.fail(e);
        }
    }
}
