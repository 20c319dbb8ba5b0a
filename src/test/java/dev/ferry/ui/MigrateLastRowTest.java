package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.testing.SqliteFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.control.IndexedCell;
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
 * Migrate's list of tables at 900×600 (issue #17): the last row shown was half a row, and the last
 * table's row was below it. With more tables than the room shows, the list shows whole rows only,
 * and the end of the run scrolls it to the last table, whose row is inside the list, its count
 * whole. The wide case is MigrateLastRowWideTest.
 */
@ExtendWith(ApplicationExtension.class)
class MigrateLastRowTest {

    static final int TABLES = 24;

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
    void close() {
        model.close();
    }

    @Test
    void theLastTablesRowIsWholeInTheListAfterTheRun(FxRobot robot) throws Exception {
        assertEquals(List.of(), lastRowShown(robot, model, dir));
    }

    /** Runs a file of {@link #TABLES} small tables and returns what of Migrate's list is not shown whole. */
    static List<String> lastRowShown(FxRobot robot, WizardModel model, Path dir) throws Exception {
        Path file = dir.resolve("many.sqlite");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            for (int i = 1; i <= TABLES; i++) {
                f.sql("CREATE TABLE t" + i + " (id INTEGER PRIMARY KEY, name TEXT)",
                        "INSERT INTO t" + i + " (name) VALUES ('a'), ('b')");
            }
            // the last table's count is long: "12,002 of 12,002" showed as "12,002 of 12,0…" once scrolled to
            f.sql("INSERT INTO t" + TABLES + " (name) WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 12000)"
                    + " SELECT 'n' FROM n");
        }
        WizardDriver w = WizardDriver.of(robot, model);
        w.chooseSource(file);
        w.next();
        robot.interact(() -> model.target.rehearse().set(true));
        w.next();
        w.reviewOptionsAndRun();
        w.assertDone();
        WaitForAsyncUtils.waitForFxEvents(); // the layouts after the outcome showed

        @SuppressWarnings("unchecked")
        TableView<TableProgress> table = robot.lookup("#table-progress").queryAs(TableView.class);
        List<String> wrong = new ArrayList<>();
        robot.interact(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
            IndexedCell<?> first = flow.getFirstVisibleCell(), last = flow.getLastVisibleCell();
            int end = table.getItems().size() - 1;
            if (end != TABLES - 1) {
                wrong.add("the list has " + (end + 1) + " rows, not " + TABLES);
            }
            if (first.getIndex() == 0) {
                wrong.add("the list still starts at its first row, " + TABLES + " rows in it");
            }
            for (int i = first.getIndex(); i <= last.getIndex(); i++) {
                Bounds b = flow.getVisibleCell(i).getBoundsInParent();
                boolean outside = b.getMaxY() < 0.5 || b.getMinY() > flow.getHeight() - 0.5; // laid out, not shown
                if (!outside && (b.getMinY() < -0.5 || b.getMaxY() > flow.getHeight() + 0.5)) {
                    wrong.add("row " + i + " (" + table.getItems().get(i).name() + ") is cut: " + Math.round(b.getMinY())
                            + " to " + Math.round(b.getMaxY()) + " in a list " + Math.round(flow.getHeight()) + " px high");
                }
            }
            for (javafx.scene.Node n : flow.lookupAll(".table-cell")) {
                if (n instanceof javafx.scene.control.TableCell<?, ?> cell && cell.isVisible() && cell.getText() != null
                        && cell.lookup(".text") instanceof javafx.scene.text.Text t) {
                    double needs = ProblemsTable.width(cell.getText(), cell.getFont());
                    double given = cell.getWidth() - cell.snappedLeftInset() - cell.snappedRightInset();
                    if (t.getText().endsWith("…") || needs > given + 0.5) {
                        wrong.add("“" + cell.getText() + "” needs " + Math.round(needs) + " px, its cell gives " + Math.round(given)
                                + " and shows “" + t.getText() + "”");
                    }
                }
            }
            if (last.getIndex() != end) {
                wrong.add("the last row shown is " + last.getIndex() + ", not the last table's, " + end);
            }
        });
        return wrong;
    }
}
