package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testing.ChinookLikeFixture;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A server that does not answer is told in one plain sentence, and Next stays shut with the reason. */
@ExtendWith(ApplicationExtension.class)
class ConnectionFailureTest {

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"));
    }

    @Test
    void nothingListeningOnPortOneIsToldPlainly(FxRobot robot) throws Exception {
        WizardDriver w = WizardDriver.of(robot, model);
        w.chooseSource(ChinookLikeFixture.write(dir));
        w.next();
        robot.interact(() -> {
            model.target.host().set("localhost");
            model.target.port().set("1");
            model.target.database().set("music");
            model.target.user().set("app");
        });
        w.testConnection();

        Callout shown = robot.lookup(".callout").queryAllAs(Callout.class).stream()
                .filter(c -> c.getParent().isVisible() && !c.title().isEmpty()).findFirst().orElseThrow();
        assertTrue(shown.title().contains("Nothing answered at localhost:1"), shown.title());
        assertTrue(shown.description().startsWith("Check the host and port"), shown.description());
        assertTrue(robot.lookup("#next").queryAs(Button.class).isDisabled());
        String reason = robot.lookup("#reason").queryAs(Label.class).getText();
        assertTrue(reason.contains("The connection test failed"), reason);
    }
}
