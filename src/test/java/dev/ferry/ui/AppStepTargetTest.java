package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.AppDatabases;
import dev.ferry.testing.TestPostgres;
import dev.ferry.verify.AppReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * "Your app's SQL" after a real migration of discord-bot's database into the user's PostgreSQL, with
 * a password typed on the PostgreSQL page: the check runs on that database, the password is in
 * neither the page, the .env lines, the saved report nor the settings, Cancel drops a check under
 * way, and the filter answers to the keyboard (Alt+Y, Space).
 */
@ExtendWith(ApplicationExtension.class)
class AppStepTargetTest {

    static final Path APP = Path.of("src/test/resources/dev/ferry/appcode/discord-bot").toAbsolutePath();
    static final String PASSWORD = "typed-Secret-never-shown-7";

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"));
    }

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void checkedOnTheMigratedDatabaseWithoutThePassword(FxRobot robot) throws Exception {
        WizardDriver w = WizardDriver.of(robot, model);
        TargetAddress target = TestPostgres.get().freshDatabase();
        String typed = w.toReviewTypingPassword(AppDatabases.write("discord-bot", dir), target, PASSWORD);
        w.toResults();
        robot.clickOn("#check-app");
        w.until(5, () -> model.index().get() == WizardModel.APP);
        assertNull(model.app.folder().get(), "nothing remembered yet");

        // Cancel while the check is under way: its result is dropped, nothing is shown, Back works again
        robot.interact(() -> {
            model.app.choose(APP);
            assertTrue(model.app.checking().get());
            assertTrue(model.app.busy().get(), "Back waits for the check");
            model.app.cancel();
        });
        assertFalse(model.app.checking().get());
        Thread.sleep(3000); // longer than the check takes here: a dropped result must not appear late
        w.until(5, () -> model.app.report().get() == null && model.app.failure().get() == null);

        robot.clickOn("#check-again");
        w.until(120, () -> !model.app.checking().get());
        assertNull(model.app.failure().get(), () -> model.app.failure().get().message());
        AppReport r = model.app.report().get();
        assertNotNull(r);
        TableView<AppReport.Statement> table = robot.lookup("#app-statements").queryTableView();
        assertEquals(r.statements().size(), table.getItems().size());
        // proven on the user's database: the same statements, statuses and proofs as AppCheckTest's
        AppReport.Statement same = table.getItems().stream().filter(s -> s.where().equals("bot.py:34")).findFirst().orElseThrow();
        assertEquals("translated same-results", same.status() + " " + same.proof());
        AppReport.Statement pragma = table.getItems().stream().filter(s -> s.where().equals("db.py:38")).findFirst().orElseThrow();
        assertEquals("manual not-run", pragma.status() + " " + pragma.proof());
        assertTrue(r.summary().env().stream().anyMatch(l -> l.contains(target.database()) && l.contains("<password>")),
                () -> String.join("\n", r.summary().env()));
        assertFalse(r.summary().changeHere().isEmpty(), "discord-bot names its SQLite file in one place");

        // the filter by keyboard: Alt+Y reaches "Only what needs you" (JavaFX focuses a check box), Space ticks it
        robot.press(KeyCode.ALT).type(KeyCode.Y).release(KeyCode.ALT);
        w.until(5, () -> robot.lookup("#only-needs-you").query().isFocused());
        robot.type(KeyCode.SPACE);
        w.until(5, () -> model.app.onlyNeedsYou().get());
        assertTrue(table.getItems().stream().allMatch(AppModel::needsYou));
        assertEquals(r.statements().stream().filter(AppModel::needsYou).count(), table.getItems().size());

        Path report = dir.resolve("app.html");
        robot.interact(() -> model.app.saveReport(report));
        w.until(30, () -> model.app.saved().get().contains("app.html"));

        // the password is nowhere: not on the page, the .env lines, the report or the settings
        String shown = robot.lookup(n -> n instanceof Labeled).queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null).collect(Collectors.joining("\n"));
        assertFalse(shown.contains(typed));
        assertFalse(String.join("\n", r.summary().env()).contains(typed));
        assertFalse(r.toJson().contains(typed));
        assertFalse(Files.readString(report).contains(typed));
        try (Stream<Path> files = Files.walk(dir.resolve("settings"))) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".properties")).toList()) {
                assertFalse(Files.readString(f).contains(typed), f.toString());
            }
        }
        assertEquals(APP.toString(), new Settings(dir.resolve("settings")).get(AppModel.FOLDER, ""));
    }
}
