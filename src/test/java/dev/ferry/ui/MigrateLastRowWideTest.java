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
 * MigrateLastRowTest on a wide window (1366×850 showed Track, Chinook's last table, as half a row;
 * the test screen holds 1280×800): whole rows, and the last table's row inside the list after the run.
 */
@ExtendWith(ApplicationExtension.class)
class MigrateLastRowWideTest {

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
    void close() {
        model.close();
    }

    @Test
    void theLastTablesRowIsWholeInTheListAfterTheRun(FxRobot robot) throws Exception {
        assertEquals(List.of(), MigrateLastRowTest.lastRowShown(robot, model, dir));
    }
}
