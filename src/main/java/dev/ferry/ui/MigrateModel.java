package dev.ferry.ui;

import dev.ferry.plan.Plan;
import dev.ferry.run.Options;
import dev.ferry.run.Result;
import dev.ferry.postgres.TargetAddress;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 6: runs the migration and turns its progress into what the page shows, refreshed four
 * times a second from a {@link RunProgress} snapshot however fast the engine reports.
 */
final class MigrateModel implements StepModel {

    /** UNFINISHED: a new run was refused because an earlier run of this file and schema did not finish. */
    enum State { IDLE, RUNNING, CANCELLING, DONE, CANCELLED, FAILED, UNFINISHED }

    private static final Logger LOG = LoggerFactory.getLogger(MigrateModel.class);

    private final Supplier<Options> options;
    private final Supplier<Plan> plan;
    private final Supplier<java.nio.file.Path> backup;
    private final TargetModel target;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Failure> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stats = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper overall = new ReadOnlyDoubleWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper resumable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper blocker = new ReadOnlyStringWrapper();
    private final RunBoard board = new RunBoard();
    private final Timeline ticker = new Timeline(new KeyFrame(javafx.util.Duration.millis(250), e -> refresh()));
    private RunMigration task;
    private RunProgress progress;
    private TargetAddress address;
    private java.util.UUID runId;
    private String schema;
    private Options ranWith;
    private Plan ranPlan;
    private boolean ranRehearsal;
    private boolean resumeNext;
    private final UndoModel undo;

    /** @param backup where to write a copy of the SQLite file before a new run (not a resume), or null for none */
    MigrateModel(Supplier<Options> options, Supplier<Plan> plan, Supplier<java.nio.file.Path> backup, TargetModel target) {
        this.options = options;
        this.plan = plan;
        this.backup = backup;
        this.target = target;
        this.undo = new UndoModel(() -> address == null || runId == null ? null
                : new UndoModel.Target(address, target.secret(), schema, runId), () -> resumable.set(false));
        ticker.setCycleCount(Timeline.INDEFINITE);
        busy.bind(state.isEqualTo(State.RUNNING).or(state.isEqualTo(State.CANCELLING)));
        blocker.bind(Bindings.createStringBinding(() -> state.get() == State.DONE ? ""
                : Text.get("migrate.blocker." + state.get().name()), state));
    }

    @Override
    public void entered(boolean forward) {
        if (forward && !busy.get()) {
            start(resumeNext);
            resumeNext = false;
        }
    }

    /** The next time the page is entered it continues the unfinished run (Resume on the welcome page). */
    void resumeNext() {
        resumeNext = true;
    }

    /** Continues the cancelled or refused run where it stopped; a rehearsal continues in the same private server. */
    void resume() {
        if (!busy.get()) {
            start(true);
        }
    }

    void start(boolean resume) {
        var keep = resume && task != null && target.rehearse().get() ? task.handOver() : null;
        close();
        Options o = options.get();
        Plan p = plan.get();
        boolean rehearse = target.rehearse().get();
        address = rehearse ? (keep == null ? null : keep.address()) : o.target();
        schema = o.schema();
        ranWith = o;
        ranPlan = p;
        ranRehearsal = rehearse;
        runId = null;
        undo.reset();
        resumable.set(false);
        progress = new RunProgress(p);
        board.reset(p);
        result.set(null);
        failure.set(null);
        state.set(State.RUNNING);
        RunMigration run = new RunMigration(o, p, rehearse, progress, resume, keep, resume ? null : backup.get());
        task = run;
        run.setOnSucceeded(e -> finished(run, run.getValue(), null));
        run.setOnFailed(e -> finished(run, null, run.getException()));
        LOG.info("Starting {}", o);
        refresh();
        ticker.play();
        Jobs.start(run);
    }

    private void finished(RunMigration run, Result r, Throwable error) {
        ticker.stop();
        if (run.server() != null) {
            address = run.server().address();
        }
        runId = error instanceof RunMigration.Unfinished u ? u.id : run.runId();
        resumable.set(r == null && runId != null && !(error instanceof RunMigration.Unfinished u && u.sourceChanged));
        refresh();
        if (r != null) {
            LOG.info("The migration finished: {} in {}", r.status(), r.took());
            overall.set(1);
            result.set(r);
            state.set(State.DONE);
            phase.set(Text.get(run.stopRequested() ? "migrate.done.anyway" : "migrate.done"));
        } else if (error instanceof RunMigration.Unfinished u) {
            LOG.info("A new run was refused: {}", u.getMessage());
            failure.set(new Failure(Advice.sentence(u.getMessage()), Text.get(u.sourceChanged ? "migrate.unfinished.changed"
                    : "migrate.unfinished.advice"), Failure.stackTrace(u.getCause())));
            state.set(State.UNFINISHED);
            phase.set(Text.get("migrate.unfinished"));
        } else if (Failure.isCancel(error) && run.stopRequested()) {
            // a stop nobody asked for (the server stayed away past every retry) is told as what
            // happened, with Resume, below; only the user's own Cancel reads "Cancelled"
            LOG.info("The migration was cancelled: {}", error.getMessage());
            state.set(State.CANCELLED);
            phase.set(Text.get("migrate.cancelled"));
        } else {
            LOG.error("The migration failed", error);
            failure.set(Failure.of(error));
            state.set(State.FAILED);
            phase.set(Text.get("migrate.failed"));
        }
    }

    void cancel() {
        if (state.get() == State.RUNNING) {
            LOG.info("Cancel requested");
            state.set(State.CANCELLING);
            phase.set(Text.get("migrate.cancelling"));
            task.stop();
        }
    }

    private void refresh() {
        RunProgress.Snapshot s = progress.snapshot();
        board.apply(s);
        if (state.get() == State.RUNNING && s.phase() != null) {
            phase.set(RunProgress.label(s.phase()));
        } else if (state.get() == State.RUNNING) {
            phase.set(Text.get(target.rehearse().get() ? "migrate.starting.server" : "migrate.starting"));
        }
        overall.set(s.overall());
        stats.set(s.statsLine());
    }

    /** Where the data went: the real target, or the rehearsal's private server while it runs. */
    TargetAddress address() {
        return address;
    }

    /** Whether the last run went to the private server. */
    boolean ranRehearsal() {
        return ranRehearsal;
    }

    /** The plan of the last run started, for checking the app's SQL against what it created; null before one. */
    Plan ranPlan() {
        return ranPlan;
    }

    /**
     * The options of the last run, aimed where its data went: the private server for a rehearsal (it
     * needs no password), else the user's PostgreSQL with the password typed for it. Null before a run.
     */
    Options ranWith() {
        if (ranWith == null || address == null) {
            return null;
        }
        return ranRehearsal ? ranWith.withTarget(address, dev.ferry.postgres.Secret.NONE) : ranWith;
    }

    /** Ends a run in progress and removes the rehearsal's private PostgreSQL (at exit, or before the next run). */
    void close() {
        cancel();
        if (task != null) {
            task.closeServer();
        }
    }

    /** The run's result with a view made again (the user chose SQLite's meaning for it on the Results page). */
    void viewChanged(Result r) {
        result.set(r);
    }

    UndoModel undo() { return undo; }
    /** A stopped run (cancelled, failed, or found unfinished) that Resume can continue. */
    ReadOnlyBooleanProperty resumable() { return resumable.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<State> state() { return state.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<Result> result() { return result.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<Failure> failure() { return failure.getReadOnlyProperty(); }
    ReadOnlyStringProperty phase() { return phase.getReadOnlyProperty(); }
    ReadOnlyStringProperty stats() { return stats.getReadOnlyProperty(); }
    ReadOnlyDoubleProperty overall() { return overall.getReadOnlyProperty(); }
    ObservableList<TableProgress> tables() { return board.tables(); }
    ObservableList<String> log() { return board.log(); }

    @Override
    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty blocker() {
        return blocker.getReadOnlyProperty();
    }

    @Override
    public String nextKey() {
        return "nav.results";
    }
}
