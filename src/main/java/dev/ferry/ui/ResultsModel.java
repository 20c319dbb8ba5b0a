package dev.ferry.ui;

import dev.ferry.run.Result;
import dev.ferry.verify.HtmlReport;
import dev.ferry.verify.Report;
import dev.ferry.verify.RunReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/**
 * Step 7: the verified result, the report in JSON or HTML, where to connect, and hints for the
 * user's own code, and Undo of the run (shared with the Migrate page, which offers it after a cancel).
 */
final class ResultsModel implements StepModel {

    /** A hint for the app's code: what to look for, and what to write instead. */
    record Hint(String title, String before, String after) {
    }

    private static final ReadOnlyStringProperty READY = new ReadOnlyStringWrapper("").getReadOnlyProperty();

    private final MigrateModel migrate;
    private final SourceModel source;
    private final TargetModel target;
    private final ReadOnlyStringWrapper saved = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Failure> failure = new ReadOnlyObjectWrapper<>();
    private Runnable checkApp = () -> { };
    private final javafx.beans.property.ReadOnlyBooleanWrapper changingView = new javafx.beans.property.ReadOnlyBooleanWrapper();

    ResultsModel(MigrateModel migrate, SourceModel source, TargetModel target) {
        this.migrate = migrate;
        this.source = source;
        this.target = target;
    }

    /** What "Check your app's SQL" does: the wizard shows the step after this one. */
    void onCheckApp(Runnable action) {
        checkApp = action;
    }

    void checkApp() {
        checkApp.run();
    }

    ReadOnlyObjectProperty<Result> result() {
        return migrate.result();
    }

    UndoModel undo() {
        return migrate.undo();
    }

    /**
     * The finished migration's options for a final sync, or null when there is none to sync: no
     * run yet, or a rehearsal (its private server goes away; the real migration is the one to sync).
     */
    dev.ferry.run.Options syncOptions() {
        return migrate.result().get() == null || migrate.ranRehearsal() ? null : migrate.ranWith();
    }

    /** Why a final sync cannot run, in words: after a rehearsal the practice server is gone. */
    String whyNoSync() {
        return migrate.result().get() != null && migrate.ranRehearsal() ? Text.get("sync.off.rehearsal") : "";
    }

    boolean rehearsal() {
        return target.rehearse().get();
    }

    /** The address without any password, as it may be pasted anywhere. */
    String connectionString() {
        return migrate.address() == null ? "" : migrate.address().toString();
    }

    RunReport report() {
        Result r = migrate.result().get();
        String where = rehearsal() ? Text.get("results.target.rehearsal") : connectionString();
        return Report.of(r.verified() ? "done" : "different", source.file().get(), where, r.tables(), r.plan(),
                r.problems(), r.views(), r.triggers(), r.took().toMillis() / 1000.0).withRejects(r.rejects());
    }

    /** Writes the report off the JavaFX thread: HTML when the name ends in .html or .htm, else JSON. */
    void saveReport(Path file) {
        saved.set("");
        failure.set(null);
        RunReport report = report();
        boolean html = file.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.html?");
        Task<Path> task = new Task<>() {
            {
                updateTitle("save-report");
            }

            @Override
            protected Path call() throws Exception {
                if (html) {
                    HtmlReport.write(report, file);
                } else {
                    Report.write(report, file);
                }
                return file;
            }
        };
        task.setOnSucceeded(e -> saved.set(Text.get("results.saved", file)));
        task.setOnFailed(e -> failure.set(Failure.of(task.getException())));
        Jobs.start(task);
    }

    /**
     * Makes view {@code name} again with SQLite's meaning and proves it again, off the JavaFX thread; the
     * result then holds its new line, and the page shows it. Only while the run's PostgreSQL is there.
     */
    void useSqliteMeaning(String name) {
        dev.ferry.run.Options options = migrate.ranWith();
        Result r = migrate.result().get();
        if (options == null || r == null || changingView.get()) {
            return;
        }
        failure.set(null);
        changingView.set(true);
        Task<Result> task = new Task<>() {
            {
                updateTitle("view-meaning");
            }

            @Override
            protected Result call() {
                return new dev.ferry.run.Migration(options, null).useSqliteMeaning(r, name);
            }
        };
        task.setOnSucceeded(e -> {
            changingView.set(false);
            migrate.viewChanged(task.getValue());
        });
        task.setOnFailed(e -> {
            changingView.set(false);
            failure.set(Failure.of(task.getException()));
        });
        Jobs.start(task);
    }

    /** Whether a view is being made again: its button waits. */
    javafx.beans.property.ReadOnlyBooleanProperty changingView() {
        return changingView.getReadOnlyProperty();
    }

    /** Whether "Use SQLite's meaning" can act: the run's PostgreSQL is there and not undone. */
    boolean canChangeViews() {
        return migrate.ranWith() != null && migrate.undo().done().get().isEmpty();
    }

    String suggestedReportName() {
        String name = source.file().get().getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return name + "-ferry-report.html";
    }

    Path logFolder() {
        return LogFolder.path();
    }

    /**
     * Rows the user chose to set aside, per table ("2 in scores, 1 in players"), or "" when none
     * were: the page must not call a run with rejected rows an all-clear.
     */
    static String setAside(Result r) {
        return String.join(", ", r.tables().stream().filter(t -> t.rejected() > 0)
                .map(t -> Text.get("results.aside.table", t.rejected(), t.source())).toList());
    }

    /** The folder holding the rejects file, to open in the file manager; null when the run kept none. */
    Path rejectsFolder() {
        Result r = migrate.result().get();
        return r == null || r.rejects() == null ? null : r.rejects().toAbsolutePath().getParent();
    }

    List<Hint> nextSteps() {
        return List.of("placeholders", "now", "upsert", "identity").stream()
                .map(k -> new Hint(Text.get("results.hint." + k), Text.get("results.hint." + k + ".before"),
                        Text.get("results.hint." + k + ".after"))).toList();
    }

    ReadOnlyStringProperty saved() {
        return saved.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Failure> failure() {
        return failure.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty blocker() {
        return READY;
    }

    @Override
    public String nextKey() {
        return "nav.finish";
    }
}
