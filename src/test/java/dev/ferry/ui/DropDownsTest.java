package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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
 * Every drop-down of the wizard, opened at 900×600 (issue #17: open lists' long entries were never
 * measured): PostgreSQL's SSL mode and saved connections (one with a long name), Review's names in
 * PostgreSQL, a column's type and each choice in Things to know ("Leave it out and keep its SQL in
 * the report" among them), and the app step's driver. Each entry shows whole in the open list,
 * which stays inside the window. Options has no drop-down: its choices are radio buttons and check
 * boxes, which SmallWindowTest reads. The wide case is DropDownsWideTest.
 */
@ExtendWith(ApplicationExtension.class)
class DropDownsTest {

    /** A saved connection's name as people write them: user, host and database. */
    static final String PROFILE = "analytics_readonly@reporting-db.internal.example.com/warehouse_2026";

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
    void everyOpenListShowsItsEntriesWhole(FxRobot robot) throws Exception {
        assertEquals(List.of(), everyDropDown(robot, model, dir));
    }

    /** Walks the wizard on ThingsToKnowFitTest's file to the app step, opening each drop-down on the way. */
    static List<String> everyDropDown(FxRobot robot, WizardModel model, Path dir) throws Exception {
        List<String> cut = new ArrayList<>();
        List<String> opened = new ArrayList<>();
        WizardDriver w = WizardDriver.of(robot, model);
        w.chooseSource(ThingsToKnowFitTest.problemFile(dir));
        w.next();
        robot.interact(() -> model.target.saveProfile(PROFILE));
        for (String id : List.of("#ssl", "#profiles")) {
            cut.addAll(DropDowns.cut(robot, robot.lookup(id).queryAs(ComboBox.class), "PostgreSQL " + id));
            opened.add(id);
        }
        robot.interact(() -> model.target.rehearse().set(true));
        w.next();
        w.untilPlanned();

        WizardDriver.openTab(robot, "problems-tab");
        @SuppressWarnings("unchecked")
        TableView<dev.ferry.plan.Problem> problems = robot.lookup("#problems").queryAs(TableView.class);
        for (int i = 0; i < problems.getItems().size(); i++) {
            int row = i;
            if (!problems.getItems().get(row).choosable()) {
                continue;
            }
            robot.interact(() -> problems.scrollTo(row)); // at 900×600 the rows are tall: one or two show at a time
            WaitForAsyncUtils.waitForFxEvents();
            ComboBox<?> box = problems.lookupAll(".combo-box").stream().filter(n -> n instanceof ComboBox<?> c
                    && c.getParent() instanceof javafx.scene.control.TableCell<?, ?> cell && cell.getIndex() == row)
                    .map(n -> (ComboBox<?>) n).findFirst().orElseThrow(() -> new AssertionError("no choice on row " + row));
            cut.addAll(DropDowns.cut(robot, box, "Things to know " + box.getId()));
            opened.add(box.getId());
        }
        cut.addAll(DropDowns.cut(robot, robot.lookup("#naming").queryAs(ComboBox.class), "Review #naming"));
        opened.add("#naming");

        WizardDriver.openTab(robot, "tables-tab");
        @SuppressWarnings("unchecked")
        TableView<Object> grid = robot.lookup("#column-grid").queryAs(TableView.class);
        TableColumn<Object, ?> type = grid.getColumns().stream().filter(c -> "type-column".equals(c.getId())).findFirst().orElseThrow();
        robot.interact(() -> grid.edit(0, type));
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<?> types = (ComboBox<?>) grid.lookupAll(".combo-box").stream().filter(Node::isVisible).findFirst()
                .orElseThrow(() -> new AssertionError("the type cell shows no drop-down while edited"));
        cut.addAll(DropDowns.cut(robot, types, "Review's column type"));
        opened.add("type");
        robot.interact(() -> grid.edit(-1, null));

        w.optionsAndRun();
        w.assertDone();
        w.next();
        robot.interact(model::checkApp);
        robot.interact(() -> model.app.choose(AppStepTest.APP));
        w.until(120, () -> !model.app.checking().get());
        assertNull(model.app.failure().get(), () -> model.app.failure().get().message());
        ComboBox<?> driver = robot.lookup("#app-driver").queryAs(ComboBox.class);
        robot.interact(() -> scrollTo(driver)); // the page scrolled to the report: the person scrolls up to the driver
        cut.addAll(DropDowns.cut(robot, driver, "App #app-driver"));
        opened.add("#app-driver");
        assertEquals(new java.util.TreeSet<>(List.of("#ssl", "#profiles", "resolution-Employee.BirthDate", "resolution-files.data",
                "resolution-notes_fts", "#naming", "type", "#app-driver")), new java.util.TreeSet<>(opened), "every drop-down was opened");
        return cut;
    }

    /** Scrolls the page's scroll pane so that {@code n} is at its top, as the wheel would. */
    private static void scrollTo(Node n) {
        for (javafx.scene.Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane page) {
                double hidden = page.getContent().getLayoutBounds().getHeight() - page.getViewportBounds().getHeight();
                double y = page.getContent().sceneToLocal(n.localToScene(n.getLayoutBounds())).getMinY();
                page.setVvalue(hidden <= 0 ? 0 : Math.max(0, Math.min(1, (y - 8) / hidden)));
                page.layout();
                return;
            }
        }
    }
}
