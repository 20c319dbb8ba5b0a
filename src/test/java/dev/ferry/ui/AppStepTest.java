package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testing.AppDatabases;
import dev.ferry.verify.AppReport;
import dev.ferry.verify.StatementProof;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
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
 * "Your app's SQL" after a rehearsal of node-service's database (src/test/resources/dev/ferry/appcode):
 * reached from Results by keyboard, the folder chosen, each statement at its line with the status
 * and proof the engine gives (AppCheckTest has the full list), the filter on what needs a person,
 * Copy with the PostgreSQL text, the .env lines without a password, and the folder remembered.
 */
@ExtendWith(ApplicationExtension.class)
class AppStepTest {

    static final Path APP = Path.of("src/test/resources/dev/ferry/appcode/node-service").toAbsolutePath();

    /** file:line → status and proof, as AppCheckTest expects them of node-service. */
    static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("src/db.js:9", "manual not-run"),
            Map.entry("src/db.js:18", "manual not-run"),
            Map.entry("src/repo/products.js:4", "manual not-run"),
            Map.entry("src/repo/products.js:7", "translated prepared"),
            Map.entry("src/repo/products.js:13", "manual not-run"),
            Map.entry("src/repo/products.js:16", "translated prepared"),
            Map.entry("src/repo/products.js:32", "manual not-run"),
            Map.entry("src/repo/products.js:42", "manual not-run"),
            Map.entry("src/repo/products.js:46", "translated prepared"),
            Map.entry("src/repo/products.js:48", "unchanged prepared"),
            Map.entry("src/repo/products.js:49", "unchanged prepared"),
            Map.entry("src/server.ts:12", "translated same-results"),
            Map.entry("src/server.ts:19", "translated same-results"),
            Map.entry("src/server.ts:31", "translated prepared"),
            Map.entry("src/server.ts:36", "manual not-run"),
            Map.entry("src/server.ts:37", "manual not-run"));

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
    void theAppsStatementsAfterARehearsal(FxRobot robot) throws Exception {
        WizardDriver w = WizardDriver.of(robot, model);
        w.rehearseToResults(AppDatabases.write("node-service", dir));
        assertEquals(WizardModel.RESULTS, model.index().get());

        // from Results by its mnemonic, Alt+Q, a letter no other page uses; the page starts on "Choose folder…", never on Finish
        robot.press(KeyCode.ALT).type(KeyCode.Q).release(KeyCode.ALT);
        w.until(5, () -> model.index().get() == WizardModel.APP);
        assertTrue(robot.lookup("#choose-app-folder").query().isFocused(), "the page starts at Choose folder");
        assertEquals("Your app’s SQL", Text.get("app.title"));
        assertEquals("App’s SQL", Text.get("app.step"), "short enough for the sidebar");

        // the folder as DirectoryChooser would give it; the check runs in the background
        robot.interact(() -> model.app.choose(APP));
        w.until(120, () -> !model.app.checking().get());
        assertEquals(null, model.app.failure().get(), () -> model.app.failure().get().message() + "\n" + model.app.failure().get().details());
        AppReport report = model.app.report().get();
        assertNotNull(report);

        TableView<AppReport.Statement> table = robot.lookup("#app-statements").queryTableView();
        Map<String, String> shown = table.getItems().stream()
                .collect(Collectors.toMap(AppReport.Statement::where, s -> s.status() + " " + s.proof()));
        assertEquals(EXPECTED, shown);
        assertEquals("Statements (16)", tabText(robot, "Statements"));
        String summary = robot.lookup("#app-summary").queryAs(Callout.class).title();
        assertTrue(summary.startsWith("16 statements: 2 unchanged, 6 rewritten for PostgreSQL, 8 need you"), summary);
        String files = robot.lookup("#app-files").queryAs(Labeled.class).getText();
        assertTrue(files.startsWith("Read 4 files (3 JavaScript/TypeScript, 1 config); skipped dist, node_modules"), files);
        // the words a person reads in the rows: status, proof and why
        // products.js:16 (COLLATE nocase) proves now that the run makes Ferry's nocase collation (AppCheckTest);
        // node-service has no statement PostgreSQL refuses, so a refused one is shown from its record
        AppReport.Statement nocase = find(table.getItems(), "src/repo/products.js:16");
        assertEquals("rewritten", AppTable.status(nocase));
        assertTrue(AppTable.proof(nocase).startsWith(Ui.OK + " "), AppTable.proof(nocase));
        AppReport.Statement failed = new AppReport.Statement("src/x.js", 3, nocase.status(), nocase.sqlite(),
                nocase.postgres(), StatementProof.FAILED, null, "PostgreSQL: column \"nme\" does not exist");
        assertTrue(AppTable.proof(failed).startsWith(Ui.NOT_OK + " refused\nPostgreSQL: "), AppTable.proof(failed));
        assertTrue(AppModel.needsYou(failed), "a refused statement needs a person");
        AppReport.Statement vacuum = find(table.getItems(), "src/server.ts:36");
        assertEquals("needs you", AppTable.status(vacuum));
        assertTrue(AppTable.proof(vacuum).contains("autovacuum"), AppTable.proof(vacuum));
        assertTrue(shownText(robot).contains("src/repo/products.js:16"), "the rows are drawn");

        // "Only what needs you": the 8 a person must change
        robot.clickOn("#only-needs-you");
        w.until(5, () -> table.getItems().size() == 8);
        assertTrue(table.getItems().stream().allMatch(AppModel::needsYou));
        assertTrue(table.getItems().stream().noneMatch(s -> s.where().equals("src/repo/products.js:16")));
        robot.clickOn("#only-needs-you");
        w.until(5, () -> table.getItems().size() == 16);

        // Copy: the button on a row, and Ctrl+C on the selected row, put the PostgreSQL text on the clipboard
        AppReport.Statement first = table.getItems().stream().filter(s -> s.postgres() != null).findFirst().orElseThrow();
        robot.interact(() -> table.scrollTo(first));
        Button copy = robot.lookup(".copy-sql").queryAllAs(Button.class).stream()
                .filter(b -> b.getParent() instanceof javafx.scene.control.TableCell<?, ?> c && c.getItem() == first)
                .findFirst().orElseThrow(() -> new AssertionError("no Copy on the row of " + first.where()));
        robot.clickOn(copy);
        assertEquals(first.postgres(), clipboard(robot));
        AppReport.Statement same = find(table.getItems(), "src/server.ts:19");
        assertFalse(same.postgres().equals(same.sqlite()), "a rewritten statement");
        robot.interact(() -> {
            table.getSelectionModel().select(same);
            table.requestFocus();
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        w.until(5, () -> same.postgres().equals(Clipboard.getSystemClipboard().getString()));

        // where to change the app, and the .env lines: the password is left for the person
        AppReport.Summary s = report.summary();
        assertEquals("src/db.js:3", s.driverFrom());
        assertFalse(s.env().isEmpty());
        String env = robot.lookup("#app-env").queryAs(TextArea.class).getText();
        assertEquals(String.join("\n", s.env()), env);
        assertTrue(env.contains("<password>"), env);
        assertFalse(s.changedColumns().isEmpty());
        assertTrue(s.changedColumns().stream().anyMatch(c -> c.column().equals("tracked") && !c.statements().isEmpty()));

        // plain words only: nothing of the command line reaches the page
        assertFalse(Advice.COMMAND_LINE.matcher(shownText(robot)).find(), shownText(robot));

        // the report, with the engine's writers
        for (String name : new String[] {"app.json", "app.html"}) {
            Path file = dir.resolve(name);
            robot.interact(() -> model.app.saveReport(file));
            w.until(30, () -> model.app.saved().get().contains(name));
            assertTrue(Files.readString(file).contains("src/repo/products.js"), name);
        }
        robot.interact(() -> { });
        // issue #17: said on the page, not in a pop-up over Finish
        assertTrue(robot.lookup("#app-notice").queryAs(javafx.scene.control.Label.class).getText().contains("app.html"));
        assertEquals(1, javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing).count(), "no pop-up over the wizard");

        // Back returns to Results
        robot.press(KeyCode.ALT).type(KeyCode.B).release(KeyCode.ALT);
        w.until(5, () -> model.index().get() == WizardModel.RESULTS);

        // the folder is remembered for the next launch, as a path and nothing else
        assertEquals(APP.toString(), new Settings(dir.resolve("settings")).get(AppModel.FOLDER, ""));
        AtomicReference<Path> again = new AtomicReference<>();
        robot.interact(() -> {
            WizardModel next = new WizardModel(dir.resolve("settings"));
            again.set(next.app.folder().get());
        });
        assertEquals(APP, again.get());
    }

    private static AppReport.Statement find(List<AppReport.Statement> all, String where) {
        return all.stream().filter(s -> s.where().equals(where)).findFirst().orElseThrow(() -> new AssertionError(where));
    }

    private static String tabText(FxRobot robot, String start) {
        return robot.lookup(".tab-label").queryAllAs(Labeled.class).stream().map(Labeled::getText)
                .filter(t -> t != null && t.startsWith(start)).findFirst().orElse("");
    }

    private static String clipboard(FxRobot robot) {
        AtomicReference<String> text = new AtomicReference<>();
        robot.interact(() -> text.set(Clipboard.getSystemClipboard().getString()));
        return text.get();
    }

    /** Every text visible on the page, labels and the table's cells. */
    private static String shownText(FxRobot robot) {
        String labels = robot.lookup(n -> n instanceof Labeled && n.isVisible()).queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null).collect(Collectors.joining("\n"));
        String cells = robot.lookup(n -> n instanceof javafx.scene.text.Text && visible(n))
                .queryAllAs(javafx.scene.text.Text.class).stream().map(javafx.scene.text.Text::getText)
                .filter(t -> t != null).collect(Collectors.joining("\n"));
        return labels + "\n" + cells;
    }

    private static boolean visible(Node n) {
        return n.isVisible() && n.getScene() != null;
    }
}
