package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ferry.testing.ChinookLikeFixture;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * `ferry bot.db` in a terminal, or "Open with Ferry" in a file manager (the .desktop entry's %f):
 * the window the launcher builds starts on the Source step with that file chosen and read.
 */
@ExtendWith(ApplicationExtension.class)
class OpenWithFileTest {

    @TempDir
    Path dir;
    Path file;
    Stage stage;
    WizardModel model;
    Thread.UncaughtExceptionHandler before;
    Thread.UncaughtExceptionHandler beforeOnFxThread;

    @Start
    void start(Stage stage) throws Exception {
        file = ChinookLikeFixture.write(dir);
        before = Thread.getDefaultUncaughtExceptionHandler();
        beforeOnFxThread = Thread.currentThread().getUncaughtExceptionHandler();
        this.stage = stage;
        // as a terminal passes it: relative to the working directory
        String argument = Path.of("").toAbsolutePath().relativize(file).toString();
        model = new FerryApp().show(stage, dir.resolve("settings"), List.of(argument));
    }

    @AfterEach
    void restore(FxRobot robot) {
        Thread.setDefaultUncaughtExceptionHandler(before);
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(beforeOnFxThread));
    }

    @Test
    void theWizardStartsOnSourceWithTheFileChosen(FxRobot robot) {
        WizardDriver w = WizardDriver.of(robot, model);
        w.until(10, () -> model.index().get() == WizardModel.SOURCE);
        w.until(60, () -> model.source.summary().get() != null || model.source.failure().get() != null);
        assertNull(model.source.failure().get());
        assertEquals(file.toAbsolutePath().normalize(), model.source.file().get());
        assertEquals(file.toAbsolutePath().normalize().toString(),
                robot.lookup("#source-path").queryAs(TextField.class).getText());
        assertEquals(ChinookLikeFixture.expectedRows().size(), model.source.summary().get().tables().size());
        assertFalse(robot.lookup("#next").queryAs(Button.class).isDisabled(), "Next leads on to PostgreSQL");
        assertEquals(3, stage.getIcons().size(), "the window carries Ferry's icon");
    }
}
