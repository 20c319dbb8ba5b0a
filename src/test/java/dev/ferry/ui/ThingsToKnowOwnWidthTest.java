package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Problem;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.MouseButton;
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
 * Things to know sizes its own columns (ThingsToKnowFitTest), and a person may size one themselves by
 * dragging its header's edge (issue #17). Ferry keeps that width for the rest of the session, also
 * when a new choice plans again and the rows change in a way that would have made Ferry size the
 * column otherwise; the columns the person left alone are still sized around it, inside the table.
 * On a wide window (the test screen holds 1280×800), where What happens has room to give: at 900×600
 * it is already near its least, and a wider column there means the table scrolls sideways.
 */
@ExtendWith(ApplicationExtension.class)
class ThingsToKnowOwnWidthTest {

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        FerryApp.applyTheme(false);
        model = new WizardModel(dir.resolve("settings"));
        stage.setScene(new Wizard(model, uri -> { }).scene(1240, 780));
        stage.show();
    }

    @AfterEach
    void removePrivateServer() {
        model.close();
    }

    @Test
    void aColumnThePersonSizedKeepsItsWidthWhenTheRowsChange(FxRobot robot) throws Exception {
        ThingsToKnowFitTest.reviewOf(robot, model, ThingsToKnowFitTest.problemFile(dir));
        WizardDriver.openTab(robot, "problems-tab");
        ProblemsTable table = robot.lookup("#problems").queryAs(ProblemsTable.class);
        TableColumn<Problem, ?> choice = column(table, "resolution-column");
        TableColumn<Problem, ?> message = table.getColumns().stream()
                .filter(c -> c.getText().equals(Text.get("review.p.message"))).findFirst().orElseThrow();
        double before = choice.getWidth(), messageBefore = message.getWidth();

        // the person drags the right edge of the choice's header 40 px to the right
        Point2D edge = fx(() -> rightEdge(table, choice));
        robot.drag(edge, MouseButton.PRIMARY).moveBy(20, 0).moveBy(20, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double dragged = choice.getWidth();
        assertEquals(before + 40, dragged, 2, "the drag widened the column by the 40 px the mouse moved");
        assertTrue(table.sizedByUser(choice), "Ferry knows the person sized it");
        assertEquals(messageBefore - 40, message.getWidth(), 2, "What happens gave up the room");

        // a choice that takes longer words: Ferry would now make the column wider than the person's drag
        Problem fts = table.getItems().stream().filter(p -> p.kind() == Problem.Kind.FULL_TEXT_TABLE).findFirst().orElseThrow();
        String skip = Problem.SKIP;
        assertTrue(fts.kind().resolutions().contains(skip), "a full-text table may be left out");
        double wouldBe = fx(() -> ProblemsTable.width(ProblemsTable.resolution(skip),
                ((javafx.scene.control.Labeled) table.lookup(".combo-box .list-cell")).getFont()) + ProblemsTable.CHOICE_ROOM);
        assertTrue(wouldBe > dragged + 10, "the new words need " + wouldBe + " px, more than the person's " + dragged);
        @SuppressWarnings("unchecked")
        ComboBox<String> box = robot.lookup("#resolution-" + ProblemsTable.where(fts)).queryAs(ComboBox.class);
        robot.interact(() -> box.setValue(skip));
        WizardDriver w = WizardDriver.of(robot, model);
        w.until(60, () -> !model.review.planning().get() && model.review.plan().get().problems().stream()
                .anyMatch(p -> p.kind() == Problem.Kind.FULL_TEXT_TABLE && skip.equals(p.resolution())));
        w.until(10, () -> table.getItems().stream().anyMatch(p -> p.choosable() && skip.equals(p.resolution())));
        robot.interact(() -> {
            table.applyCss();
            table.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(dragged, choice.getWidth(), 0.5, "the person's width stayed after the rows changed");
        double sum = table.getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - ProblemsTable.SCROLL_BAR;
        assertTrue(sum <= room + 0.5, "the other columns still fit around it: " + sum + " px in " + room);
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static TableColumn<Problem, ?> column(ProblemsTable table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    /** A point on the line between {@code column}'s header and the next, where the resize cursor shows. */
    private static Point2D rightEdge(ProblemsTable table, TableColumn<Problem, ?> column) {
        table.applyCss();
        table.layout();
        for (javafx.scene.Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader h && h.getTableColumn() == column) {
                Bounds b = h.localToScreen(h.getLayoutBounds());
                return new Point2D(b.getMaxX() - 1, b.getCenterY());
            }
        }
        throw new AssertionError("no header for " + column.getText());
    }
}
