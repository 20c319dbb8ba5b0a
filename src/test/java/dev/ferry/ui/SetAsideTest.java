package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * "Set rows aside" chosen on Review: the run verifies (the rows not rejected all arrived), but
 * neither Migrate nor Results may call it an all-clear. They say how many rows were set aside, in
 * which table and where, and Results opens the folder of the rejects file.
 */
@ExtendWith(ApplicationExtension.class)
class SetAsideTest {

    @TempDir
    Path dir;
    WizardModel model;
    final List<String> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"), opened::add);
    }

    @Test
    void rowsSetAsideAreNamedNotCalledAnAllClear(FxRobot robot) throws Exception {
        Path file = dir.resolve("bot.sqlite");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE scores (id INTEGER PRIMARY KEY, player TEXT, points INTEGER)",
                    "INSERT INTO scores (player, points) VALUES ('ann', 10), ('bob', 'n/a'), ('cy', 7), ('di', 'lots'), ('ed', 3)");
        }
        WizardDriver w = WizardDriver.of(robot, model);
        TargetAddress target = TestPostgres.get().freshDatabase();
        w.chooseSource(file);
        w.next();
        w.fillTarget(target);
        w.testConnection();
        w.next();
        w.untilPlanned();
        WizardDriver.openTab(robot, "problems-tab");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<String> choice = robot.lookup(".combo-box").match(n -> "resolution-scores.points".equals(n.getId()))
                .queryAs(ComboBox.class);
        robot.interact(() -> choice.setValue("reject")); // "Set rows aside"
        w.until(5, () -> model.review.planning().get() || !model.review.resolutions().isEmpty());
        w.untilPlanned();
        assertEquals("reject", model.review.plan().get().problems().stream()
                .filter(x -> x.kind() == dev.ferry.plan.Problem.Kind.DOES_NOT_FIT).findFirst().orElseThrow().resolution(),
                () -> model.review.plan().get().problems().toString());

        w.optionsAndRun();
        w.assertDone();
        assertEquals(2, model.migrate.result().get().rejectedRows());

        Callout outcome = robot.lookup("#outcome").queryAs(Callout.class);
        assertFalse(outcome.title().contains("Every table was copied and checked."), outcome.title());
        assertTrue(outcome.title().contains("2 rows were set aside"), outcome.title());

        w.next();
        Callout banner = robot.lookup("#banner").queryAs(Callout.class);
        assertFalse(banner.title().contains("Every table arrived"), banner.title());
        assertTrue(banner.title().contains("2 rows were set aside") && banner.title().contains("2 in scores"), banner.title());
        Path rejects = model.migrate.result().get().rejects();
        assertTrue(banner.description().contains(rejects.toString()), banner.description());
        assertTrue(banner.description().contains("Every other row arrived (3 in all)"), banner.description());

        Button open = robot.lookup("#open-rejects").queryAs(Button.class);
        assertTrue(open.isVisible());
        robot.clickOn(open);
        w.until(5, () -> !opened.isEmpty());
        assertEquals(rejects.toAbsolutePath().getParent().toUri().toString(), opened.get(0));
    }
}
