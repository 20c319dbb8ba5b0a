package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.verify.TableCheck;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The newcomer's way in: "Try with a sample database" writes the sample, selects the private
 * temporary PostgreSQL, and Next all the way through ends on a verified result, with no setup.
 */
@ExtendWith(ApplicationExtension.class)
class SampleRehearsalTest {

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"));
    }

    @AfterEach
    void removePrivateServer() {
        model.close();
    }

    @Test
    void theSampleRehearsesWithoutAnySetup(FxRobot robot) {
        WizardDriver w = WizardDriver.of(robot, model);
        robot.clickOn("#sample");
        w.until(60, () -> model.source.summary().get() != null);
        assertEquals(WizardModel.SOURCE, model.index().get());
        assertTrue(model.source.file().get().startsWith(dir.resolve("settings").resolve("samples")));
        assertEquals(6, model.source.summary().get().tables().size());
        w.next();
        assertTrue(model.target.rehearse().get(), "the private PostgreSQL is selected");
        w.next();
        w.toResults();
        for (TableCheck t : model.results.result().get().tables()) {
            assertTrue(t.checksumMatch(), t.source());
        }
        assertTrue(model.results.connectionString().startsWith("postgresql://postgres@localhost:"));

        // issue #17: the Final sync row was greyed after a rehearsal without a word why
        assertTrue(robot.lookup("#final-sync").queryAs(javafx.scene.control.Button.class).isDisabled());
        javafx.scene.control.Label why = robot.lookup("#final-sync-why").queryAs(javafx.scene.control.Label.class);
        assertTrue(why.isVisible() && why.getText().contains("Not after a rehearsal"), why.getText());

        // issue #17: "Report saved" is said on the page, not in a pop-up over Finish
        Path report = dir.resolve("report.html");
        robot.interact(() -> model.results.saveReport(report));
        w.until(30, () -> !model.results.saved().get().isEmpty());
        robot.interact(() -> { });
        javafx.scene.control.Label notice = robot.lookup("#results-notice").queryAs(javafx.scene.control.Label.class);
        assertTrue(notice.isVisible() && notice.getText().contains(report.toString()), notice.getText());
        assertEquals(1, javafx.stage.Window.getWindows().size(), "no pop-up window over the wizard");

        // issue #17: Finish is not the only way on; "Migrate another file" starts again at Source, cleared
        robot.clickOn("#another");
        assertEquals(WizardModel.SOURCE, model.index().get());
        assertEquals(null, model.source.file().get(), "no file chosen yet");
        assertEquals(null, model.review.plan().get(), "the last file's plan is gone");
        assertTrue(model.target.rehearse().get(), "the target stays as it was");
        assertTrue(robot.lookup("#next").queryAs(javafx.scene.control.Button.class).isDisabled(), "Next waits for a file");
        Path again = model.settings.recentFiles().get(0);
        javafx.scene.control.TextField path = robot.lookup("#source-path").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> path.setText(again.toString()));
        robot.clickOn(path).type(javafx.scene.input.KeyCode.ENTER);
        w.until(60, () -> model.source.summary().get() != null);
        assertEquals(6, model.source.summary().get().tables().size());
    }
}
