package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testing.ChinookLikeFixture;
import java.nio.file.Path;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The first steps without a mouse: Enter for the default action, Alt+letter mnemonics, Tab. */
@ExtendWith(ApplicationExtension.class)
class KeyboardTest {

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"));
    }

    @Test
    void enterGoesOnAndMnemonicsReachTheirControls(FxRobot robot) throws Exception {
        WizardDriver w = WizardDriver.of(robot, model);
        Path file = ChinookLikeFixture.write(dir);
        robot.type(KeyCode.ENTER);
        w.until(5, () -> model.index().get() == WizardModel.SOURCE);

        w.until(5, () -> robot.lookup("#choose-file").query().isFocused());
        robot.type(KeyCode.TAB); // from "Choose a file…" to the path field
        TextField path = robot.lookup("#source-path").queryAs(TextField.class);
        assertTrue(path.isFocused(), "Tab reaches the path field");
        robot.interact(() -> path.setText(file.toString()));
        robot.type(KeyCode.ENTER);
        w.until(30, () -> model.source.summary().get() != null);
        robot.type(KeyCode.ENTER); // the same file again: Enter now means Next
        w.until(5, () -> model.index().get() == WizardModel.TARGET);
        assertTrue(robot.lookup("#host").query().isFocused(), "the form starts at Host, never on Back");

        // Alt+R reaches the check box (JavaFX focuses it; Space ticks it), Alt+N and Alt+B are Next and Back
        robot.press(KeyCode.ALT).type(KeyCode.R).release(KeyCode.ALT);
        robot.type(KeyCode.SPACE);
        w.until(5, () -> model.target.rehearse().get());
        robot.press(KeyCode.ALT).type(KeyCode.N).release(KeyCode.ALT);
        w.until(5, () -> model.index().get() == WizardModel.REVIEW);
        robot.press(KeyCode.ALT).type(KeyCode.B).release(KeyCode.ALT);
        w.until(5, () -> model.index().get() == WizardModel.TARGET);
        assertEquals(true, model.target.rehearse().get());
    }

    @Test
    void enterInThePasswordFieldTestsTheConnection(FxRobot robot) throws Exception {
        WizardDriver w = WizardDriver.of(robot, model);
        w.chooseSource(ChinookLikeFixture.write(dir));
        w.next();
        w.until(5, () -> model.index().get() == WizardModel.TARGET);
        for (String[] f : new String[][] {{"#host", "127.0.0.1"}, {"#port", "1"}, {"#database", "app"}, {"#user", "me"}}) {
            TextField t = robot.lookup(f[0]).queryAs(TextField.class);
            robot.interact(() -> t.setText(f[1]));
        }
        robot.clickOn("#password").write("secret").type(KeyCode.ENTER);
        w.until(60, () -> model.target.failure().get() != null);
        assertEquals(WizardModel.TARGET, model.index().get(), "Enter tested the connection rather than going on");
    }
}
