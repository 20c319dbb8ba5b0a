package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.ChinookLikeFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A type the user changes in the Review grid is planned again and is the type PostgreSQL gets. */
@ExtendWith(ApplicationExtension.class)
class TypeChangeTest {

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"));
    }

    @Test
    void aTypeChangedOnReviewArrivesInPostgres(FxRobot robot) throws Exception {
        WizardDriver w = WizardDriver.of(robot, model);
        TargetAddress target = TestPostgres.get().freshDatabase();
        w.chooseSource(ChinookLikeFixture.write(dir));
        w.next();
        w.fillTarget(target);
        w.testConnection();
        w.next();
        w.untilPlanned();
        assertEquals("varchar(160)", title(model).type().sql());
        WizardDriver.openTab(robot, "tables-tab"); // Review opens on Things to know when it has entries

        robot.clickOn(robot.lookup("#tables .table-cell")
                .match(c -> String.valueOf(((TableCell<?, ?>) c).getItem()).startsWith("Album  \u2192"))
                .queryAs(TableCell.class));
        TableCell<?, ?> typeCell = robot.lookup("#column-grid .table-cell").match(c -> {
            TableCell<?, ?> cell = (TableCell<?, ?>) c;
            return cell.getTableColumn() != null && "type-column".equals(cell.getTableColumn().getId())
                    && cell.getTableRow() != null && cell.getTableRow().getItem() instanceof ColumnPlan col
                    && col.source().name().equals("Title");
        }).queryAs(TableCell.class);
        robot.doubleClickOn(typeCell);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("text").type(KeyCode.ENTER);
        w.until(5, () -> model.review.planning().get() || !model.review.overrides().isEmpty());
        w.untilPlanned();
        assertEquals("text", title(model).type().sql());
        assertEquals(null, title(model).rule(), "marked as the user's choice");

        w.optionsAndRun();
        w.assertDone();
        try (Connection c = TestPostgres.get().connect(target); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT data_type FROM information_schema.columns "
                     + "WHERE table_name = 'album' AND column_name = 'title'")) {
            rs.next();
            assertEquals("text", rs.getString(1));
        }
    }

    private static ColumnPlan title(WizardModel model) {
        TablePlan album = model.review.plan().get().table("Album").orElseThrow();
        return album.column("Title");
    }
}
