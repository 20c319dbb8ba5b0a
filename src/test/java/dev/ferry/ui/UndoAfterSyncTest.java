package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Undo on Results after a Final sync (issue #17): the sync added a row, so the tables hold more
 * rows than the migration copied and Undo first refuses, naming the table and saying the sync's
 * rows are among those; "Undo anyway" then drops the table with them. What the page says after
 * must be true: which tables went, that the rows the sync brought over went too, and no more
 * "PostgreSQL is up to date" from the sync, whose tables are gone.
 */
@ExtendWith(ApplicationExtension.class)
class UndoAfterSyncTest {

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"));
    }

    @Test
    void undoAfterAFinalSyncSaysTheSyncedRowsGoToo(FxRobot robot) throws Exception {
        WizardDriver w = WizardDriver.of(robot, model);
        Path file = dir.resolve("bot.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE guild (id INTEGER PRIMARY KEY, name TEXT)", "INSERT INTO guild VALUES (1, 'a'), (2, 'b')");
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        w.toResults(file, target);
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("INSERT INTO guild VALUES (3, 'c')");
        }
        robot.clickOn("#final-sync");
        w.until(30, () -> robot.lookup("#confirm-sync").tryQuery().isPresent());
        robot.clickOn("#confirm-sync");
        Callout synced = robot.lookup("#final-sync-outcome").queryAs(Callout.class);
        w.until(60, synced::isVisible);
        assertTrue(synced.description().contains("1 row added"), synced.description());
        assertEquals(3, rows(target));

        robot.clickOn("#undo");
        w.until(30, () -> robot.lookup("#confirm-undo").tryQuery().isPresent());
        robot.clickOn("#confirm-undo");
        w.until(60, () -> model.results.undo().grown().get() != null || model.results.undo().failure().get() != null);
        Callout outcome = robot.lookup("#undo-outcome").queryAs(Callout.class);
        assertEquals("Nothing was removed: rows were added to these tables after the migration, and undo would delete them too.",
                outcome.title());
        assertTrue(outcome.description().contains("table guild has 3 rows now, the run copied 2.")
                && outcome.description().contains("The final sync brought rows over after the migration: they are among "
                + "these, and Undo anyway removes them with the tables."), outcome.description());
        assertEquals(3, rows(target), "refused: nothing dropped yet");

        robot.clickOn("#undo-anyway");
        w.until(30, () -> robot.lookup("#confirm-undo-anyway").tryQuery().isPresent());
        robot.clickOn("#confirm-undo-anyway");
        w.until(60, () -> !model.results.undo().done().get().isEmpty() || model.results.undo().failure().get() != null);
        assertEquals("Undone: 1 table removed.", model.results.undo().done().get(),
                () -> String.valueOf(model.results.undo().failure().get()));
        assertEquals("Undone: 1 table removed.", outcome.title());
        assertTrue(outcome.description().startsWith("The rows the final sync brought over went with the tables. "
                + "PostgreSQL is as it was before this migration"), outcome.description());
        assertNull(rows(target), "the table is gone, with the synced row");

        String page = shown(robot);
        assertFalse(synced.isVisible(), "the sync's “up to date” no longer holds");
        assertFalse(page.contains("PostgreSQL is up to date") || page.contains("Every table arrived"), page);
        assertTrue(page.contains("Nothing to sync: Undo removed the tables."), page);
        assertTrue(robot.lookup("#final-sync").queryAs(Button.class).isDisabled());
    }

    /** The rows of guild in PostgreSQL, or null when the table is gone. */
    private static Integer rows(TargetAddress db) throws Exception {
        try (var c = TestPostgres.get().connect(db); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_regclass('public.guild') IS NULL")) {
            rs.next();
            if (rs.getBoolean(1)) {
                return null;
            }
        }
        try (var c = TestPostgres.get().connect(db); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM public.guild")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The text of every label and button the user can see on the page. */
    private static String shown(FxRobot robot) {
        return robot.lookup(n -> n instanceof Labeled && visible(n)).queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null).collect(Collectors.joining("\n"));
    }

    private static boolean visible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
