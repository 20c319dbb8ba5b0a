package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.run.MigrationEvent;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import dev.ferry.verify.TableCheck;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javafx.scene.control.Button;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Cancel during the copy; starting again is refused in plain words with Resume and Undo offered;
 * Resume ends on equal counts and checksums; Undo from the Results page drops the run's table and
 * leaves a table that was there before. The Welcome page then offers no Resume any more.
 */
@ExtendWith(ApplicationExtension.class)
class ResumeUndoTest {

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"));
    }

    @Test
    void cancelRefusedResumeThenUndo(FxRobot robot) throws Exception {
        Path file = dir.resolve("readings.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE readings (id INTEGER PRIMARY KEY, sensor TEXT NOT NULL, value REAL, note TEXT)",
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + CancelTest.ROWS + ") "
                            + "INSERT INTO readings SELECT i, 'sensor-' || (i % 97), i * 0.5, printf('%040d', i) FROM n");
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        sql(target, "CREATE TABLE keep_me (id int PRIMARY KEY, note text)", "INSERT INTO keep_me VALUES (1, 'mine')");
        WizardDriver w = WizardDriver.of(robot, model);
        w.chooseSource(file);
        w.next();
        w.fillTarget(target);
        w.testConnection();
        w.next();
        w.untilPlanned();
        w.next();
        w.until(30, () -> model.options.blocker().get().isEmpty());
        robot.clickOn("#auto-jobs");
        Spinner<Integer> jobs = robot.lookup("#jobs").query();
        robot.interact(() -> jobs.getValueFactory().setValue(1));
        w.next();
        w.until(120, () -> RunProgress.label(MigrationEvent.Phase.COPY).equals(model.migrate.phase().get()));
        robot.clickOn("#cancel");
        w.until(120, () -> !model.migrate.busy().get());
        assertEquals(MigrateModel.State.CANCELLED, model.migrate.state().get(), () -> String.valueOf(model.migrate.failure().get()));
        assertTrue(robot.lookup("#resume").queryAs(Button.class).isVisible(), "the cancelled page offers Resume");
        assertTrue(robot.lookup("#migrate-undo").queryAs(Button.class).isVisible(), "and Undo");
        assertTrue(LastRun.load(model.settings) != null, "remembered for the Welcome page's Resume");

        // a new run of the same file is refused while the cancelled one is unfinished: Resume and Undo offered
        robot.clickOn("#back");
        w.until(30, () -> !model.options.checking().get());
        robot.clickOn("#if-exists-replace");
        w.next();
        w.until(120, () -> !model.migrate.busy().get());
        assertEquals(MigrateModel.State.UNFINISHED, model.migrate.state().get(), () -> String.valueOf(model.migrate.failure().get()));
        assertTrue(model.migrate.failure().get().message().contains("did not finish"), model.migrate.failure().get().message());
        assertTrue(model.migrate.failure().get().advice().startsWith("Resume continues it"));
        assertTrue(robot.lookup("#resume").queryAs(Button.class).isVisible());
        assertTrue(robot.lookup("#migrate-undo").queryAs(Button.class).isVisible());

        robot.clickOn("#resume");
        w.until(300, () -> !model.migrate.busy().get());
        assertEquals(MigrateModel.State.DONE, model.migrate.state().get(), () -> String.valueOf(model.migrate.failure().get()));
        w.next();
        TableView<TableCheck> table = robot.lookup("#results-table").queryTableView();
        TableCheck readings = table.getItems().get(0);
        assertEquals(CancelTest.ROWS, readings.sourceRows());
        assertEquals(readings.sourceRows(), readings.targetRows());
        assertTrue(readings.checksumMatch());
        assertEquals(CancelTest.ROWS, count(target, "SELECT count(DISTINCT id) FROM readings"), "no row twice");
        assertTrue(LastRun.load(model.settings) == null, "a finished run is not offered for Resume");

        // Undo from the Results page: the confirmation names the table; afterwards it is gone, keep_me is not
        robot.clickOn("#undo");
        w.until(30, () -> robot.lookup("#confirm-undo").tryQuery().isPresent());
        robot.clickOn("#confirm-undo");
        w.until(60, () -> !model.results.undo().done().get().isEmpty() || model.results.undo().failure().get() != null);
        assertEquals("Undone: 1 table removed.", model.results.undo().done().get(), () -> String.valueOf(model.results.undo().failure().get()));
        assertEquals("Undone: 1 table removed.", robot.lookup("#undo-outcome").queryAs(Callout.class).title());
        assertTrue(robot.lookup("#undo").queryAs(Button.class).isDisabled());
        assertEquals(0, count(target, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'readings'"));
        assertEquals(1, count(target, "SELECT count(*) FROM keep_me"), "a table that was there before is untouched");
        assertFalse(model.migrate.resumable().get());
    }

    static void sql(TargetAddress a, String... statements) throws Exception {
        try (Connection c = TestPostgres.get().connect(a); Statement s = c.createStatement()) {
            for (String q : statements) {
                s.execute(q);
            }
        }
    }

    static long count(TargetAddress a, String query) throws Exception {
        try (Connection c = TestPostgres.get().connect(a); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
