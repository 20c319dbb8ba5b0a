package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.ChinookLikeFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The failures a newcomer meets first (a wrong or missing password, a database that is not there,
 * a file that moved), triggered for real: the wizard tells what to do with its own fields and
 * buttons, and no word of the command line's (an option, PGPASSWORD, ~/.pgpass, the terminal)
 * reaches the page.
 */
@ExtendWith(ApplicationExtension.class)
class WizardWordsTest {

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"));
    }

    @Test
    void aWrongPasswordIsToldWithTheWizardsFields(FxRobot robot) throws Exception {
        WizardDriver w = onTarget(robot);
        fill(robot, passwordRole(), "not-the-password");
        w.testConnection();
        assertTrue(model.target.failure().get().message().contains("rejected the password"), model.target.failure().get().message());
        assertEquals("Check the password and the user name.", model.target.failure().get().advice());
        assertNoCommandLine(robot);
    }

    @Test
    void noPasswordAsksForThePasswordField(FxRobot robot) throws Exception {
        WizardDriver w = onTarget(robot);
        fill(robot, passwordRole(), "");
        w.testConnection();
        assertTrue(model.target.failure().get().advice().contains("Password field"), model.target.failure().get().advice());
        assertNoCommandLine(robot);
    }

    @Test
    void aMissingDatabaseCanBeCreatedWithCreateIt(FxRobot robot) throws Exception {
        WizardDriver w = onTarget(robot);
        TargetAddress db = TestPostgres.get().freshDatabase();
        TargetAddress missing = TestPostgres.withDatabase(db, db.database() + "_new");
        w.fillTarget(missing);
        w.testConnection();
        assertTrue(model.target.failure().get().message().contains("There is no database"), model.target.failure().get().message());
        assertTrue(model.target.failure().get().advice().contains("Create the database"), model.target.failure().get().advice());
        assertNoCommandLine(robot);

        Button create = robot.lookup("#create-database").queryAs(Button.class);
        assertTrue(create.isVisible());
        robot.clickOn(create);
        w.until(60, () -> model.target.report().get() != null || (!model.target.testing().get() && model.target.failure().get() != null
                && !model.target.databaseMissing()));
        assertNotNull(model.target.report().get(), () -> String.valueOf(model.target.failure().get()));
        assertEquals(List.of("1"), TestPostgres.get().rows(missing, "SELECT 1"));
        assertFalse(create.isVisible());
    }

    @Test
    void aMissingFileIsChosenAgain(FxRobot robot) {
        WizardDriver w = WizardDriver.of(robot, model);
        w.next();
        TextField path = robot.lookup("#source-path").queryAs(TextField.class);
        robot.interact(() -> path.setText(dir.resolve("moved-away.sqlite").toString()));
        robot.clickOn(path).type(KeyCode.ENTER);
        w.until(30, () -> model.source.failure().get() != null);
        assertTrue(model.source.failure().get().advice().contains("Choose the file again"), model.source.failure().get().advice());
        assertNoCommandLine(robot);
    }

    private WizardDriver onTarget(FxRobot robot) throws Exception {
        WizardDriver w = WizardDriver.of(robot, model);
        w.chooseSource(ChinookLikeFixture.write(dir));
        w.next();
        return w;
    }

    /** The role the embedded server asks a password of, with a password that is not the one typed. */
    private static TargetAddress passwordRole() {
        TestPostgres.get().execute("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
                + TestPostgres.PASSWORD_ROLE + "') THEN CREATE ROLE " + TestPostgres.PASSWORD_ROLE
                + " LOGIN PASSWORD 'right-one'; END IF; END$$");
        TargetAddress db = TestPostgres.get().freshDatabase();
        return new TargetAddress(db.host(), db.port(), db.database(), TestPostgres.PASSWORD_ROLE, db.params(), db.passwordInUrl());
    }

    private void fill(FxRobot robot, TargetAddress a, String password) {
        robot.interact(() -> {
            model.target.host().set(a.host());
            model.target.port().set(String.valueOf(a.port()));
            model.target.database().set(a.database());
            model.target.user().set(a.user());
            model.target.password().set(password);
        });
    }

    /** Every text shown on the page (labels, callouts, buttons), none with the command line's words. */
    private static void assertNoCommandLine(FxRobot robot) {
        String shown = robot.lookup(n -> n instanceof Labeled && n.isVisible()).queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null).collect(Collectors.joining("\n"));
        assertFalse(shown.isBlank());
        assertFalse(Advice.COMMAND_LINE.matcher(shown).find(), shown);
    }
}
