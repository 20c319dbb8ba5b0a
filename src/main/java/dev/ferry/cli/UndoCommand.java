package dev.ferry.cli;

import dev.ferry.FerryException;
import dev.ferry.run.Journal;
import dev.ferry.run.Migration;
import dev.ferry.run.Undo;
import dev.ferry.postgres.Secret;
import dev.ferry.postgres.TargetAddress;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "undo", mixinStandardHelpOptions = true, versionProvider = Version.class,
        footer = {"", "Examples:", "  ferry undo --to postgresql://me@localhost/app", "  ferry undo --to postgresql://me@localhost/app --run ID --yes"},
        description = "Remove exactly what one migration created in PostgreSQL (its tables, their keys and indexes, its "
                + "views, and the schema if Ferry created it and nothing else is in it). Nothing that was there before "
                + "is touched. Asks first unless --yes.")
final class UndoCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @Mixin
    TargetOptions target;

    @Option(names = "--run", paramLabel = "ID", description = "Which run to undo (its id, as shown by migrate). "
            + "Default: the newest run into the schema that is not undone yet.")
    String run;

    @Option(names = "--yes", description = "Do not ask for confirmation (for scripts).")
    boolean yes;

    @Option(names = "--force", description = "Undo even when rows were added to the run's tables since it copied them "
            + "(those rows are dropped too).")
    boolean force;

    @Option(names = {"-v", "--verbose"}, description = "Show technical details of errors.")
    boolean verbose;

    @Override
    public Integer call() {
        Console c = new Console(verbose);
        try {
            UUID id = runId();
            TargetAddress address = this.target.address();
            Secret password = this.target.password(address, c);
            Undo undo = Migration.undoPreview(address, password, this.target.schema, id);
            describe(c, undo, address);
            if (!undo.grown().isEmpty() && !force) {
                throw Undo.grownRefusal(undo.grown());
            }
            if (!yes && System.console() == null) {
                throw new FerryException(FerryException.Kind.USAGE, "Undo drops tables, so Ferry asks first, and "
                        + "there is no terminal to ask on. Nothing was dropped.", "Check the list above, then add --yes.");
            }
            if (!yes && !Confirm.ask(c, "These will be dropped for good.")) {
                c.info("Nothing was dropped.");
                return 2;
            }
            Migration.undo(address, password, undo, force);
            c.out.println(c.check(true) + " Undone: " + count(undo.tables().size(), "table") + (undo.views().isEmpty()
                    ? "" : " and " + count(undo.views().size(), "view")) + " dropped" + (undo.schemaDropped() ? ", and schema "
                    + undo.run().schema() : "") + ". The run is marked undone in Ferry's journal.");
            if (undo.deleted() > 0) {
                c.out.println(String.format("Deleted the %,d rows the run loaded into tables your app's migrations made; "
                        + "those tables and their other rows stay.", undo.deleted()));
            }
            if (undo.run().createdSchema() && !undo.schemaDropped()) {
                c.out.println("Schema " + undo.run().schema() + " stays: other objects are in it now.");
            }
            return 0;
        } catch (FerryException e) {
            return c.fail(e);
        }
    }

    private UUID runId() {
        try {
            return run == null ? null : UUID.fromString(run.trim());
        } catch (IllegalArgumentException e) {
            throw new FerryException(FerryException.Kind.USAGE, "'" + run + "' is not a run id; they look like "
                    + "3f1c2a4e-0b7d-4c1e-9a55-2d3e8f6b7a10.", "Copy the id that migrate printed, or leave --run out to "
                    + "undo the newest run into the schema.");
        }
    }

    private static void describe(Console c, Undo undo, TargetAddress address) {
        Journal.RunInfo r = undo.run();
        c.out.printf("Run %s: %s into schema %s of %s, started %s, %s, %,d rows copied.%n", r.id(), r.sourcePath(),
                r.schema(), address, WHEN.format(r.started()), r.status().name().toLowerCase(java.util.Locale.ROOT),
                r.rowsCommitted());
        c.out.println("Undo drops " + list(undo.tables(), "table") + (undo.views().isEmpty() ? "" : " and "
                + list(undo.views(), "view")) + (r.createdSchema() ? ", then schema " + r.schema()
                + " (Ferry created it) if nothing else is in it" : "") + ".");
        undo.grown().forEach(g -> c.out.println("  ! " + g));
        undo.kept().forEach(k -> c.out.println("  " + k));
    }

    private static String list(List<String> names, String what) {
        return count(names.size(), what) + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")");
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
