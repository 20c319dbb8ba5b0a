package dev.ferry.ui;

import dev.ferry.run.Undo;
import dev.ferry.postgres.Secret;
import dev.ferry.postgres.TargetAddress;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Undo of one run, for the Migrate and Results pages: look first ({@link #look}), so the page can
 * say exactly what will go; then drop ({@link #apply}), forced only after a second yes.
 */
final class UndoModel {

    /** Where the run went, and which run it was. */
    record Target(TargetAddress address, Secret password, String schema, UUID runId) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(UndoModel.class);

    private final Supplier<Target> target;
    private final Runnable onUndone;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Undo> found = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<String>> grown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper done = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Failure> failure = new ReadOnlyObjectWrapper<>();

    UndoModel(Supplier<Target> target, Runnable onUndone) {
        this.target = target;
        this.onUndone = onUndone;
    }

    /** Forgets an earlier undo's outcome: a new run can be undone again. */
    void reset() {
        found.set(null);
        grown.set(null);
        done.set("");
        failure.set(null);
    }

    boolean possible() {
        Target t = target.get();
        return t != null && t.runId() != null && t.address() != null && done.get().isEmpty();
    }

    /** Finds what the run created; the page then asks, naming it. */
    void look() {
        start(false, false);
    }

    void apply(boolean force) {
        start(true, force);
    }

    private void start(boolean apply, boolean force) {
        if (busy.get() || !possible()) {
            return;
        }
        Target t = target.get();
        failure.set(null);
        grown.set(null);
        if (!apply) {
            found.set(null);
        }
        busy.set(true);
        UndoRun task = new UndoRun(t.address(), t.password(), t.schema(), t.runId(), apply, force);
        task.setOnSucceeded(e -> {
            busy.set(false);
            UndoRun.Outcome o = task.getValue();
            if (o.applied()) {
                LOG.info("Run {} undone: {} tables, {} views", t.runId(), o.undo().tables().size(), o.undo().views().size());
                done.set(Text.get("undo.done", o.undo().tables().size(), o.undo().views().size())
                        + (o.undo().schemaDropped() ? " " + Text.get("undo.done.schema", t.schema()) : ""));
                onUndone.run();
            } else if (apply) {
                grown.set(o.undo().grown());
            } else {
                found.set(o.undo());
            }
        });
        task.setOnFailed(e -> {
            busy.set(false);
            LOG.warn("Undo failed", task.getException());
            failure.set(Failure.of(task.getException()));
        });
        Jobs.start(task);
    }

    ReadOnlyBooleanProperty busy() { return busy.getReadOnlyProperty(); }
    /** What a look found, to confirm; reset to null by the next look. */
    ReadOnlyObjectProperty<Undo> found() { return found.getReadOnlyProperty(); }
    /** Set when nothing was dropped because rows were added since: one sentence per table. */
    ReadOnlyObjectProperty<List<String>> grown() { return grown.getReadOnlyProperty(); }
    /** "Undone: …" once done; empty before. */
    ReadOnlyStringProperty done() { return done.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<Failure> failure() { return failure.getReadOnlyProperty(); }
}
