package dev.ferry.ui;

import dev.ferry.plan.Plan;
import dev.ferry.run.Options;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.util.Duration;

/**
 * Step 5: how the run behaves: what happens to tables that already exist (checked against the
 * target with the final names and schema), the schema, how many tables copy at once, and whether
 * a checked copy of the SQLite file is written first.
 */
final class OptionsModel implements StepModel {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final TargetModel target;
    private final ReviewModel review;
    private final SourceModel source;
    private final Path backups;
    private final BooleanProperty backup = new SimpleBooleanProperty(false);
    private final ObjectProperty<Path> backupPath = new SimpleObjectProperty<>();
    private boolean backupChosen;
    private final StringProperty schema = new SimpleStringProperty("public");
    private final ObjectProperty<Options.IfExists> ifExists = new SimpleObjectProperty<>(Options.IfExists.FAIL);
    private final BooleanProperty autoJobs = new SimpleBooleanProperty(true);
    private final java.util.Map<Plan.Part, BooleanProperty> create = new java.util.EnumMap<>(Plan.Part.class);
    private final IntegerProperty manualJobs = new SimpleIntegerProperty(Options.defaultJobs());
    private final ReadOnlyObjectWrapper<List<String>> existing = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Failure> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper blocker = new ReadOnlyStringWrapper();
    private final PauseTransition typing = new PauseTransition(Duration.millis(500));
    private CheckExisting running;

    /** @param backups where the suggested backup copies go (the data folder's "backups") */
    OptionsModel(TargetModel target, ReviewModel review, SourceModel source, Path backups) {
        this.target = target;
        this.review = review;
        this.source = source;
        this.backups = backups;
        for (Plan.Part part : Plan.Part.values()) {
            create.put(part, new SimpleBooleanProperty(true));
        }
        typing.setOnFinished(e -> check());
        schema.addListener((obs, old, now) -> {
            existing.set(null);
            typing.playFromStart();
        });
        blocker.bind(Bindings.createStringBinding(this::why, schema, ifExists, existing, failure, checking));
    }

    private String why() {
        if (schema.get().isBlank()) {
            return Text.get("options.blocker.schema");
        }
        if (checking.get() || (existing.get() == null && failure.get() == null)) {
            return Text.get("options.blocker.checking");
        }
        if (failure.get() != null) {
            return Text.get("options.blocker.failed");
        }
        return !existing.get().isEmpty() && ifExists.get() == Options.IfExists.FAIL
                ? Text.get("options.blocker.existing", existing.get().size(), schema.get().trim()) : "";
    }

    @Override
    public void entered(boolean forward) {
        if (!backupChosen) {
            suggestBackup();
        }
        check();
    }

    /** A fresh name each time the page is entered, so a second run never meets the first one's copy. */
    private void suggestBackup() {
        Path file = source.file().get();
        backupPath.set(file == null ? null : defaultBackup(backups, file, LocalDateTime.now()));
    }

    /** {@code <backups>/<file name without extension>-<yyyyMMdd-HHmmss>.sqlite} */
    static Path defaultBackup(Path folder, Path source, LocalDateTime now) {
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return folder.resolve(stem + "-" + now.format(STAMP) + ".sqlite");
    }

    /** The user's own name for the backup (from the save dialog); kept while they stay in the wizard. */
    void chooseBackup(Path path) {
        if (path != null) {
            backupChosen = true;
            backupPath.set(path.toAbsolutePath().normalize());
        }
    }

    /** Where the run writes the backup before it starts, or null for none. */
    Path backupTo() {
        return backup.get() ? backupPath.get() : null;
    }

    /** A rehearsal's server is new, so nothing can exist there; a real target is asked. */
    void check() {
        failure.set(null);
        if (target.rehearse().get()) {
            running = null;
            checking.set(false);
            existing.set(List.of());
            return;
        }
        if (schema.get().isBlank() || review.plan().get() == null) {
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        Plan plan = review.plan().get().excluding(review.excluded());
        plan.tables().forEach(t -> names.add(t.target()));
        plan.views().forEach(v -> names.add(v.target()));
        CheckExisting task = new CheckExisting(target.address(), target.secret(), schema.get().trim(), names);
        running = task;
        checking.set(true);
        existing.set(null);
        task.setOnSucceeded(e -> done(task, task.getValue(), null));
        task.setOnFailed(e -> done(task, null, Failure.of(task.getException())));
        Jobs.start(task);
    }

    private void done(CheckExisting task, List<String> found, Failure f) {
        if (running == task) {
            checking.set(false);
            existing.set(found);
            failure.set(f);
        }
    }

    /** The reviewed plan in the chosen schema. The schema is only a name on the plan, so no new preflight. */
    Plan plan() {
        Plan p = review.plan().get();
        return new Plan(schema.get().trim(), p.tables(), p.indexes(), p.foreignKeys(), p.views(), p.triggers(),
                p.problems(), p.renames(), p.catalog(), p.suggestions()).excluding(review.excluded()).without(leaveOut());
    }

    /** The parts the user unticked under "Also create". */
    Set<Plan.Part> leaveOut() {
        Set<Plan.Part> out = java.util.EnumSet.noneOf(Plan.Part.class);
        create.forEach((part, on) -> {
            if (!on.get()) {
                out.add(part);
            }
        });
        return out;
    }

    BooleanProperty create(Plan.Part part) {
        return create.get(part);
    }

    int jobs() {
        return autoJobs.get() ? Options.defaultJobs() : manualJobs.get();
    }

    StringProperty schema() { return schema; }
    ObjectProperty<Options.IfExists> ifExists() { return ifExists; }
    BooleanProperty autoJobs() { return autoJobs; }
    IntegerProperty manualJobs() { return manualJobs; }
    BooleanProperty backup() { return backup; }
    ReadOnlyObjectProperty<Path> backupPath() { return backupPath; }
    ReadOnlyObjectProperty<List<String>> existing() { return existing.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<Failure> failure() { return failure.getReadOnlyProperty(); }
    ReadOnlyBooleanProperty checking() { return checking.getReadOnlyProperty(); }

    @Override
    public ReadOnlyStringProperty blocker() {
        return blocker.getReadOnlyProperty();
    }

    @Override
    public String nextKey() {
        return "nav.migrate";
    }
}
