package dev.ferry.run;

import dev.ferry.FerryException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Decides whether a run may start or continue, given the unfinished run the journal holds for the
 * same file and schema; every refusal comes before anything is changed and says what to do.
 */
final class Refusals {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private Refusals() {
    }

    /** The run to continue, or null to start a new one; throws when neither is safe. */
    static Journal.RunInfo check(Migration.Unfinished u, boolean resume, String digest, Options o, MigrationListener listener) {
        if (u == null) {
            if (resume) {
                listener.on(new MigrationEvent.Note("There is no unfinished run of " + o.source().getFileName()
                        + " into schema " + o.schema() + " to resume, so a new run starts."));
            }
            return null;
        }
        Journal.RunInfo r = u.run();
        String earlier = "The run of " + o.source().getFileName() + " into schema " + o.schema() + " started "
                + WHEN.format(r.started()) + " did not finish (" + r.status().sql() + String.format(", %,d rows copied)",
                r.rowsCommitted());
        String undo = "ferry undo --to " + o.target() + (o.schema().equals("public") ? "" : " --schema " + o.schema());
        if (u.busy()) {
            throw busy(o, o.schema());
        }
        if (!resume) {
            throw new FerryException(FerryException.Kind.TARGET, earlier + (u.sourceChanged()
                    ? ", and the file has changed since, so it cannot be continued." : ".") + " Nothing was changed now.",
                    u.sourceChanged() ? "Remove what that run copied with `" + undo + "`, then migrate again."
                            : "Continue it by adding --resume (or Resume in the wizard), or remove what it copied with `"
                            + undo + "` and migrate again.");
        }
        if (u.sourceChanged()) {
            throw new FerryException(FerryException.Kind.SOURCE, earlier + ", and " + o.source().getFileName()
                    + " has changed since (its size, time or SQLite change counter differ). Continuing could miss rows or "
                    + "copy some twice, so nothing was changed.", "Remove what that run copied with `" + undo
                    + "` and migrate again, or put the file back as it was and resume.");
        }
        if (!r.planDigest().equals(digest)) {
            throw new FerryException(FerryException.Kind.USAGE, earlier + ", and it was started with other choices "
                    + "(names, types or views differ), so it cannot be continued with these. Nothing was changed.",
                    "Resume with the same --names and --type options as the first time, or remove what it copied with `"
                            + undo + "`.");
        }
        listener.on(new MigrationEvent.Note(String.format("Resuming the run started %s: %,d rows were copied before.",
                WHEN.format(r.started()), r.rowsCommitted())));
        return r;
    }

    static FerryException busy(Options o, String schema) {
        return new FerryException(FerryException.Kind.TARGET, "Another Ferry is migrating " + o.source().getFileName()
                + " into schema " + schema + " right now.", "Wait for it to finish, or stop it, then try again. Nothing was changed.");
    }
}
