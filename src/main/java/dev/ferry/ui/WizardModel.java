package dev.ferry.ui;

import dev.ferry.run.Options;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The wizard's state: one model per step, which step is shown, and the Options record the steps
 * build together. Views read it; only models and their tasks touch files and databases.
 */
final class WizardModel {

    static final int WELCOME = 0, SOURCE = 1, TARGET = 2, REVIEW = 3, OPTIONS = 4, MIGRATE = 5, RESULTS = 6, APP = 7;
    static final List<String> STEP_KEYS = List.of("welcome", "source", "target", "review", "options", "migrate", "results", "app");

    final Settings settings;
    final WelcomeModel welcome;
    final SourceModel source;
    final TargetModel target;
    final ReviewModel review;
    final OptionsModel options;
    final MigrateModel migrate;
    final ResultsModel results;
    final AppModel app;
    private final List<StepModel> steps;
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(WELCOME);

    WizardModel(Path dataDir) {
        settings = new Settings(dataDir);
        source = new SourceModel(settings);
        target = new TargetModel(settings, source);
        welcome = new WelcomeModel(dataDir.resolve("samples"), this::trySample, LastRun.load(settings), this::resumeLast);
        review = new ReviewModel(source);
        options = new OptionsModel(target, review, source, dataDir.resolve("backups"));
        migrate = new MigrateModel(this::runOptions, options::plan, options::backupTo, target);
        results = new ResultsModel(migrate, source, target);
        app = new AppModel(settings, migrate);
        results.onCheckApp(this::checkApp);
        steps = List.of(welcome, source, target, review, options, migrate, results, app);
        rememberRuns();
    }

    /** A real run is remembered from its start until it finishes or is undone, to offer Resume next time. */
    private void rememberRuns() {
        migrate.state().addListener((obs, old, s) -> {
            if (s == MigrateModel.State.RUNNING && !target.rehearse().get()) {
                new LastRun(source.file().get(), target.host().get().trim(), target.port().get().trim(),
                        target.database().get().trim(), target.user().get().trim(), target.sslMode().get(),
                        target.rootCert().get().trim(), options.schema().get().trim(), review.naming().get().name()).save(settings);
            } else if (s == MigrateModel.State.DONE && !target.rehearse().get()) {
                forgetLastRun();
            }
        });
        migrate.undo().done().addListener((obs, old, d) -> {
            if (!d.isEmpty() && !target.rehearse().get()) {
                forgetLastRun();
            }
        });
    }

    private void forgetLastRun() {
        LastRun.forget(settings);
        welcome.forgetLastRun();
    }

    /** Resume from the welcome page: the remembered file and target, a fresh plan, then straight to Migrate. */
    private void resumeLast(LastRun last, String password) {
        target.apply(last, password);
        options.schema().set(last.schema().isEmpty() ? "public" : last.schema());
        try {
            review.naming().set(dev.ferry.postgres.Naming.Style.valueOf(last.naming()));
        } catch (IllegalArgumentException unknown) {
            // an older or hand-edited setting: the default style
        }
        source.choose(last.source());
        migrate.resumeNext();
        index.set(REVIEW);
        review.entered(true);
        javafx.beans.value.ChangeListener<Boolean> planned = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (!now) {
                    review.planning().removeListener(this);
                    if (review.plan().get() != null && index.get() == REVIEW) {
                        index.set(MIGRATE);
                        migrate.entered(true);
                    }
                }
            }
        };
        review.planning().addListener(planned);
        if (!review.planning().get()) { // planned already with these inputs
            planned.changed(review.planning(), true, false);
        }
    }

    ReadOnlyIntegerProperty index() {
        return index.getReadOnlyProperty();
    }

    StepModel step(int i) {
        return steps.get(i);
    }

    StepModel current() {
        return steps.get(index.get());
    }

    void next() {
        if (current().blocker().get().isEmpty() && index.get() < RESULTS) {
            index.set(index.get() + 1);
            current().entered(true);
        }
    }

    /** From Results to the step after it, which Next does not reach: Next on Results is Finish. */
    void checkApp() {
        if (index.get() == RESULTS) {
            index.set(APP);
            current().entered(true);
        }
    }

    void back() {
        if (!current().busy().get() && index.get() > WELCOME) {
            index.set(index.get() - 1);
            current().entered(false);
        }
    }

    /** A done step picked in the sidebar: like pressing Back until it shows, in one go. */
    void backTo(int step) {
        if (!current().busy().get() && step >= WELCOME && step < index.get()) {
            index.set(step);
            current().entered(false);
        }
    }

    /**
     * "Migrate another file" from Results: back to Source with no file chosen and the last file's
     * review choices forgotten. The target stays, as another file usually goes to the same server.
     */
    void migrateAnother() {
        if (!current().busy().get() && index.get() >= RESULTS) {
            review.forgetChoices();
            source.clear();
            index.set(SOURCE);
            current().entered(false);
        }
    }

    /** A file given on the command line or dropped on the welcome page: straight to its summary. */
    void open(Path file) {
        source.choose(file);
        index.set(SOURCE);
        current().entered(true);
    }

    private void trySample(Path file) {
        target.rehearse().set(true);
        open(file);
    }

    /** Everything the run needs, from every step; the target is left out for a rehearsal. */
    Options runOptions() {
        return Options.of(source.file().get(), target.rehearse().get() ? null : target.address(), target.secret())
                .withSchema(options.schema().get().trim()).withIfExists(options.ifExists().get())
                .withJobs(options.jobs()).withNaming(review.naming().get()).withOverrides(review.overrides())
                .withResolutions(review.resolutions()).withRejects(rejectsFile(source.file().get()))
                .withLeaveOut(options.leaveOut()).withExcluded(review.excluded()).withSuggestions(review.suggestions());
    }

    /** Where a wizard run records the values it changes or moves aside: beside the logs, one file per run. */
    private static Path rejectsFile(Path source) {
        String name = source.getFileName().toString().replaceAll("\\.[^.]*$", "");
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return dev.ferry.AppDirs.data().resolve("rejects").resolve(name + "-" + stamp + ".rejects.jsonl");
    }

    /** Stops what can be stopped and removes the rehearsal's private PostgreSQL. */
    void close() {
        migrate.close();
    }
}
