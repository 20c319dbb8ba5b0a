package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.ResultSet;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Final sync on the Results page: after the migration the app wrote on to SQLite; "Final sync…"
 * asks first, then writes only what changed and says so, with how long the app had to be stopped.
 * When someone else wrote to the tables in PostgreSQL since, nothing changes until "Sync anyway…"
 * gets a second yes.
 */
@ExtendWith(ApplicationExtension.class)
class FinalSyncTest {

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"));
    }

    @Test
    void finalSyncBringsOverWhatChangedAndAsksTwiceWhenOthersWrote(FxRobot robot) throws Exception {
        WizardDriver w = WizardDriver.of(robot, model);
        Path file = dir.resolve("bot.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE guild (id INTEGER PRIMARY KEY, name TEXT)", "INSERT INTO guild VALUES (1, 'a'), (2, 'b')");
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        w.toResults(file, target);

        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("UPDATE guild SET name = 'b2' WHERE id = 2", "INSERT INTO guild VALUES (3, 'c')");
        }
        robot.clickOn("#final-sync");
        w.until(30, () -> robot.lookup("#confirm-sync").tryQuery().isPresent());
        robot.clickOn("#confirm-sync");
        Callout outcome = robot.lookup("#final-sync-outcome").queryAs(Callout.class);
        w.until(60, outcome::isVisible);
        assertTrue(outcome.description().contains("1 row added, 1 changed, 0 deleted")
                && outcome.description().contains("had to be stopped for"), outcome.description());
        assertEquals("b2", name(target, 2));
        assertFalse(robot.lookup("#final-sync-anyway").queryAs(Button.class).isVisible());

        try (var c = TestPostgres.get().connect(target); var s = c.createStatement()) {
            s.execute("INSERT INTO public.guild VALUES (9, 'written in PostgreSQL')");
        }
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("DELETE FROM guild WHERE id = 1");
        }
        robot.clickOn("#final-sync");
        w.until(30, () -> robot.lookup("#confirm-sync").tryQuery().isPresent());
        robot.clickOn("#confirm-sync");
        Button anyway = robot.lookup("#final-sync-anyway").queryAs(Button.class);
        w.until(60, anyway::isVisible);
        assertEquals("a", name(target, 1), "refused: nothing changed");
        robot.clickOn("#final-sync-anyway");
        w.until(30, () -> robot.lookup("#confirm-sync-anyway").tryQuery().isPresent());
        robot.clickOn("#confirm-sync-anyway");
        w.until(60, () -> outcome.isVisible() && !anyway.isVisible());
        assertTrue(outcome.description().contains("0 rows added, 0 changed, 2 deleted"), outcome.description());
        assertEquals(null, name(target, 9));
        assertEquals(null, name(target, 1));
    }

    private static String name(TargetAddress db, int id) throws Exception {
        try (var c = TestPostgres.get().connect(db); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM public.guild WHERE id = " + id)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
