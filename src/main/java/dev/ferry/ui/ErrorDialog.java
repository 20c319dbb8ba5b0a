package dev.ferry.ui;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place an unexpected exception ends up, from any thread: logged in full, and told to the
 * user in a sentence with the technical text behind "Show Details". One dialog at a time, so a
 * failure repeated on every frame cannot bury the window.
 */
final class ErrorDialog {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorDialog.class);
    private static boolean showing;

    private ErrorDialog() {
    }

    static void install(Window owner) {
        Thread.UncaughtExceptionHandler handler = (thread, e) -> {
            LOG.error("Unexpected failure on thread {}", thread.getName(), e);
            // later, never inside the pulse that failed: a dialog cannot open during layout
            Platform.runLater(() -> show(owner, e));
        };
        Thread.setDefaultUncaughtExceptionHandler(handler);
        Thread.currentThread().setUncaughtExceptionHandler(handler);
    }

    static void show(Window owner, Throwable e) {
        if (showing) {
            return;
        }
        showing = true;
        Failure f = Failure.of(e);
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(Text.get("error.dialog.title"));
        alert.setHeaderText(f.message());
        alert.setContentText((f.advice() == null ? "" : f.advice() + "\n\n") + Text.get("error.dialog.log", LogFolder.path()));
        TextArea details = new TextArea(f.details());
        details.setEditable(false);
        details.setWrapText(false);
        details.setPrefRowCount(14);
        details.setAccessibleText(Text.get("error.details"));
        alert.getDialogPane().setExpandableContent(details);
        alert.setOnHidden(ev -> showing = false);
        alert.show();
    }
}
