package dev.ferry.cli;

import dev.ferry.FerryException;
import dev.ferry.plan.Plan;
import dev.ferry.run.Migration;
import dev.ferry.run.Options;
import dev.ferry.postgres.Secret;
import dev.ferry.postgres.TargetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "migrate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        footer = {"", "Examples:", "  ferry migrate app.db --to postgresql://me@localhost/app", "  ferry migrate app.db --to postgresql://me@localhost/app --dry-run", "  ferry migrate app.db --to postgresql://me@localhost/app --report report.html", "  echo \"$PW\" | ferry migrate app.db --to postgresql://me@db/app --password-stdin"},
        description = "Copy a SQLite file into PostgreSQL, then verify every table's row count and checksum.")
final class MigrateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The SQLite database file (opened read-only).")
    Path file;

    @Mixin
    TargetOptions target;

    @Mixin
    CommonOptions common;

    @Mixin
    ViewMeaningOptions viewMeanings = new ViewMeaningOptions();

    @Option(names = "--if-exists", defaultValue = "fail", paramLabel = "fail|replace|append|truncate",
            completionCandidates = IfExistsWords.class,
            description = "When a table already exists in the schema: fail (change nothing), replace (drop and "
                    + "recreate only the tables being migrated), append (add the rows, when its columns can take them) "
                    + "or truncate (empty it first, same check). Default: ${DEFAULT-VALUE}.")
    Options.IfExists ifExists;

    @Option(names = "--data-only", description = "Fill the tables your app's own migrations made (alembic, Django, "
            + "Prisma, Rails, Knex, Flyway): their types rule, nothing is created, every value is checked against them "
            + "before any row moves, parents are loaded before children, and ORM history tables keep their rows.")
    boolean dataOnly;

    @Option(names = "--jobs", paramLabel = "N", description = "Tables copied at the same time (default: the number of cores).")
    Integer jobs;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write a report of the run: JSON, or a page for people when the name ends in .html.")
    Path report;

    @Option(names = "--yes", description = "Do not ask for confirmation (for scripts).")
    boolean yes;

    @Option(names = "--dry-run", description = "Print the plan and the SQL, change nothing in PostgreSQL.")
    boolean dryRun;

    @Option(names = "--resume", description = "Continue the unfinished run of this file into this schema (after a "
            + "cancel, a crash or a lost connection) where it stopped: finished tables are skipped, no row is copied twice.")
    boolean resume;

    @Option(names = "--backup", paramLabel = "PATH", description = "Before copying, write a checked copy of the SQLite "
            + "file to PATH (SQLite's online backup, then its integrity check). An existing file is never overwritten.")
    Path backup;

    @Option(names = "--create-database", description = "Create the database named in --to when it does not exist yet.")
    boolean createDatabase;

    /** Counted down once the outcome is printed, so a Ctrl-C lets the run mark itself cancelled and say how to resume. */
    private final CountDownLatch done = new CountDownLatch(1);

    @Override
    public Integer call() {
        try {
            return migrate();
        } finally {
            done.countDown();
        }
    }

    /** After a verified run: the second half of the move, the app's SQL and its connection, and the final catch-up. */
    private void next(Console c, Options options, TargetAddress address) {
        String to = " --to " + address + (options.schema().equals("public") ? "" : " --schema " + options.schema());
        String source = SampleCommand.shellWord(file.toString());
        c.out.println();
        c.out.println("Next, your app: ferry check-app ./my-app --source " + source + to);
        c.out.println("  (./my-app: your app's source folder) says what each of its SQL statements becomes in PostgreSQL, "
                + "proves it on this database, and prints the connection settings for its driver.");
        c.out.println("If your app kept writing to the SQLite file during the copy: stop it, then ferry sync " + source + to);
    }

    private int migrate() {
        Console c = common.console();
        try {
            if (ifExists == Options.IfExists.DATA_ONLY) {
                throw new IllegalArgumentException("To fill the tables that exist, use --data-only.");
            }
            if (dataOnly && ifExists != Options.IfExists.FAIL) {
                throw new IllegalArgumentException("--data-only fills the tables that exist; leave out --if-exists.");
            }
            Options.IfExists policy = dataOnly ? Options.IfExists.DATA_ONLY : ifExists;
            List<String> sqliteMeaning = viewMeanings.sqliteViews();
            TargetAddress address = target.address();
            // a data-only plan reads the existing tables, so even its dry run connects
            Secret password = dryRun && !dataOnly ? Secret.NONE : target.password(address, c);
            Options options = common.apply(Options.of(file, address, password).withSchema(target.schema).withIfExists(policy)
                    .withJobs(jobs == null ? Options.defaultJobs() : jobs));
            if (policy == Options.IfExists.REPLACE && !yes && !dryRun && !Confirm.ask(c,
                    "Tables of the same names in schema " + options.schema() + " of " + address + " will be dropped and recreated.")) {
                return 2;
            }
            if (policy == Options.IfExists.TRUNCATE && !yes && !dryRun && !Confirm.ask(c, "Tables of the same names in schema "
                    + options.schema() + " of " + address + " will be emptied (every row in them deleted), then filled.")) {
                return 2;
            }
            ProgressPrinter progress = new ProgressPrinter(c, 0);
            Migration run = new Migration(options, progress);
            // a new run plans from samples and checks every value as it copies; a dry run and a resume read every value first
            Plan plan = dryRun || resume ? run.preflight() : run.preflightForCopy();
            if (dryRun) {
                PlanPrinter.print(c, plan);
                c.out.println();
                c.out.println(dataOnly ? "-- data only: no table, key, index or view is created; the rows go into the "
                        + "existing tables" : Migration.script(plan));
                if (backup != null) {
                    c.info("No backup was written: this was a dry run.");
                }
                return 0;
            }
            if (backup != null) {
                Migration.backUp(file, backup);
                c.info("Backup written and checked: " + backup.toAbsolutePath().normalize());
            }
            if (createDatabase && Migration.createDatabase(address, password)) {
                c.info("Created database " + address.database() + ".");
            }
            c.info(String.format("Migrating %s (%,d rows) from %s to %s", Outcome.tables(plan.tables().size()), plan.totalRows(),
                    file.getFileName(), address));
            progress.plan(plan);
            Thread hook = new Thread(() -> {
                run.cancel();
                awaitOutcome();
            }, "ferry-cancel");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                dev.ferry.run.Result result = resume ? run.resume(plan) : run.run(plan);
                result = ViewMeaningOptions.apply(c, run, result, sqliteMeaning);
                int code = Outcome.finish(c, result, file, address.toString(), report);
                if (code == 0) {
                    next(c, options, address);
                }
                return code;
            } catch (FerryException e) {
                if (e.kind() == FerryException.Kind.INTERRUPTED || e.kind() == FerryException.Kind.FAILED) {
                    int code = c.fail(e);
                    if (run.runId() != null && dev.ferry.run.Migration.CHOSEN_TYPE_MISFIT.equals(e.tag())) {
                        c.info("To remove what this run made: ferry undo --to " + address
                                + (options.schema().equals("public") ? "" : " --schema " + options.schema())
                                + " --run " + run.runId());
                    } else if (run.runId() != null) {
                        c.info("To continue: ferry migrate " + SampleCommand.shellWord(file.toString()) + " --to " + address
                                + (options.schema().equals("public") ? "" : " --schema " + options.schema()) + " --resume");
                    }
                    return code;
                }
                throw e;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is running and waits for this method to finish
                }
            }
        } catch (IllegalArgumentException e) {
            return c.fail(new FerryException(FerryException.Kind.USAGE, e.getMessage(), null));
        } catch (FerryException e) {
            return c.fail(e);
        }
    }

    private void awaitOutcome() {
        try {
            done.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The words --if-exists takes (a data-only run is asked for with --data-only). */
    static final class IfExistsWords implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("fail", "replace", "append", "truncate").iterator();
        }
    }
}
