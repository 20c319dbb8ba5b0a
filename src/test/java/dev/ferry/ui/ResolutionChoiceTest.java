package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Problem;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A problem whose resolution the user changes on Review: text in an INTEGER column widens it by
 * default; the user picks "store NULL" instead, the plan follows, and PostgreSQL gets a bigint
 * column with NULL where the text was, while Results still shows every table verified.
 */
@ExtendWith(ApplicationExtension.class)
class ResolutionChoiceTest {

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"));
    }

    @Test
    void aResolutionChosenOnReviewIsWhatRuns(FxRobot robot) throws Exception {
        Path file = dir.resolve("bot.sqlite");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE scores (id INTEGER PRIMARY KEY, player TEXT, points INTEGER)",
                    "INSERT INTO scores (player, points) VALUES ('ann', 10), ('bob', 'n/a'), ('cy', 7)");
        }
        WizardDriver w = WizardDriver.of(robot, model);
        TargetAddress target = TestPostgres.get().freshDatabase();
        w.chooseSource(file);
        w.next();
        w.fillTarget(target);
        w.testConnection();
        w.next();
        w.untilPlanned();
        assertEquals("text", model.review.plan().get().table("scores").orElseThrow().column("points").type().sql());

        WizardDriver.openTab(robot, "problems-tab");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<String> choice = robot.lookup(".combo-box").match(n -> "resolution-scores.points".equals(n.getId()))
                .queryAs(ComboBox.class);
        assertEquals(List.of("widen", "null", "reject", "stop"), choice.getItems());
        assertEquals("widen", choice.getValue());
        robot.clickOn(choice).type(KeyCode.DOWN).type(KeyCode.ENTER); // the next choice: store NULL
        w.until(5, () -> model.review.planning().get() || !model.review.resolutions().isEmpty());
        w.untilPlanned();
        assertEquals("bigint", model.review.plan().get().table("scores").orElseThrow().column("points").type().sql());
        Problem p = model.review.plan().get().problems().stream().filter(x -> x.kind() == Problem.Kind.DOES_NOT_FIT)
                .findFirst().orElseThrow();
        assertEquals("null", p.resolution());

        w.optionsAndRun();
        w.assertDone();
        assertTrue(model.migrate.result().get().verified());
        List<String> points = new ArrayList<>();
        try (Connection c = TestPostgres.get().connect(target); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT points, pg_typeof(points)::text FROM scores ORDER BY id")) {
            while (rs.next()) {
                points.add(rs.getString(1) + ":" + rs.getString(2));
            }
        }
        assertEquals(List.of("10:bigint", "null:bigint", "7:bigint"), points);
        assertTrue(java.nio.file.Files.readString(model.migrate.result().get().rejects()).contains("\"value\":\"n/a\""));
    }
}
