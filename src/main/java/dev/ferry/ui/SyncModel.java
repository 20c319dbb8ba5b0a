package dev.ferry.ui;

import dev.ferry.run.Migration;
import dev.ferry.run.Options;
import dev.ferry.run.SyncResult;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Final sync" on the Results page: after the migration, while the app is stopped, PostgreSQL is
 * brought up to the SQLite file as it is now, changing only the rows that changed (the engine's
 * {@link Migration#sync}). Refused, changing nothing, when someone else wrote to the tables in
 * PostgreSQL since; {@link #start(boolean) start(true)} then overwrites what they wrote, after a second yes.
 */
final class SyncModel {

    private static final Logger LOG = LoggerFactory.getLogger(SyncModel.class);

    private final Supplier<Options> options;
    private final Supplier<String> whyNot;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<SyncResult> done = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Failure> failure = new ReadOnlyObjectWrapper<>();

    /** @param options the finished migration's options, aimed where its data went; null when there is nothing to sync */
    SyncModel(Supplier<Options> options) {
        this(options, () -> "");
    }

    /** @param whyNot why there is nothing to sync, in words for the page ("" when there is) */
    SyncModel(Supplier<Options> options, Supplier<String> whyNot) {
        this.options = options;
        this.whyNot = whyNot;
    }

    /** Why the sync cannot run now, for the page, or "" when it can (or nothing has run yet). */
    String whyNot() {
        return possible() ? "" : whyNot.get();
    }

    /** Forgets an earlier sync's outcome: a new migration has finished. */
    void reset() {
        if (!busy.get()) {
            done.set(null);
            failure.set(null);
        }
    }

    boolean possible() {
        return options.get() != null;
    }

    /** Syncs in the background; {@code force}: even when someone else wrote to the tables since. */
    void start(boolean force) {
        Options o = options.get();
        if (busy.get() || o == null) {
            return;
        }
        failure.set(null);
        done.set(null);
        busy.set(true);
        Task<SyncResult> task = new Task<>() {
            {
                updateTitle("final-sync");
            }

            @Override
            protected SyncResult call() {
                return new Migration(o, null).sync(force);
            }
        };
        task.setOnSucceeded(e -> {
            busy.set(false);
            SyncResult r = task.getValue();
            LOG.info("Final sync: {} inserted, {} updated, {} deleted, verified {}, {} ms", r.inserted(), r.updated(),
                    r.deleted(), r.verified(), r.took().toMillis());
            done.set(r);
        });
        task.setOnFailed(e -> {
            busy.set(false);
            LOG.warn("Final sync failed", task.getException());
            failure.set(Failure.of(task.getException()));
        });
        Jobs.start(task);
    }

    /** The words for a sync's outcome: what changed, and how long the app had to be stopped. */
    static String describe(SyncResult r) {
        String seconds = String.format("%.1f", r.took().toMillis() / 1000.0);
        if (!r.verified()) {
            return Text.get("sync.differs", String.join(", ", r.tables().stream().filter(t -> !t.check().checksumMatch())
                    .map(SyncResult.Table::source).toList()), seconds);
        }
        StringBuilder s = new StringBuilder(Text.get("sync.done.body", r.inserted(), r.updated(), r.deleted(), seconds));
        r.tables().stream().filter(SyncResult.Table::whole)
                .forEach(t -> s.append('\n').append(Text.get("sync.whole", t.source(), t.inserted())));
        return s.toString();
    }

    /** Whether a failure is the refusal that a second yes may overrule: someone else wrote to the tables. */
    static boolean othersWrote(Failure f) {
        return f != null && "sync-others".equals(f.tag());
    }

    ReadOnlyBooleanProperty busy() { return busy.getReadOnlyProperty(); }
    /** The last sync's outcome; null before one and while one runs. */
    ReadOnlyObjectProperty<SyncResult> done() { return done.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<Failure> failure() { return failure.getReadOnlyProperty(); }
}
