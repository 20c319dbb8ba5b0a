package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.ChinookLikeFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.stream.Collectors;
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
 * After Undo on Results the page tells one story: no "Every table arrived… Connect with…" above
 * "Undone: 8 tables removed", no connection string to copy to tables that are gone, and a plain
 * word on the journal schema Ferry keeps.
 */
@ExtendWith(ApplicationExtension.class)
class UndoResultsTest {

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"));
    }

    @Test
    void afterUndoThePageNoLongerSaysEverythingArrived(FxRobot robot) throws Exception {
        WizardDriver w = WizardDriver.of(robot, model);
        TargetAddress target = TestPostgres.get().freshDatabase();
        w.toResults(ChinookLikeFixture.write(dir), target);
        assertTrue(shown(robot).contains("Every table arrived"), shown(robot));

        robot.clickOn("#undo");
        w.until(30, () -> robot.lookup("#confirm-undo").tryQuery().isPresent());
        robot.clickOn("#confirm-undo");
        w.until(60, () -> !model.results.undo().done().get().isEmpty() || model.results.undo().failure().get() != null);
        assertEquals("Undone: 8 tables removed.", model.results.undo().done().get(),
                () -> String.valueOf(model.results.undo().failure().get()));

        String page = shown(robot);
        assertFalse(page.contains("Every table arrived"), page);
        assertFalse(page.contains("Connect with"), page);
        assertTrue(page.contains("Undone: 8 tables removed."), page);
        assertTrue(page.contains("now removed by Undo"), page);
        Callout outcome = robot.lookup("#undo-outcome").queryAs(Callout.class);
        assertTrue(outcome.description().contains("ferry_journal"), outcome.description());
        assertTrue(robot.lookup("#copy-connection").queryAs(Button.class).isDisabled());
    }

    /** The text of every visible label, button and tab header on the page, parents included. */
    private static String shown(FxRobot robot) {
        return robot.lookup(n -> n instanceof Labeled && n.isVisible() && n.getParent() != null && n.getParent().isVisible())
                .queryAllAs(Labeled.class).stream().filter(l -> visible(l)).map(Labeled::getText).filter(t -> t != null)
                .collect(Collectors.joining("\n"));
    }

    private static boolean visible(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
