package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue #16: UUIDs in text that stay text because some are written in upper case are a thing to
 * know on Review, saying where to choose uuid anyway in the wizard's words, not the command line's.
 */
@ExtendWith(ApplicationExtension.class)
class UuidKeptAsTextReviewTest {

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"));
    }

    @Test
    void thingsToKnowSayWhyTheUuidsStayText(FxRobot robot) throws Exception {
        Path file = dir.resolve("tokens.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE users (id INTEGER PRIMARY KEY, token TEXT)",
                    "INSERT INTO users VALUES (1, 'F47AC10B-58CC-4372-A567-0E02B2C3D479'), "
                            + "(2, '0b7e6c1a-3f2d-4c5e-9a8b-1d2e3f4a5b6c')");
        }
        WizardDriver w = WizardDriver.of(robot, model);
        w.chooseSource(file);
        w.next();
        w.fillTarget(TestPostgres.get().freshDatabase());
        w.testConnection();
        w.next();
        w.untilPlanned();

        Set<String> shown = robot.lookup("#problems .cell-text").queryAllAs(javafx.scene.text.Text.class).stream()
                .map(javafx.scene.text.Text::getText).filter(t -> t != null && !t.isBlank()).collect(Collectors.toSet());
        assertTrue(shown.contains("users.token stays text: 1 of 2 values are UUIDs written in upper case; as uuid they "
                + "would come back in lower case with hyphens (8-4-4-4-12). To make it uuid anyway, choose uuid for "
                + "users.token on the \u201cTables and columns\u201d tab.\nFor example: F47AC10B-58CC-4372-A567-0E02B2C3D479"),
                shown.toString());
        assertTrue(shown.contains(Ui.WARN + " UUIDs kept as text"), shown.toString());
    }
}
