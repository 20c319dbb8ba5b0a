package dev.ferry.ui;

import dev.ferry.run.SourceSummary;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Step 2: which SQLite file, and what is in it. */
final class SourceModel implements StepModel {

    private static final Logger LOG = LoggerFactory.getLogger(SourceModel.class);

    private final Settings settings;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SourceSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Failure> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper blocker = new ReadOnlyStringWrapper();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ObservableList<Path> recentView = FXCollections.unmodifiableObservableList(recent);
    private ScanSource scan;

    SourceModel(Settings settings) {
        this.settings = settings;
        recent.setAll(settings.recentFiles());
        blocker.bind(Bindings.createStringBinding(this::why, file, summary, failure, busy));
    }

    private String why() {
        if (file.get() == null) {
            return Text.get("source.blocker.none");
        }
        if (busy.get()) {
            return Text.get("source.blocker.busy");
        }
        if (failure.get() != null || summary.get() == null) {
            return Text.get("source.blocker.failed");
        }
        return summary.get().tables().isEmpty() ? Text.get("source.blocker.empty") : "";
    }

    /** Reads the chosen file in the background; choosing another one stops the first read. */
    void choose(Path chosen) {
        if (scan != null) {
            scan.cancel();
        }
        Path path = chosen.toAbsolutePath().normalize();
        file.set(path);
        summary.set(null);
        failure.set(null);
        busy.set(true);
        ScanSource task = new ScanSource(path);
        scan = task;
        message.bind(task.messageProperty());
        progress.bind(task.progressProperty());
        task.setOnSucceeded(e -> {
            if (scan == task) {
                summary.set(task.getValue());
                recent.setAll(settings.addRecent(path));
                busy.set(false);
            }
        });
        task.setOnFailed(e -> {
            if (scan == task) {
                LOG.warn("Could not read {}", path, task.getException());
                failure.set(Failure.of(task.getException()));
                busy.set(false);
            }
        });
        Jobs.start(task);
    }

    /** No file chosen, as at the start: for "Migrate another file". */
    void clear() {
        if (scan != null) {
            scan.cancel();
            scan = null;
        }
        message.unbind();
        message.set("");
        progress.unbind();
        progress.set(-1);
        file.set(null);
        summary.set(null);
        failure.set(null);
        busy.set(false);
    }

    ReadOnlyObjectProperty<Path> file() {
        return file.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<SourceSummary> summary() {
        return summary.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Failure> failure() {
        return failure.getReadOnlyProperty();
    }

    ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progress() {
        return progress.getReadOnlyProperty();
    }

    /** Most recent first; read-only for views. */
    ObservableList<Path> recent() {
        return recentView;
    }

    /** Reading the file; leaving the page meanwhile is fine, so this is not {@link #busy()}. */
    ReadOnlyBooleanProperty scanning() {
        return busy.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty blocker() {
        return blocker.getReadOnlyProperty();
    }
}
