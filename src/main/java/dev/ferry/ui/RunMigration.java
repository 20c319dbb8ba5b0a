package dev.ferry.ui;

import dev.ferry.FerryException;
import dev.ferry.mapping.Plan;
import dev.ferry.run.Migration;
import dev.ferry.run.MigrationEvent;
import dev.ferry.run.Options;
import dev.ferry.run.Result;
import dev.ferry.target.PrivatePostgres;
import dev.ferry.target.Secret;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.concurrent.Task;

/**
 * The run itself: starts the private PostgreSQL first when rehearsing, then the engine's
 * {@link Migration#run}. Cancelling asks the engine to stop at its next batch rather than
 * interrupting threads, so PostgreSQL is left with whole, committed chunks.
 */
final class RunMigration extends Task<Result> {

    private final Options options;
    private final Plan plan;
    private final boolean rehearse;
    private final RunProgress progress;
    private final AtomicReference<Migration> migration = new AtomicReference<>();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private volatile PrivatePostgres server;
    private boolean closed;

    RunMigration(Options options, Plan plan, boolean rehearse, RunProgress progress) {
        this.options = options;
        this.plan = plan;
        this.rehearse = rehearse;
        this.progress = progress;
        updateTitle("migrate");
    }

    @Override
    protected Result call() {
        Options o = options;
        if (rehearse) {
            progress.on(new MigrationEvent.Note(Text.get("migrate.note.server")));
            PrivatePostgres started = PrivatePostgres.start();
            synchronized (this) {
                if (closed) { // the window closed while the server started
                    started.close();
                    throw new FerryException(FerryException.Kind.INTERRUPTED, Text.get("migrate.cancelled.early"), null);
                }
                server = started;
            }
            o = new Options(o.source(), started.address(), Secret.NONE, o.schema(), o.ifExists(), o.jobs(), o.naming(),
                    o.overrides(), o.chunkRows());
        }
        Migration m = new Migration(o, progress);
        migration.set(m);
        if (cancelRequested.get()) {
            throw new FerryException(FerryException.Kind.INTERRUPTED, Text.get("migrate.cancelled.early"), null);
        }
        return m.run(plan);
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
    PrivatePostgres server() {
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
