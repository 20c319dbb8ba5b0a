package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.appcode.PgDriver;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.AppDatabases;
import dev.ferry.testing.TestPostgres;
import dev.ferry.verify.AppReport;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
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
 * "How your app talks to PostgreSQL" on the app step, after discord-bot's database went into the
 * user's PostgreSQL with a typed password: Ferry's guess (asyncpg, from the aiosqlite import) is
 * shown in the drop-down; choosing another driver by keyboard (Alt+W) checks again and rewrites the
 * statements' markers and the address in that driver's form; the password is never on the page
 * nor in what Copy puts on the clipboard.
 */
@ExtendWith(ApplicationExtension.class)
class AppDriverChoiceTest {

    static final Path APP = Path.of("src/test/resources/dev/ferry/appcode/discord-bot").toAbsolutePath();
    static final String PASSWORD = "typed-Secret-never-shown-15";

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
    void theGuessedDriverAndAnotherChosenByKeyboard(FxRobot robot) throws Exception {
        WizardDriver w = WizardDriver.of(robot, model);
        TargetAddress target = TestPostgres.get().freshDatabase();
        String typed = w.toReviewTypingPassword(AppDatabases.write("discord-bot", dir), target, PASSWORD);
        w.reviewOptionsAndRun();
        assertEquals(MigrateModel.State.DONE, model.migrate.state().get(), () -> String.valueOf(model.migrate.failure().get()));
        w.next();
        robot.clickOn("#check-app");
        w.until(5, () -> model.index().get() == WizardModel.APP);
        assertFalse(robot.lookup("#app-driver-box").query().isVisible(), "no driver before Ferry read the app");

        robot.interact(() -> model.app.choose(APP));
        w.until(120, () -> !model.app.checking().get());
        assertNull(model.app.failure().get(), () -> model.app.failure().get().message());
        @SuppressWarnings("unchecked")
        ComboBox<PgDriver> driver = robot.lookup("#app-driver").queryAs(ComboBox.class);
        TableView<AppReport.Statement> table = robot.lookup("#app-statements").queryTableView();

        // Ferry's guess, from the aiosqlite import, and where it came from
        assertEquals(PgDriver.ASYNCPG, driver.getValue());
        assertEquals("asyncpg (Python, async)", driver.getConverter().toString(driver.getValue()));
        assertEquals("Ferry’s guess, from db.py:8 in your code.", text(robot, "#app-driver-note"));
        assertEquals("INSERT INTO matches (winner_id, loser_id) VALUES ($1, $2)", postgres(table, "db.py:58"));
        assertTrue(text(robot, "#app-markers").contains("statements are written $1, $2, …"), text(robot, "#app-markers"));
        String asyncpg = address(robot);
        assertTrue(asyncpg.startsWith("DATABASE_URL=postgresql://") && asyncpg.contains(":<password>@")
                && asyncpg.contains("/" + target.database()), asyncpg);
        assertEquals("How your app talks to PostgreSQL:", Text.get("app.driver.choice").replace("_", ""));

        // by keyboard: Alt+W reaches the drop-down, Alt+Down opens it, Up to psycopg (just above asyncpg), Enter
        robot.press(KeyCode.ALT).type(KeyCode.W).release(KeyCode.ALT);
        w.until(5, () -> driver.isFocused());
        robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
        w.until(5, driver::isShowing);
        robot.type(KeyCode.UP).type(KeyCode.ENTER);
        w.until(5, () -> driver.getValue() == PgDriver.PSYCOPG);
        w.until(120, () -> !model.app.checking().get() && model.app.report().get() != null);
        assertTrue(driver.isFocused(), "the drop-down keeps the focus while the check runs again");
        assertEquals("INSERT INTO matches (winner_id, loser_id) VALUES (%s, %s)", postgres(table, "db.py:58"));
        assertTrue(text(robot, "#app-markers").contains("statements are written %s, %s, …"), text(robot, "#app-markers"));
        assertEquals("Your choice; Ferry guessed asyncpg (db.py:8).", text(robot, "#app-driver-note"));
        assertEquals("psycopg", model.app.report().get().summary().driver());

        // JDBC: ? for each value, and the address in JDBC's own form
        robot.interact(() -> driver.setValue(PgDriver.PGJDBC));
        w.until(120, () -> !model.app.checking().get() && model.app.report().get() != null);
        assertEquals("UPDATE players SET team = ?, active = true WHERE discord_id = ?", postgres(table, "cogs/stats.py:41"));
        String jdbc = address(robot);
        assertTrue(jdbc.startsWith("JDBC_DATABASE_URL=jdbc:postgresql://") && jdbc.contains("password=<password>"), jdbc);
        assertFalse(jdbc.equals(asyncpg));
        assertTrue(text(robot, "#app-markers").contains("statements are written ?, ?, …"), text(robot, "#app-markers"));

        // Copy gives the address as .env lines, with the password left to fill in
        robot.press(KeyCode.ALT).type(KeyCode.O).release(KeyCode.ALT); // C_opy
        w.until(5, () -> String.valueOf(Clipboard.getSystemClipboard().getString()).startsWith("JDBC_DATABASE_URL="));
        assertEquals(jdbc, clipboard(robot));

        // the password is nowhere on the page: labels, fields and the table's cells (the PostgreSQL page's own password field aside)
        String shown = robot.lookup(n -> n instanceof Labeled).queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null).collect(Collectors.joining("\n"))
                + robot.lookup(n -> n instanceof TextInputControl && !"password".equals(n.getId()))
                        .queryAllAs(TextInputControl.class).stream()
                        .map(TextInputControl::getText).filter(t -> t != null).collect(Collectors.joining("\n"))
                + robot.lookup(n -> n instanceof javafx.scene.text.Text).queryAllAs(javafx.scene.text.Text.class).stream()
                        .map(javafx.scene.text.Text::getText).filter(t -> t != null).collect(Collectors.joining("\n"));
        assertTrue(shown.contains("JDBC_DATABASE_URL="), "the page's texts were read");
        assertFalse(shown.contains(typed), "the password is shown");
        assertFalse(clipboard(robot).contains(typed));

        // back to Ferry's guess: said as a guess again
        robot.interact(() -> driver.setValue(PgDriver.ASYNCPG));
        w.until(120, () -> !model.app.checking().get() && model.app.report().get() != null);
        assertEquals("Ferry’s guess, from db.py:8 in your code.", text(robot, "#app-driver-note"));
        assertEquals(asyncpg, address(robot));
    }

    private static String postgres(TableView<AppReport.Statement> table, String where) {
        return table.getItems().stream().filter(s -> s.where().equals(where)).findFirst()
                .orElseThrow(() -> new AssertionError(where)).postgres();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }

    private static String address(FxRobot robot) {
        return robot.lookup("#app-address").queryAs(TextField.class).getText();
    }

    private static String clipboard(FxRobot robot) {
        AtomicReference<String> text = new AtomicReference<>();
        robot.interact(() -> text.set(Clipboard.getSystemClipboard().getString()));
        return text.get();
    }
}
