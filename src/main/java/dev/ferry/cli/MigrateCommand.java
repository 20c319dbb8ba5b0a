package dev.ferry.cli;

import dev.ferry.FerryException;
import dev.ferry.mapping.Plan;
import dev.ferry.run.Migration;
import dev.ferry.run.Options;
import dev.ferry.target.Ddl;
import dev.ferry.target.Secret;
import dev.ferry.target.TargetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "migrate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Copy a SQLite file into PostgreSQL, then verify every table's row count and checksum.")
final class MigrateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The SQLite database file (opened read-only).")
    Path file;

    @Mixin
    TargetOptions target;

    @Mixin
    CommonOptions common;

    @Option(names = "--if-exists", defaultValue = "fail", paramLabel = "fail|replace",
            description = "When a table already exists in the schema: fail (change nothing) or replace (drop and "
                    + "recreate only the tables being migrated). Default: ${DEFAULT-VALUE}.")
    String ifExists;

    @Option(names = "--jobs", paramLabel = "N", description = "Tables copied at the same time (default: the number of cores).")
    Integer jobs;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write a report of the run: JSON, or a page for people when the name ends in .html.")
    Path report;

    @Option(names = "--yes", description = "Do not ask for confirmation (for scripts).")
    boolean yes;

    @Option(names = "--dry-run", description = "Print the plan and the SQL, change nothing in PostgreSQL.")
    boolean dryRun;

    @Override
    public Integer call() {
        Console c = common.console();
        try {
            Options.IfExists policy = switch (ifExists.toLowerCase(java.util.Locale.ROOT)) {
                case "fail" -> Options.IfExists.FAIL;
                case "replace" -> Options.IfExists.REPLACE;
                default -> throw new FerryException(FerryException.Kind.USAGE, "--if-exists takes fail or replace, not '"
                        + ifExists + "'.", null);
            };
            TargetAddress address = target.address();
            Secret password = dryRun ? Secret.NONE : target.password(address, c);
            Options options = common.apply(Options.of(file, address, password).withSchema(target.schema).withIfExists(policy)
                    .withJobs(jobs == null ? Options.defaultJobs() : jobs));
            if (policy == Options.IfExists.REPLACE && !yes && !dryRun && !Confirm.ask(c,
                    "Tables of the same names in schema " + options.schema() + " of " + address + " will be dropped and recreated.")) {
                return 2;
            }
            Migration m = new Migration(options, new ProgressPrinter(c, 0));
            Plan plan = m.preflight();
            if (dryRun) {
                PlanPrinter.print(c, plan);
                c.out.println();
                c.out.println(new Ddl(plan.schema()).script(plan));
                return 0;
            }
            c.info(String.format("Migrating %d tables (%,d rows) from %s to %s", plan.tables().size(), plan.totalRows(),
                    file.getFileName(), address));
            Migration run = new Migration(options, new ProgressPrinter(c, plan.totalRows()));
            Runtime.getRuntime().addShutdownHook(new Thread(run::cancel, "ferry-cancel"));
            return Outcome.finish(c, run.run(plan), file, address.toString(), report);
        } catch (IllegalArgumentException e) {
            return c.fail(new FerryException(FerryException.Kind.USAGE, e.getMessage(), null));
        } catch (FerryException e) {
            return c.fail(e);
        }
    }
}
