package dev.ferry.ui;

import dev.ferry.sample.SampleDatabase;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/** Step 1: Start, or try everything on a sample database against a private PostgreSQL. */
final class WelcomeModel implements StepModel {

    /** Writes the sample in the app-data folder, where a newcomer can find it again. */
    static final class WriteSample extends Task<Path> {
        private final Path file;

        WriteSample(Path file) {
            this.file = file;
            updateTitle("write-sample");
        }

        @Override
        protected Path call() throws Exception {
            return SampleDatabase.write(file).file();
        }
    }

    private final Path samples;
    private final Consumer<Path> onSample;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Failure> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper blocker = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LastRun> lastRun = new ReadOnlyObjectWrapper<>();
    private final java.util.function.BiConsumer<LastRun, String> onResume;

    WelcomeModel(Path samples, Consumer<Path> onSample, LastRun last, java.util.function.BiConsumer<LastRun, String> onResume) {
        this.samples = samples;
        this.onSample = onSample;
        this.onResume = onResume;
        lastRun.set(last);
        blocker.bind(javafx.beans.binding.Bindings.when(busy).then(Text.get("welcome.blocker.sample")).otherwise(""));
    }

    void trySample() {
        if (busy.get()) {
            return;
        }
        failure.set(null);
        busy.set(true);
        String name = "sample-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")) + ".sqlite";
        WriteSample task = new WriteSample(samples.resolve(name));
        task.setOnSucceeded(e -> {
            busy.set(false);
            onSample.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            busy.set(false);
            failure.set(Failure.of(task.getException()));
        });
        Jobs.start(task);
    }

    /** Loads the remembered run's file and target, plans it, and continues it on the Migrate page. */
    void resume(String password) {
        if (lastRun.get() != null && !busy.get()) {
            onResume.accept(lastRun.get(), password);
        }
    }

    /** The unfinished migration to offer Resume for, or null. */
    ReadOnlyObjectProperty<LastRun> lastRun() {
        return lastRun.getReadOnlyProperty();
    }

    void forgetLastRun() {
        lastRun.set(null);
    }

    ReadOnlyObjectProperty<Failure> failure() {
        return failure.getReadOnlyProperty();
    }

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
        return "nav.start";
    }
}
