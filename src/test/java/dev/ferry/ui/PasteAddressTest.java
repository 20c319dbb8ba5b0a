package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.ChinookLikeFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A connection string pasted into Host (as hosting services hand them out) fills the fields, its
 * password goes to the password field and never stays in Host; a connection that passed its test
 * is there again at the next launch, without its password.
 */
@ExtendWith(ApplicationExtension.class)
class PasteAddressTest {

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"));
    }

    @Test
    void aPastedAddressFillsTheFieldsAndHidesItsPassword(FxRobot robot) throws Exception {
        WizardDriver w = WizardDriver.of(robot, model);
        w.chooseSource(ChinookLikeFixture.write(dir));
        w.next();
        paste(robot, "postgresql://app:s3cret%21@db.example.com:6543/shop?sslmode=require");
        assertEquals("db.example.com", text(robot, "#host"));
        assertEquals("6543", text(robot, "#port"));
        assertEquals("shop", text(robot, "#database"));
        assertEquals("app", text(robot, "#user"));
        assertEquals("s3cret!", robot.lookup("#password").queryAs(PasswordField.class).getText());
        assertEquals("require", model.target.sslMode().get());

        paste(robot, "jdbc:postgresql://localhost:5433/music?user=bob&password=pw");
        assertEquals("localhost", text(robot, "#host"));
        assertEquals("5433", text(robot, "#port"));
        assertEquals("music", text(robot, "#database"));
        assertEquals("bob", text(robot, "#user"));
        assertEquals("pw", model.target.password().get());

        paste(robot, "postgresql://app:topsecret@[::1/shop");
        assertFalse(text(robot, "#host").contains("topsecret"), text(robot, "#host"));
        assertNotNull(model.target.failure().get());
        assertFalse(model.target.failure().get().advice().contains("topsecret"), model.target.failure().get().advice());
    }

    @Test
    void aTestedConnectionIsRememberedWithoutItsPassword(FxRobot robot) throws Exception {
        WizardDriver w = WizardDriver.of(robot, model);
        w.chooseSource(ChinookLikeFixture.write(dir));
        w.next();
        TargetAddress target = TestPostgres.get().freshDatabase();
        w.fillTarget(target);
        robot.interact(() -> model.target.password().set("not-kept-anywhere"));
        w.testConnection();
        assertNotNull(model.target.report().get(), () -> String.valueOf(model.target.failure().get()));

        WizardModel[] later = new WizardModel[1];
        robot.interact(() -> later[0] = new WizardModel(dir.resolve("settings")));
        assertEquals(target.host(), later[0].target.host().get());
        assertEquals(String.valueOf(target.port()), later[0].target.port().get());
        assertEquals(target.database(), later[0].target.database().get());
        assertEquals(target.user(), later[0].target.user().get());
        assertEquals("", later[0].target.password().get());
        try (Stream<Path> files = Files.walk(dir.resolve("settings"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(f).contains("not-kept-anywhere"), f.toString());
            }
        }
    }

    /** As a paste arrives: the whole text at once. */
    private static void paste(FxRobot robot, String text) {
        TextField host = robot.lookup("#host").queryAs(TextField.class);
        robot.interact(() -> host.setText(text));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class).getText();
    }
}
