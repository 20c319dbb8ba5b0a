package dev.ferry.ui;

import dev.ferry.FerryException;
import dev.ferry.plan.Plan;
import dev.ferry.run.Migration;
import dev.ferry.run.MigrationEvent;
import dev.ferry.run.Options;
import dev.ferry.run.Result;
import dev.ferry.run.Rehearsal;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.concurrent.Task;

/**
 * The run itself: writes the backup of the SQLite file first when asked (a new run only), starts
 * the private PostgreSQL when rehearsing, then the engine's
 * {@link Migration#run}. Cancelling asks the engine to stop at its next batch rather than
 * interrupting threads, so PostgreSQL is left with whole, committed chunks.
 */
final class RunMigration extends Task<Result> {

    private final Options options;
    private final Plan plan;
    private final boolean rehearse;
    private final RunProgress progress;
    private final boolean resume;
    private final Path backup;
    private final AtomicReference<Migration> migration = new AtomicReference<>();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private volatile Rehearsal server;
    private boolean closed;

    /**
     * @param resume  continue the unfinished run of this file and schema instead of starting anew
     * @param server  a rehearsal's server kept from the run before, to resume in; null starts one
     * @param backup  where to write a checked copy of the SQLite file before anything else; null for none
     */
    RunMigration(Options options, Plan plan, boolean rehearse, RunProgress progress, boolean resume, Rehearsal server,
                 Path backup) {
        this.options = options;
        this.plan = plan;
        this.rehearse = rehearse;
        this.progress = progress;
        this.resume = resume;
        this.server = server;
        this.backup = backup;
        updateTitle("migrate");
    }

    @Override
    protected Result call() {
        Options o = options;
        if (backup != null) {
            backUp(o.source());
        }
        if (rehearse) {
            Rehearsal started = server;
            if (started == null) {
                progress.on(new MigrationEvent.Note(Text.get("migrate.note.server")));
                started = Migration.startRehearsal();
            }
            synchronized (this) {
                if (closed) { // the window closed while the server started
                    started.close();
                    throw new FerryException(FerryException.Kind.INTERRUPTED, Text.get("migrate.cancelled.early"), null);
                }
                server = started;
            }
            o = started.options(o);
        }
        Migration m = new Migration(o, progress);
        migration.set(m);
        if (cancelRequested.get()) {
            throw new FerryException(FerryException.Kind.INTERRUPTED, Text.get("migrate.cancelled.early"), null);
        }
        // a data-only plan is made against the tables that exist, which the Review step did not read
        Plan plan = o.dataOnly() ? m.preflight() : this.plan;
        if (resume) {
            return m.resume(plan);
        }
        try {
            return m.run(plan);
        } catch (FerryException e) {
            // run() refuses while an unfinished run of this file and schema exists: offer Resume and Undo
            if (e.kind() != FerryException.Kind.TARGET || m.runId() != null) {
                throw e;
            }
            Migration.Unfinished u = m.findUnfinished().filter(f -> !f.busy()).orElseThrow(() -> e);
            throw new Unfinished(e, u.run().id(), u.sourceChanged());
        }
    }

    /**
     * The same checked copy as {@code ferry migrate --backup}; when it cannot be written the run
     * stops here, before PostgreSQL is touched, with the engine's own plain message.
     */
    private void backUp(Path source) {
        progress.on(new MigrationEvent.Note(Text.get("migrate.note.backup")));
        try {
            Migration.backUpMakingFolder(source, backup); // the suggested data-folder "backups" may be new
        } catch (FerryException e) {
            progress.on(new MigrationEvent.Note(Ui.NOT_OK + " " + e.getMessage()));
            throw e;
        }
        progress.on(new MigrationEvent.Note(Text.get("migrate.note.backup.done", backup.toAbsolutePath().normalize())));
        if (cancelRequested.get()) {
            throw new FerryException(FerryException.Kind.INTERRUPTED, Text.get("migrate.cancelled.early"), null);
        }
    }

    /** The refusal of a new run because an earlier one did not finish; {@code id} is that run's. */
    static final class Unfinished extends RuntimeException {
        final java.util.UUID id;
        final boolean sourceChanged;

        Unfinished(FerryException refusal, java.util.UUID id, boolean sourceChanged) {
            super(refusal.getMessage(), refusal);
            this.id = id;
            this.sourceChanged = sourceChanged;
        }
    }

    /** The journal's id of the run this task started or resumed, once the engine knows it. */
    java.util.UUID runId() {
        Migration m = migration.get();
        return m == null ? null : m.runId();
    }

    /** Gives the rehearsal's server to the next task (a resume) instead of removing it. */
    synchronized Rehearsal handOver() {
        Rehearsal s = server;
        server = null;
        return s;
    }

    /** Safe from the JavaFX thread at any moment, even before the engine has started. */
    void stop() {
        cancelRequested.set(true);
        Migration m = migration.get();
        if (m != null) {
            m.cancel();
        }
    }

    boolean stopRequested() {
        return cancelRequested.get();
    }

    /** The rehearsal's server, once started and until {@link #closeServer}. */
    Rehearsal server() {
        return server;
    }

    /** Removes the rehearsal's server; it outlives the run so the user can look at the result in it. */
    synchronized void closeServer() {
        closed = true;
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
