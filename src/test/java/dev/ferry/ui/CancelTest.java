package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.run.MigrationEvent;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Cancel during the copy of a table too big to finish first: the page says "cancelled" in words,
 * Next stays shut with the reason, Back is open again, and the SQLite file is untouched.
 */
@ExtendWith(ApplicationExtension.class)
class CancelTest {

    static final long ROWS = 2_000_000;

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"));
    }

    @Test
    void cancelDuringCopyLeavesAClearCancelledState(FxRobot robot) throws Exception {
        Path file = dir.resolve("readings.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE readings (id INTEGER PRIMARY KEY, sensor TEXT NOT NULL, value REAL, note TEXT)",
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + ROWS + ") "
                            + "INSERT INTO readings SELECT i, 'sensor-' || (i % 97), i * 0.5, printf('%040d', i) FROM n");
        }
        FileTime before = Files.getLastModifiedTime(file);
        WizardDriver w = WizardDriver.of(robot, model);
        w.chooseSource(file);
        w.next();
        w.fillTarget(TestPostgres.get().freshDatabase());
        w.testConnection();
        w.next();
        w.untilPlanned();
        w.next();
        w.until(30, () -> model.options.blocker().get().isEmpty());
        // one table at a time, so even a fast machine is still copying when Cancel is pressed
        robot.clickOn("#auto-jobs");
        Spinner<Integer> jobs = robot.lookup("#jobs").query();
        robot.interact(() -> jobs.getValueFactory().setValue(1));
        w.next();
        w.until(120, () -> RunProgress.label(MigrationEvent.Phase.COPY).equals(model.migrate.phase().get()));
        robot.clickOn("#cancel");
        w.until(120, () -> !model.migrate.busy().get());

        assertEquals(MigrateModel.State.CANCELLED, model.migrate.state().get(), () -> String.valueOf(model.migrate.failure().get()));
        assertEquals("Cancelled", robot.lookup("#phase").queryAs(Label.class).getText());
        Callout outcome = robot.lookup("#outcome").queryAs(Callout.class);
        assertTrue(outcome.isVisible());
        assertEquals("The migration was cancelled.", outcome.title());
        assertTrue(robot.lookup("#next").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#reason").queryAs(Label.class).getText().contains("cancelled"));
        assertFalse(robot.lookup("#back").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#cancel").queryAs(Button.class).isDisabled());
        assertEquals(1, model.runOptions().jobs(), "the Options page set one job");
        assertTrue(model.migrate.tables().get(0).progress().get() < 1, "stopped before the end");
        assertEquals(before, Files.getLastModifiedTime(file), "the SQLite file is never written");
    }
}
