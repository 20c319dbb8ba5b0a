package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * DropDownsTest on a wide window (1366×850 in the screenshots; the test screen holds 1280×800):
 * every drop-down of the wizard opened, each entry whole in its open list, inside the window.
 */
@ExtendWith(ApplicationExtension.class)
class DropDownsWideTest {

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        FerryApp.applyTheme(false);
        model = new WizardModel(dir.resolve("settings"));
        stage.setScene(new Wizard(model, uri -> { }).scene(1240, 780));
        stage.show();
    }

    @AfterEach
    void removePrivateServer() {
        model.close();
    }

    @Test
    void everyOpenListShowsItsEntriesWhole(FxRobot robot) throws Exception {
        assertEquals(List.of(), DropDownsTest.everyDropDown(robot, model, dir));
    }
}
