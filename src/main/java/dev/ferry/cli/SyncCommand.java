package dev.ferry.cli;

import dev.ferry.FerryException;
import dev.ferry.run.Migration;
import dev.ferry.run.Options;
import dev.ferry.run.SyncResult;
import dev.ferry.postgres.Secret;
import dev.ferry.postgres.TargetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sync", mixinStandardHelpOptions = true, versionProvider = Version.class,
        footer = {"", "Examples:", "  ferry sync app.db --to postgresql://me@localhost/app",
                "  ferry sync app.db --to postgresql://me@localhost/app --schema bot --yes"},
        description = "After a migrate, bring PostgreSQL up to the SQLite file as it is now, changing only the rows that "
                + "changed since (the final catch-up, while the app is stopped), then verify every table. Refuses when "
                + "someone else wrote to the migrated tables in PostgreSQL since. Asks first unless --yes.")
final class SyncCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The SQLite database file that was migrated (opened read-only).")
    Path file;

    @Mixin
    TargetOptions target;

    @Mixin
    CommonOptions common;

    @Option(names = "--jobs", paramLabel = "N", description = "Tables compared at the same time (default: the number of cores).")
    Integer jobs;

    @Option(names = "--yes", description = "Do not ask for confirmation (for scripts).")
    boolean yes;

    @Option(names = "--force", description = "Sync even when someone else wrote to the migrated tables in PostgreSQL "
            + "since the migrate: what they wrote is overwritten or deleted, so the tables equal SQLite again.")
    boolean force;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Console c = common.console();
        try {
            TargetAddress address = target.address();
            Secret password = target.password(address, c);
            Options options = common.apply(Options.of(file, address, password).withSchema(target.schema)
                    .withJobs(jobs == null ? Options.defaultJobs() : jobs));
            String what = "Ferry will change the tables in schema " + options.schema() + " of " + address + " to match "
                    + file.getFileName() + " as it is now. Stop the app that writes to it first.";
            if (!yes && System.console() == null) {
                throw new FerryException(FerryException.Kind.USAGE, "The sync changes rows in PostgreSQL, so Ferry asks "
                        + "first, and there is no terminal to ask on. Nothing was changed.", "Stop the app, then add --yes.");
            }
            if (!yes && !Confirm.ask(c, what)) {
                c.info("Nothing was changed.");
                return 2;
            }
            c.info("Syncing " + file.getFileName() + " into schema " + options.schema() + " of " + address);
            Migration sync = new Migration(options, new ProgressPrinter(c, 0));
            try {
                // a data-only migrate made no tables to sync, so that choice is never taken from it
                java.util.Set<dev.ferry.run.MigrateChoices.Choice> given = common.given(spec);
                given.add(dev.ferry.run.MigrateChoices.Choice.DATA_ONLY);
                return summary(c, sync.sync(force, given));
            } catch (FerryException e) {
                if (e.kind() != FerryException.Kind.INTERRUPTED) {
                    throw e;
                }
                int code = c.fail(e);
                c.info("To continue: ferry sync " + SampleCommand.shellWord(file.toString()) + " --to " + address
                        + (options.schema().equals("public") ? "" : " --schema " + options.schema()) + (force ? " --force" : "")
                        + (yes ? " --yes" : ""));
                return code;
            }
        } catch (IllegalArgumentException e) {
            return c.fail(new FerryException(FerryException.Kind.USAGE, e.getMessage(), null));
        } catch (FerryException e) {
            return c.fail(e);
        }
    }

    /**
     * How each table was proven equal: a table the sync wrote to was read again by PostgreSQL after
     * the writes, or, when large, checked from the rows written (see SyncResult.Proof); an unchanged one was just compared row by row (every row's checksum on both
     * sides), which is already the proof, so it is not read a third time. Said, so "verified" is not
     * taken for more (or less) than it is.
     */
    static String howVerified(SyncResult r) {
        List<String> reread = proven(r, SyncResult.Proof.READ_AGAIN);
        List<String> written = r.tables().stream().filter(t -> t.proof() == SyncResult.Proof.WRITTEN_ROWS && !t.byMarks())
                .map(SyncResult.Table::source).toList();
        List<String> writtenByMarks = r.tables().stream().filter(t -> t.proof() == SyncResult.Proof.WRITTEN_ROWS
                && t.byMarks()).map(SyncResult.Table::source).toList();
        List<String> compared = r.tables().stream().filter(t -> t.proof() == SyncResult.Proof.COMPARED && !t.byMarks())
                .map(SyncResult.Table::source).toList();
        List<String> marked = r.tables().stream().filter(t -> t.proof() == SyncResult.Proof.COMPARED && t.byMarks())
                .map(SyncResult.Table::source).toList();
        StringBuilder out = new StringBuilder();
        if (!reread.isEmpty()) {
            out.append("  Checked again after writing (PostgreSQL read every row once more): ")
                    .append(String.join(", ", reread)).append(".\n");
        }
        if (!written.isEmpty()) {
            out.append("  Checked after writing from the rows written (PostgreSQL read them back; the other rows had "
                    + "just matched row by row): ").append(String.join(", ", written)).append(".\n");
        }
        if (!writtenByMarks.isEmpty()) {
            out.append("  Checked after writing from the rows written (PostgreSQL read them back; every other row's stored "
                    + "record was unchanged in the file, and PostgreSQL still held just what Ferry had written): ")
                    .append(String.join(", ", writtenByMarks)).append(".\n");
        }
        if (!compared.isEmpty()) {
            out.append("  Unchanged, so not read again (the comparison had just matched them row by row): ")
                    .append(String.join(", ", compared)).append(".\n");
        }
        if (!marked.isEmpty()) {
            out.append("  Unchanged, so not read again (no row's stored record had changed in the file, and PostgreSQL "
                    + "still held just what Ferry had written): ").append(String.join(", ", marked)).append(".\n");
        }
        return out.toString() + howCompared(r);
    }

    /**
     * How the changes were found: by the rows' stored records in the file (rows whose stored
     * records are unchanged were not read again), or by reading every row on both sides, and why.
     */
    static String howCompared(SyncResult r) {
        List<SyncResult.Table> byMarks = r.tables().stream().filter(SyncResult.Table::byMarks).toList();
        List<SyncResult.Table> every = r.tables().stream().filter(t -> !t.byMarks()).toList();
        if (byMarks.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("  Changes found from the rows' stored records in the file (rows whose "
                + "stored records are unchanged were not read again): ");
        out.append(String.join(", ", byMarks.stream().map(t -> String.format("%s (%,d row%s read)", t.source(), t.read(), t.read() == 1 ? "" : "s"))
                .toList())).append(".\n");
        for (SyncResult.Table t : every) {
            out.append("  ").append(t.source()).append(": every row compared, as ").append(t.why()).append(".\n");
        }
        return out.toString();
    }

    private static List<String> proven(SyncResult r, SyncResult.Proof proof) {
        return r.tables().stream().filter(t -> t.proof() == proof).map(SyncResult.Table::source).toList();
    }

    /** Per table what changed and whether both sides are equal now; the time the app had to be stopped. */
    static int summary(Console c, SyncResult r) {
        int w = Math.max(5, r.tables().stream().mapToInt(t -> t.source().length()).max().orElse(5));
        String fmt = "%-" + w + "s  %10s  %10s  %10s  %14s  %-8s%n";
        c.out.printf(fmt, "table", "inserted", "updated", "deleted", "rows now", "checksum");
        for (SyncResult.Table t : r.tables()) {
            boolean ok = t.check().checksumMatch();
            c.out.printf(fmt, t.source(), String.format("%,d", t.inserted()), String.format("%,d", t.updated()),
                    String.format("%,d", t.deleted()), String.format("%,d", t.check().targetRows()),
                    c.check(ok) + (ok ? " same" : " DIFF"));
        }
        r.tables().stream().filter(SyncResult.Table::whole).forEach(t -> c.out.printf("  %s has no key to match rows by: "
                + "it differed, so it was copied again whole (%,d rows replaced by %,d).%n", t.source(), t.deleted(), t.inserted()));
        c.out.print(howVerified(r));
        c.out.printf("%nThe app had to be stopped for %.1f s (the sync's own time).%n", r.took().toMillis() / 1000.0);
        if (r.verified()) {
            c.out.println("\n" + c.check(true) + (r.tables().stream().anyMatch(SyncResult.Table::changed)
                    ? " PostgreSQL is up to date: row counts and checksums match." : " Nothing had changed: row counts and "
                    + "checksums match."));
            return 0;
        }
        c.out.println("\n" + c.check(false) + " Some tables differ: " + String.join(", ", r.tables().stream()
                .filter(t -> !t.check().checksumMatch()).map(SyncResult.Table::source).toList()) + ".");
        return 5;
    }
}
