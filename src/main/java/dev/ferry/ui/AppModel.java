package dev.ferry.ui;

import dev.ferry.appcode.PgDriver;
import dev.ferry.plan.Plan;
import dev.ferry.run.Migration;
import dev.ferry.run.Options;
import dev.ferry.verify.AppReport;
import dev.ferry.verify.StatementProof;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 8, after Results: the SQL in the app's own code, found, translated and proven on the database
 * the run just filled (the private server after a rehearsal), with the plan and options of that run.
 * The folder is remembered between launches; it is a path, never a secret.
 */
final class AppModel implements StepModel {

    /** The settings key of the app's folder. */
    static final String FOLDER = "app.folder";
    /** Pre-fills the folder for the screenshot script only (docs/screenshots/take-app.sh); never stored by itself. */
    static final String FOLDER_PROPERTY = "ferry.appFolder";

    private static final Logger LOG = LoggerFactory.getLogger(AppModel.class);
    private static final ReadOnlyStringProperty READY = new ReadOnlyStringWrapper("").getReadOnlyProperty();

    private final Settings settings;
    private final MigrateModel migrate;
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<AppReport> report = new ReadOnlyObjectWrapper<>();
    /** The driver the page is written for: Ferry's guess, or the person's choice; null before the first check of a folder. */
    private final ReadOnlyObjectWrapper<PgDriver> driver = new ReadOnlyObjectWrapper<>();
    private PgDriver chosen;
    private PgDriver guessed;
    private String guessedFrom;
    private final ReadOnlyObjectWrapper<Failure> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper saved = new ReadOnlyStringWrapper("");
    private final BooleanProperty onlyNeedsYou = new SimpleBooleanProperty();
    private final ObservableList<AppReport.Statement> statements = FXCollections.observableArrayList();
    private final FilteredList<AppReport.Statement> shown = new FilteredList<>(statements);
    private Task<AppReport> task;

    AppModel(Settings settings, MigrateModel migrate) {
        this.settings = settings;
        this.migrate = migrate;
        String given = System.getProperty(FOLDER_PROPERTY, settings.get(FOLDER, ""));
        if (!given.isBlank()) {
            folder.set(Path.of(given));
        }
        onlyNeedsYou.addListener((obs, old, only) -> shown.setPredicate(only ? AppModel::needsYou : null));
        // a new run (or an undo) makes the last check's proofs stale: they were made on other tables
        migrate.result().addListener((obs, old, r) -> clear());
    }

    /** A statement a person must act on: Ferry could not translate it, or PostgreSQL refused it or answers differently. */
    static boolean needsYou(AppReport.Statement s) {
        return s.status().equals(AppReport.MANUAL) || s.proof().equals(StatementProof.FAILED)
                || s.proof().equals(StatementProof.DIFFERENT);
    }

    /** The folder chosen by the user: remembered, then checked at once. */
    void choose(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        cancel(); // another folder: the check under way is for the old one
        folder.set(abs);
        // another app: its own driver, guessed again
        chosen = null;
        guessed = null;
        guessedFrom = null;
        driver.set(null);
        settings.put(FOLDER, abs.toString());
        check();
    }

    /**
     * The person's choice of how the app talks to PostgreSQL: the check runs again for it, as
     * {@code check-app --driver} would, so the statements' markers and the address follow it. The
     * proofs come out the same (PREPARE takes PostgreSQL's own $1 whatever the driver).
     */
    void useDriver(PgDriver d) {
        if (d == null || d == driver.get()) {
            return;
        }
        chosen = d;
        driver.set(d);
        cancel();
        check();
    }

    /** Runs the check in the background; the page stays usable and Cancel stops waiting for it. */
    void check() {
        Path dir = folder.get();
        Options options = migrate.ranWith();
        Plan plan = migrate.ranPlan();
        if (dir == null || checking.get()) {
            return;
        }
        clear();
        if (options == null || plan == null || migrate.result().get() == null) {
            failure.set(new Failure(Text.get("app.norun"), Text.get("app.norun.advice"), ""));
            return;
        }
        if (!Files.isDirectory(dir)) {
            failure.set(new Failure(Text.get("app.nofolder", dir), Text.get("app.nofolder.advice"), ""));
            return;
        }
        // null: guessed from the app's imports, so the page can say where from
        String driverName = chosen == null || chosen == guessed ? null : chosen.label();
        Task<AppReport> t = new Task<>() {
            {
                updateTitle("check-app");
            }

            @Override
            protected AppReport call() {
                return Migration.checkApp(dir, plan, options, driverName);
            }
        };
        task = t;
        t.setOnSucceeded(e -> {
            if (task == t) {
                show(t.getValue());
            }
        });
        t.setOnFailed(e -> {
            if (task == t) {
                LOG.warn("The app check failed", t.getException());
                checking.set(false);
                failure.set(Failure.of(t.getException()));
            }
        });
        checking.set(true);
        LOG.info("Checking the app's SQL in {}", dir);
        Jobs.start(t);
    }

    /**
     * Stops waiting for the check. The engine's proofs cannot be interrupted halfway (each is a
     * rolled-back PREPARE or a read, at most {@link StatementProof#TIMEOUT} long), so the check
     * ends on its own shortly and its result is dropped; it writes to neither database.
     */
    void cancel() {
        if (checking.get()) {
            task.cancel(false);
            task = null;
            checking.set(false);
            LOG.info("The app check was cancelled");
        }
    }

    private void show(AppReport r) {
        checking.set(false);
        PgDriver used = PgDriver.named(r.summary().driver());
        if (r.summary().driverFrom() != null) {
            guessed = used;
            guessedFrom = r.summary().driverFrom();
        }
        driver.set(used);
        report.set(r);
        statements.setAll(r.statements());
    }

    private void clear() {
        cancel();
        report.set(null);
        failure.set(null);
        saved.set("");
        statements.clear();
    }

    /** Writes the report off the JavaFX thread, with the engine's own writer: HTML for .html or .htm, else JSON. */
    void saveReport(Path file) {
        AppReport r = report.get();
        if (r == null) {
            return;
        }
        saved.set("");
        Task<Path> save = new Task<>() {
            {
                updateTitle("save-app-report");
            }

            @Override
            protected Path call() throws Exception {
                r.write(file);
                return file;
            }
        };
        save.setOnSucceeded(e -> saved.set(Text.get("app.saved", file)));
        save.setOnFailed(e -> failure.set(Failure.of(save.getException())));
        Jobs.start(save);
    }

    String suggestedReportName() {
        Path dir = folder.get();
        String name = dir == null || dir.getFileName() == null ? "app" : dir.getFileName().toString();
        return name + "-sql-report.html";
    }

    boolean rehearsal() {
        return migrate.ranRehearsal();
    }

    ReadOnlyObjectProperty<Path> folder() { return folder.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<AppReport> report() { return report.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<PgDriver> driver() { return driver.getReadOnlyProperty(); }
    /** Ferry's guess for this folder, or null when the app gave nothing to guess from (or none was checked yet). */
    PgDriver guessed() { return guessed; }
    /** Where the guess came from, file:line in the app. */
    String guessedFrom() { return guessedFrom; }
    ReadOnlyObjectProperty<Failure> failure() { return failure.getReadOnlyProperty(); }
    ReadOnlyBooleanProperty checking() { return checking.getReadOnlyProperty(); }
    ReadOnlyStringProperty saved() { return saved.getReadOnlyProperty(); }
    BooleanProperty onlyNeedsYou() { return onlyNeedsYou; }
    /** The statements the table shows: all, or only those that need a person. */
    ObservableList<AppReport.Statement> shown() { return shown; }

    @Override
    public ReadOnlyStringProperty blocker() {
        return READY;
    }

    @Override
    public ReadOnlyBooleanProperty busy() {
        return checking.getReadOnlyProperty();
    }

    @Override
    public void entered(boolean forward) {
        // a folder remembered from an earlier launch is checked as soon as the page opens: one step less
        if (forward && report.get() == null && failure.get() == null && folder.get() != null && Files.isDirectory(folder.get())) {
            check();
        }
    }

    @Override
    public String nextKey() {
        return "nav.finish";
    }
}
