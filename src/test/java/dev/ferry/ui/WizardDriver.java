package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real wizard the way a user does, clicking Next and filling fields, and waits for
 * the pages' background work by watching the models (checked on the JavaFX thread), never by
 * sleeping a guessed number of seconds.
 */
final class WizardDriver {

    final FxRobot robot;
    final WizardModel model;

    private WizardDriver(FxRobot robot, WizardModel model) {
        this.robot = robot;
        this.model = model;
    }

    /** Opens the wizard in the test's stage, with settings kept in {@code dataDir}. */
    static WizardModel show(Stage stage, Path dataDir) {
        return show(stage, dataDir, uri -> { });
    }

    /** The same, with {@code browser} standing in for the desktop that opens folders and pages. */
    static WizardModel show(Stage stage, Path dataDir, java.util.function.Consumer<String> browser) {
        FerryApp.applyTheme(false);
        WizardModel model = new WizardModel(dataDir);
        Wizard wizard = new Wizard(model, browser);
        stage.setScene(wizard.scene(1120, 740));
        stage.show();
        return model;
    }

    static WizardDriver of(FxRobot robot, WizardModel model) {
        return new WizardDriver(robot, model);
    }

    void next() {
        until(10, () -> !robot.lookup("#next").queryAs(Button.class).isDisabled());
        robot.clickOn("#next");
    }

    /** Welcome → Source with the file read and summarised. */
    void chooseSource(Path file) {
        next();
        TextField path = robot.lookup("#source-path").queryAs(TextField.class);
        robot.interact(() -> path.setText(file.toString()));
        robot.clickOn(path).type(KeyCode.ENTER);
        until(60, () -> model.source.summary().get() != null || model.source.failure().get() != null);
        assertTrue(model.source.failure().get() == null, () -> model.source.failure().get().message());
    }

    /** Fills the Target page with a server address as a user would type it. */
    void fillTarget(TargetAddress a) {
        set("#host", a.host());
        set("#port", String.valueOf(a.port()));
        set("#database", a.database());
        set("#user", a.user());
        TestPostgres pg = TestPostgres.get();
        if (pg.adminPassword().isPresent()) {
            set("#password", pg.adminPassword().reveal());
        }
    }

    void testConnection() {
        robot.clickOn("#test-connection");
        until(60, () -> !model.target.testing().get());
    }

    /** Review (waits for the plan) → Options (waits for the existing-table check) → Migrate, finished. */
    void reviewOptionsAndRun() {
        untilPlanned();
        optionsAndRun();
    }

    /** From a planned Review: Options (waits for the existing-table check) → Migrate, finished. */
    void optionsAndRun() {
        next();
        until(30, () -> model.options.blocker().get().isEmpty());
        next();
        until(180, () -> !model.migrate.busy().get());
    }

    /** The migration finished and verified its work; else fails with the wizard's own message. */
    void assertDone() {
        assertEquals(MigrateModel.State.DONE, model.migrate.state().get(), () -> String.valueOf(model.migrate.failure().get()));
    }

    /** From Review to Results: the plan, the options as they are, the migration finished, then Results. */
    void toResults() {
        reviewOptionsAndRun();
        assertDone();
        next();
        until(10, () -> model.index().get() == WizardModel.RESULTS);
    }

    /**
     * Welcome to Results the way most tests walk it before what they check: {@code file} chosen,
     * {@code target} typed in and tested, the plan and options as Ferry proposes, the migration done.
     */
    void toResults(Path file, TargetAddress target) {
        chooseSource(file);
        next();
        fillTarget(target);
        testConnection();
        next();
        toResults();
    }

    /**
     * Welcome to Review with {@code file} going to {@code target}, the password typed on the
     * PostgreSQL page as a user would ({@code fallback} when the server trusts local connections and
     * the test server gave none); returns the password typed, for tests that look for it.
     */
    String toReviewTypingPassword(Path file, TargetAddress target, String fallback) {
        chooseSource(file);
        next();
        fillTarget(target);
        javafx.scene.control.TextField password = robot.lookup("#password").queryAs(javafx.scene.control.TextField.class);
        if (password.getText().isEmpty()) { // a server that trusts local connections takes any password
            robot.interact(() -> password.setText(fallback));
        }
        String typed = password.getText();
        testConnection();
        next();
        return typed;
    }

    /** Welcome to Results rehearsing {@code file} on the private PostgreSQL (no server needed). */
    void rehearseToResults(Path file) {
        chooseSource(file);
        next();
        robot.interact(() -> model.target.rehearse().set(true));
        next();
        toResults();
    }

    void untilPlanned() {
        until(120, () -> model.review.plan().get() != null && !model.review.planning().get());
    }

    /** Opens one of Review's tabs by its id ("problems-tab", "tables-tab"), wherever it stands. */
    static void openTab(FxRobot robot, String id) {
        javafx.scene.control.TabPane tabs = robot.lookup("#review-tabs").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> id.equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void set(String id, String text) {
        TextField f = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> f.setText(text));
    }

    /** Polls {@code condition} on the JavaFX thread until it holds. */
    void until(long seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            throw new AssertionError("Waited " + seconds + " s in vain on step " + model.index().get()
                    + "; Next is blocked by: " + model.current().blocker().get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
