package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.run.Result;
import dev.ferry.testing.SakilaLikeFixture;
import dev.ferry.testing.TestPostgres;
import dev.ferry.verify.Proof;
import dev.ferry.verify.Report;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Results offers "Use SQLite's meaning" under a view that differs because PostgreSQL compares moments
 * where SQLite compared stored text (the Sakila-like "payments 1997"), and only there. Clicking it makes
 * that one view again and proves it again: its row then shows the same rows on both sides, says it uses
 * SQLite's meaning, and the button is gone; the report says the meaning.
 */
@ExtendWith(ApplicationExtension.class)
class SqliteMeaningButtonTest {

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"));
    }

    @Test
    void theButtonRemakesTheOneViewAndItsRowShowsSqlitesRows(FxRobot robot) throws Exception {
        Path file = SakilaLikeFixture.write(dir.resolve(SakilaLikeFixture.FILE_NAME));
        WizardDriver w = WizardDriver.of(robot, model);
        TargetAddress target = TestPostgres.get().freshDatabase();
        w.chooseSource(file);
        w.next();
        w.fillTarget(target);
        w.testConnection();
        w.next();
        w.reviewOptionsAndRun();
        assertEquals(MigrateModel.State.DONE, model.migrate.state().get(), () -> String.valueOf(model.migrate.failure().get()));
        w.next();

        // the views' tab, where each view shows its proof
        ProofDiff proofs = robot.lookup("#proof-diff").queryAs(ProofDiff.class);
        robot.interact(() -> {
            for (Node n = proofs; n != null; n = n.getParent()) {
                if (n instanceof TabPane tabs) {
                    for (Tab t : tabs.getTabs()) {
                        if (t.getContent() != null && t.getContent().lookup("#proof-diff") == proofs) {
                            tabs.getSelectionModel().select(t);
                        }
                    }
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Button> offered = robot.lookup(".sqlite-meaning").queryAllAs(Button.class).stream().toList();
        assertEquals(List.of("payments 1997"), offered.stream().map(b -> (String) b.getUserData()).toList(),
                "offered only under the view that differs");
        CountPair before = pair(proofs, "payments 1997");
        assertEquals(Ui.NOT_OK, before.mark());
        assertEquals("2 rows", plain(before.sqliteCount()));
        assertEquals("3 rows", plain(before.postgresCount()));

        robot.clickOn(offered.get(0));
        w.until(60, () -> !model.results.changingView().get());
        assertEquals(null, model.results.failure().get(), () -> String.valueOf(model.results.failure().get()));

        Result r = model.migrate.result().get();
        Report.Item between = r.views().stream().filter(v -> v.name().equals("payments 1997")).findFirst().orElseThrow();
        assertEquals("created", between.status(), between.reason());
        assertEquals(Report.Item.SQLITE_MEANING, between.meaning());
        assertEquals(Proof.PROVEN, between.proof().result());
        CountPair after = pair(robot.lookup("#proof-diff").queryAs(ProofDiff.class), "payments 1997");
        assertEquals(Ui.OK, after.mark());
        assertEquals("2 rows", plain(after.sqliteCount()));
        assertEquals("2 rows", plain(after.postgresCount()));
        assertTrue(after.getAccessibleText().contains("Uses SQLite\u2019s meaning, as you chose"), after.getAccessibleText());
        assertEquals(0, robot.lookup(".sqlite-meaning").queryAll().size(), "nothing left to choose");
        assertEquals(List.of("1,5"), TestPostgres.get().rows(target,
                "SELECT string_agg(payment_id::text, ',' ORDER BY payment_id) FROM \"payments 1997\""));
        assertTrue(Report.toJson(model.results.report()).contains("\"meaning\" : \"sqlite\""));
    }

    private static CountPair pair(ProofDiff proofs, String title) {
        return proofs.pairs().stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow();
    }

    private static String plain(String s) {
        return s.replace('\u00a0', ' ');
    }
}
