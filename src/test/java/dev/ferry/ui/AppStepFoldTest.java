package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testing.AppDatabases;
import dev.ferry.verify.AppReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Your app's SQL" at 900×600 (issue #17): the page is taller than the window and opened at its
 * top, so the statements started below the fold and the screenshot script scrolled to show them.
 * Once the folder's report arrives, what a person reads first is in view without scrolling: the
 * summary whole, and the first statement's row whole under the table's header.
 */
@ExtendWith(ApplicationExtension.class)
class AppStepFoldTest {

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        FerryApp.applyTheme(false);
        model = new WizardModel(dir.resolve("settings"));
        stage.setScene(new Wizard(model, uri -> { }).scene(900, 600));
        stage.show();
    }

    @AfterEach
    void removePrivateServer() {
        model.close();
    }

    @Test
    void theSummaryAndTheFirstStatementShowWithoutScrolling(FxRobot robot) throws Exception {
        WizardDriver w = WizardDriver.of(robot, model);
        w.rehearseToResults(AppDatabases.write("node-service", dir));
        robot.interact(model::checkApp); // Results' own button; Next there is Finish
        w.until(5, () -> model.index().get() == WizardModel.APP);
        robot.interact(() -> model.app.choose(AppStepTest.APP));
        w.until(120, () -> !model.app.checking().get());
        assertNull(model.app.failure().get(), () -> model.app.failure().get().message());
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();

        List<String> hidden = new ArrayList<>();
        robot.interact(() -> {
            Node summary = robot.lookup("#app-summary").query();
            ScrollPane page = pageOf(summary);
            Bounds view = page.localToScene(page.getLayoutBounds());
            hidden.addAll(outside("the summary", summary.localToScene(summary.getLayoutBounds()), view));
            @SuppressWarnings("unchecked")
            TableView<AppReport.Statement> table = robot.lookup("#app-statements").queryAs(TableView.class);
            VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
            IndexedCell<?> first = flow.getFirstVisibleCell();
            if (first == null || first.getIndex() != 0) {
                hidden.add("the table does not start at its first statement");
            } else {
                Bounds row = first.localToScene(first.getLayoutBounds());
                hidden.addAll(outside("the first statement's row", row, view));
                hidden.addAll(outside("the first statement's row", row, flow.localToScene(flow.getLayoutBounds())));
            }
            if (page.getVvalue() == page.getVmin()) {
                hidden.add("the page is at its top");
            }
        });
        assertEquals(List.of(), hidden);
        assertTrue(model.app.report().get().statements().size() > 1);
    }

    private static List<String> outside(String what, Bounds b, Bounds view) {
        return b.getMinY() < view.getMinY() - 0.5 || b.getMaxY() > view.getMaxY() + 0.5
                ? List.of(what + " is at " + Math.round(b.getMinY()) + " to " + Math.round(b.getMaxY()) + ", the page shows "
                        + Math.round(view.getMinY()) + " to " + Math.round(view.getMaxY()))
                : List.of();
    }

    private static ScrollPane pageOf(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane s && s.getContent() instanceof javafx.scene.layout.VBox) {
                return s;
            }
        }
        throw new AssertionError("the page is not in a scroll pane");
    }
}
