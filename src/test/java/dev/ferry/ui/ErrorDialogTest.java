package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** An exception nobody caught becomes one dialog with a plain sentence and the details behind an expander. */
@ExtendWith(ApplicationExtension.class)
class ErrorDialogTest {

    @TempDir
    Path dir;
    Thread.UncaughtExceptionHandler before;
    WizardModel model;

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"));
        before = Thread.getDefaultUncaughtExceptionHandler();
        ErrorDialog.install(stage);
    }

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(before);
    }

    @Test
    void anUncaughtExceptionIsToldPlainlyWithDetails(FxRobot robot) {
        WizardDriver w = WizardDriver.of(robot, model);
        Thread worker = new Thread(() -> {
            throw new IllegalStateException("boom in a worker");
        }, "test-worker");
        worker.start();
        w.until(10, () -> dialog(robot) != null);
        DialogPane pane = dialog(robot);
        assertTrue(pane.getHeaderText().startsWith("Something unexpected went wrong"), pane.getHeaderText());
        assertTrue(pane.getExpandableContent() != null, "the technical text is one click away");
        assertTrue(((javafx.scene.control.TextArea) pane.getExpandableContent()).getText().contains("boom in a worker"));
        robot.interact(() -> pane.getScene().getWindow().hide());
    }

    private static DialogPane dialog(FxRobot robot) {
        return robot.listWindows().stream().filter(Window::isShowing).map(win -> win.getScene().getRoot())
                .filter(DialogPane.class::isInstance).map(DialogPane.class::cast).findFirst().orElse(null);
    }
}
