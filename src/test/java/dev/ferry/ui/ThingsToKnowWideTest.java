package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Things to know on a wide window (issue #17; 04b is taken at 1366×850, the test screen holds
 * 1280×800): the row that offers to keep a column as text is shown whole without scrolling, and
 * no sentence runs over its row. The file is ThingsToKnowFitTest's.
 */
@ExtendWith(ApplicationExtension.class)
class ThingsToKnowWideTest {

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

    /** At 1366×850 the sentence of the row that offers to keep text ran over its row's top and bottom. */
    @Test
    void everySentenceFitsItsRowAsReviewOpensOnAWideWindow(FxRobot robot) throws Exception {
        ThingsToKnowFitTest.reviewOf(robot, model, ThingsToKnowFitTest.problemFile(dir));
        @SuppressWarnings("unchecked")
        TableView<Problem> table = robot.lookup("#problems").queryAs(TableView.class);
        List<String> cut = new ArrayList<>();
        robot.interact(() -> cut.addAll(ThingsToKnowFitTest.tooHigh(table, "as Review opens")));
        assertEquals(List.of(), cut);
        int keep = table.getItems().indexOf(table.getItems().stream().filter(p -> p.kind() == Problem.Kind.BYTES_OR_TEXT)
                .findFirst().orElseThrow());
        javafx.scene.control.skin.VirtualFlow<?> flow = (javafx.scene.control.skin.VirtualFlow<?>) table.lookup(".virtual-flow");
        javafx.scene.control.IndexedCell<?> row = flow.getVisibleCell(keep);
        assertTrue(row != null && row.getBoundsInParent().getMaxY() <= flow.getHeight() + 0.5,
                "the row that offers to keep text, " + keep + ", is shown whole without scrolling");
    }

}
