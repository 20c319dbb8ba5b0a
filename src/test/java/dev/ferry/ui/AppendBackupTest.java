package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.run.Migration;
import dev.ferry.run.Options;
import dev.ferry.run.Result;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import dev.ferry.verify.TableCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Options' "add the rows" into tables an earlier run made, with a backup copy of the SQLite file
 * written first; and a backup that cannot be written stops the run before PostgreSQL is touched.
 */
@ExtendWith(ApplicationExtension.class)
class AppendBackupTest {

    static final Map<String, Long> ROWS = Map.of("readings", 500L, "notes", 3L);

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"));
    }

    /** Tables without keys, so the same rows can be added twice. */
    private Path source() throws Exception {
        Path file = dir.resolve("readings.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE readings (sensor TEXT NOT NULL, value REAL)",
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) "
                            + "INSERT INTO readings SELECT 'sensor-' || (i % 7), i * 0.5 FROM n",
                    "CREATE TABLE notes (body TEXT)",
                    "INSERT INTO notes VALUES ('one'), ('two'), (NULL)");
        }
        return file;
    }

    /** Welcome → Source → Target → Review → Options, with the existing tables found. */
    private WizardDriver toOptions(FxRobot robot, Path file, TargetAddress target) {
        WizardDriver w = WizardDriver.of(robot, model);
        w.chooseSource(file);
        w.next();
        w.fillTarget(target);
        w.testConnection();
        w.next();
        w.untilPlanned();
        w.next();
        w.until(30, () -> !model.options.checking().get() && model.options.existing().get() != null);
        return w;
    }

    @Test
    void appendIntoExistingTablesAfterABackup(FxRobot robot) throws Exception {
        Path file = source();
        TargetAddress target = TestPostgres.get().freshDatabase();
        Migration first = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), null);
        Result r = first.run(first.preflight());
        assertTrue(r.verified(), "the first run, through the engine");

        WizardDriver w = toOptions(robot, file, target);
        assertEquals(2, model.options.existing().get().size(), () -> String.valueOf(model.options.existing().get()));
        assertFalse(model.options.blocker().get().isEmpty(), "Stop blocks Next while the tables exist");
        robot.clickOn("#if-exists-append");
        assertEquals(Options.IfExists.APPEND, model.options.ifExists().get());
        w.until(5, () -> model.options.blocker().get().isEmpty());

        assertNull(model.options.backupTo(), "no backup unless asked");
        robot.clickOn("#backup");
        Path backup = model.options.backupTo();
        assertEquals(dir.resolve("settings").resolve("backups"), backup.getParent());
        assertTrue(backup.getFileName().toString().matches("readings-\\d{8}-\\d{6}\\.sqlite"), backup.toString());
        assertTrue(robot.lookup("#backup-path").queryAs(Label.class).getText().contains(backup.toString()));
        assertFalse(Files.exists(backup.getParent()), "the backups folder is made by the run");

        w.next();
        w.until(180, () -> !model.migrate.busy().get());
        assertEquals(MigrateModel.State.DONE, model.migrate.state().get(), () -> String.valueOf(model.migrate.failure().get()));
        assertTrue(model.migrate.log().stream().anyMatch(l -> l.contains(Text.get("migrate.note.backup"))), "the log says so");
        w.next();

        assertEquals(WizardModel.RESULTS, model.index().get());
        TableView<TableCheck> table = robot.lookup("#results-table").queryTableView();
        Map<String, Long> shown = new HashMap<>();
        for (TableCheck t : table.getItems()) {
            assertEquals(t.sourceRows(), t.targetRows(), t.source());
            assertTrue(t.checksumMatch(), t.source());
            shown.put(t.source(), t.targetRows());
        }
        assertEquals(ROWS, shown, "the rows this run added, verified");
        assertTrue(model.migrate.result().get().verified());
        for (var e : ROWS.entrySet()) {
            assertEquals(2 * e.getValue(), HappyPathTest.count(target, e.getKey()), e.getKey() + " holds both runs' rows");
        }

        assertTrue(Files.isRegularFile(backup));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup); Statement s = c.createStatement()) {
            for (var e : ROWS.entrySet()) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + e.getKey())) {
                    rs.next();
                    assertEquals(e.getValue(), rs.getLong(1), "the backup's " + e.getKey());
                }
            }
        }
    }

    @Test
    void aBackupThatCannotBeWrittenStopsTheRunFirst(FxRobot robot) throws Exception {
        Path file = source();
        TargetAddress target = TestPostgres.get().freshDatabase();
        Path taken = Files.writeString(dir.resolve("taken.sqlite"), "mine");

        WizardDriver w = toOptions(robot, file, target);
        assertTrue(model.options.blocker().get().isEmpty(), "nothing exists yet");
        robot.clickOn("#backup");
        robot.interact(() -> model.options.chooseBackup(taken)); // what the save dialog would hand back
        w.next();
        w.until(60, () -> !model.migrate.busy().get());

        assertEquals(MigrateModel.State.FAILED, model.migrate.state().get());
        assertTrue(model.migrate.failure().get().message().startsWith("There is already a file at"),
                () -> model.migrate.failure().get().message());
        assertEquals("mine", Files.readString(taken), "never overwritten");
        assertTrue(model.migrate.log().stream().anyMatch(l -> l.contains("There is already a file at")), "the log says why");
        try (Connection c = TestPostgres.get().connect(target); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('readings', 'notes')")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "the migration did not start");
        }
    }
}
