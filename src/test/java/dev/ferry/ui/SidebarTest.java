package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue #17: after a rehearsal, getting back to Source took four Backs. A done step in the sidebar
 * is a link back to it, by mouse or by keyboard; a step still to come is not, as it needs the ones before.
 */
@ExtendWith(ApplicationExtension.class)
class SidebarTest {

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"));
    }

    @AfterEach
    void removePrivateServer() {
        model.close();
    }

    @Test
    void aDoneStepIsOneClickAway(FxRobot robot) {
        WizardDriver w = WizardDriver.of(robot, model);
        robot.clickOn("#sample");
        w.until(60, () -> model.source.summary().get() != null);
        w.next();
        assertEquals(WizardModel.TARGET, model.index().get());

        Label review = robot.lookup("#step-review").queryAs(Label.class);
        assertFalse(review.isFocusTraversable(), "a step still to come is not a link");
        robot.clickOn(review);
        assertEquals(WizardModel.TARGET, model.index().get(), "clicking a later step does nothing");

        Label welcome = robot.lookup("#step-welcome").queryAs(Label.class);
        assertTrue(welcome.isFocusTraversable(), "a done step takes the keyboard");
        assertTrue(welcome.getTooltip() != null && welcome.getTooltip().getText().contains("Welcome"), "and says where it goes");
        robot.clickOn("#step-welcome");
        assertEquals(WizardModel.WELCOME, model.index().get(), "two steps back in one click");
        assertTrue(model.source.file().get() != null, "what was chosen is kept");

        w.next();
        w.next();
        assertEquals(WizardModel.TARGET, model.index().get());
        robot.interact(() -> robot.lookup("#step-source").queryAs(Label.class).requestFocus());
        robot.type(KeyCode.SPACE);
        assertEquals(WizardModel.SOURCE, model.index().get(), "Space on a focused done step goes back to it");
    }
}
