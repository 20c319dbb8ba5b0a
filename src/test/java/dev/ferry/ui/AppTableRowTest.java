package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.verify.AppReport;
import dev.ferry.verify.StatementProof;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app step's statements (issue #17): moving down with the arrows left the table starting
 * half-way through a tall row. After each move the first row shown starts at the table's top, and
 * the chosen row is shown whole.
 */
@ExtendWith(ApplicationExtension.class)
class AppTableRowTest {

    AppTable table;

    @Start
    void start(Stage stage) {
        FerryApp.applyTheme(false);
        table = new AppTable(s -> { });
        List<AppReport.Statement> rows = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String sql = "SELECT id, title\nFROM products\nWHERE sku = ?".repeat(1 + i % 3).replace("?SELECT", "?\nUNION SELECT");
            rows.add(new AppReport.Statement("src/repo/products.js", 3 * i + 1, AppReport.TRANSLATED, sql,
                    sql.replace("?", "$1"), StatementProof.PREPARED, null, null));
        }
        table.getItems().setAll(rows);
        stage.setScene(new Scene(table, 900, 330));
        stage.show();
    }

    @Test
    void theArrowsLeaveTheTableStartingAtARow(FxRobot robot) {
        robot.clickOn(table.lookup(".table-row-cell"));
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        int moves = 0;
        for (int i = 0; i < 9; i++) {
            robot.type(KeyCode.DOWN);
            WaitForAsyncUtils.waitForFxEvents();
            IndexedCell<?> first = flow.getFirstVisibleCell();
            int chosen = table.getSelectionModel().getSelectedIndex();
            if (first.getIndex() > 0) {
                moves++;
            }
            assertEquals(0, first.getLayoutY(), 0.5, "after " + (i + 1) + " moves the first row shown, "
                    + first.getIndex() + ", starts at the top");
            IndexedCell<?> row = flow.getVisibleCell(chosen);
            assertTrue(row != null, "the chosen row " + chosen + " is shown");
            Bounds b = row.getBoundsInParent();
            assertTrue(b.getMinY() >= -0.5 && b.getMaxY() <= flow.getHeight() + 0.5,
                    "the chosen row " + chosen + " is shown whole: " + b + " in " + flow.getHeight());
        }
        assertTrue(moves > 3, "the table scrolled as the arrows went down");
    }
}
