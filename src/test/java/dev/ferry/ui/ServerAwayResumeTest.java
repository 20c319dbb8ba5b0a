package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.LockGate;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue #16: a run whose server stayed away past every retry stops resumably (the command line's
 * exit 130). The wizard must say what happened, not "Cancelled" (nobody cancelled), offer Resume,
 * and Resume must end the run verified once the server is back.
 *
 * <p>{@link LockGate} ends the session of every DROP TABLE of the replaced table, as a server that
 * keeps restarting would, until the test lets the table go.
 */
@ExtendWith(ApplicationExtension.class)
class ServerAwayResumeTest {

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"));
    }

    @Test
    void aRunStoppedByAServerThatStayedAwayOffersResume(FxRobot robot) throws Exception {
        Path file = dir.resolve("notes.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) "
                            + "INSERT INTO notes SELECT i, 'note ' || i FROM n");
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        try (Connection c = TestPostgres.get().connect(target); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (id int, body text)"); // replaced: its DROP is where the server goes away
        }
        WizardDriver w = WizardDriver.of(robot, model);
        w.chooseSource(file);
        w.next();
        w.fillTarget(target);
        w.testConnection();
        w.next();
        w.untilPlanned();
        w.next();
        w.until(30, () -> !model.options.checking().get());
        robot.clickOn("#if-exists-replace");
        w.until(30, () -> model.options.blocker().get().isEmpty());
        try (LockGate gate = new LockGate(target, "public.notes", q -> q.startsWith("DROP TABLE"), Integer.MAX_VALUE)) {
            gate.start();
            w.next();
            w.until(180, () -> model.migrate.state().get() != MigrateModel.State.IDLE && !model.migrate.busy().get());
            assertTrue(gate.killed.size() >= 2, "the DROP was tried again after a pause: " + gate.killed);
        }
        assertEquals(MigrateModel.State.FAILED, model.migrate.state().get(), "stopped, not cancelled: nobody pressed Cancel");
        Failure f = model.migrate.failure().get();
        assertTrue(f.message().contains("was lost while creating the tables"), f.message());
        assertTrue(f.advice().contains("Press Resume"), f.advice());
        assertTrue(!Advice.COMMAND_LINE.matcher(f.message() + f.advice()).find(), "the wizard's words: " + f.message() + f.advice());
        Button resume = robot.lookup("#resume").queryAs(Button.class);
        assertTrue(resume.isVisible(), "Resume is offered");

        robot.clickOn("#resume");
        w.until(180, () -> model.migrate.state().get() == MigrateModel.State.DONE);
        assertTrue(model.migrate.result().get().verified(), "resumed and verified");
        assertEquals(200, model.migrate.result().get().tables().get(0).targetRows());
    }
}
