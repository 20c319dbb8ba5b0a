package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Problem;
import dev.ferry.testing.SqliteFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
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
 * Review's Things to know at 900×600 (issue #17): "Employ/ee.Birth/Date" and "notes_ft/s" wrapped
 * inside names, a choice showed "Table + sear…", and on a file with many notes the choices were
 * below the fold. Each name needs no more width than its cell gives it (it shows on one line), the
 * columns fit beside the scroll bar,
 * each drop-down's chosen words fit the box, every sentence fits the height of its row once the
 * columns took their widths, and rows with a choice come before the plain notes.
 */
@ExtendWith(ApplicationExtension.class)
class ThingsToKnowFitTest {

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
    void namesAndChoicesShowWholeAndChoicesComeFirst(FxRobot robot) throws Exception {
        reviewOf(robot, model, problemFile(dir));
        WizardDriver.openTab(robot, "problems-tab");

        @SuppressWarnings("unchecked")
        TableView<Problem> table = robot.lookup("#problems").queryAs(TableView.class);
        List<Problem> rows = List.copyOf(table.getItems());
        int lastChoice = -1, firstNote = rows.size();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).choosable()) {
                lastChoice = i;
            } else {
                firstNote = Math.min(firstNote, i);
            }
        }
        assertTrue(lastChoice == 2 && lastChoice < firstNote && firstNote < rows.size(),
                "the three rows with a choice come before the notes: " + rows.stream().map(p -> p.kind().id()).toList());
        int notes = firstNote;
        assertTrue(rows.stream().anyMatch(p -> p.kind() == Problem.Kind.BYTES_OR_TEXT && rows.indexOf(p) < notes),
                "keeping the mixed column as text is among them");

        List<String> cut = new ArrayList<>();
        robot.interact(() -> cut.addAll(tooHigh(table, "as the tab opens")));
        int[] looked = new int[2]; // names, then choices, looked at
        TableColumn<Problem, ?> where = table.getColumns().stream().filter(c -> c.getText().equals("Where")).findFirst().orElseThrow();
        for (int i = 0; i < rows.size(); i++) {
            int row = i;
            robot.interact(() -> table.scrollTo(row));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                table.applyCss();
                table.layout();
                cut.addAll(tooHigh(table, "shown from row " + row));
                for (javafx.scene.Node n : table.lookupAll(".table-cell")) {
                    if (n instanceof TableCell<?, ?> cell && cell.getIndex() == row && cell.getTableColumn() == where
                            && cell.getGraphic() instanceof Text t) {
                        looked[0]++;
                        for (String line : t.getText().split("\n")) { // one line, or "table." and "column"
                            double needs = ProblemsTable.width(line, t.getFont());
                            if (needs > t.getWrappingWidth() || (line.contains(".") && !line.endsWith(".")
                                    && t.getText().contains("\n"))) {
                                cut.add("“" + line + "” of “" + t.getText() + "” needs " + Math.round(needs)
                                        + " px, its cell wraps at " + Math.round(t.getWrappingWidth()));
                            }
                        }
                    }
                }
                for (javafx.scene.Node n : table.lookupAll(".combo-box")) {
                    if (n instanceof ComboBox<?> box && box.getId() != null && box.getId().startsWith("resolution-")
                            && box.getParent() instanceof TableCell<?, ?> cell && cell.getIndex() == row) {
                        looked[1]++;
                        ListCell<?> shown = (ListCell<?>) box.lookup(".list-cell");
                        String words = shown.getText();
                        Text text = (Text) shown.lookup(".text");
                        double needs = ProblemsTable.width(words, shown.getFont());
                        double given = shown.getWidth() - shown.snappedLeftInset() - shown.snappedRightInset();
                        if (needs > given + 0.5 || text.getText().endsWith("…")) {
                            cut.add(box.getId() + ": “" + words + "” needs " + Math.round(needs) + " px, the box gives "
                                    + Math.round(given) + " and shows “" + text.getText() + "”");
                        }
                    }
                }
            });
        }
        robot.interact(() -> cut.addAll(overflow(table)));
        assertEquals(List.of(), cut.stream().distinct().toList());
        assertEquals(rows.size(), looked[0], "every row's name was looked at");
        assertEquals(notes, looked[1], "every row's choice was looked at");
    }

    static Path problemFile(Path dir) throws Exception {
        Path file = dir.resolve("problems.sqlite");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE flags (id INTEGER PRIMARY KEY, active BOOLEAN NOT NULL)",
                    "INSERT INTO flags (active) VALUES (1), (0)",
                    "CREATE TABLE events (id INTEGER PRIMARY KEY, at DATETIME)",
                    "INSERT INTO events (at) VALUES ('2024-01-05 10:00:00')",
                    "CREATE TABLE Employee (id INTEGER PRIMARY KEY, BirthDate INTEGER)",
                    "INSERT INTO Employee (BirthDate) VALUES (19700101), ('unknown')",
                    "CREATE VIRTUAL TABLE notes_fts USING fts5(body)",
                    "INSERT INTO notes_fts (body) VALUES ('bring the ferry schedule')",
                    "CREATE TABLE files (id INTEGER PRIMARY KEY, data)",
                    "INSERT INTO files (data) VALUES (1), ('word'), (x'68656c6c6f')");
        }
        return file;
    }

    /** Welcome to Review with {@code file}, rehearsing (no server needed), the plan made. */
    static void reviewOf(FxRobot robot, WizardModel model, Path file) {
        WizardDriver w = WizardDriver.of(robot, model);
        w.chooseSource(file);
        w.next();
        robot.interact(() -> model.target.rehearse().set(true));
        w.next();
        w.untilPlanned();
    }

    /** The columns fit beside the vertical scroll bar: at 900×600 "Convert: the app" ran under it. */
    private static List<String> overflow(TableView<?> table) {
        double right = table.getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset();
        for (javafx.scene.Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof javafx.scene.control.ScrollBar bar && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL
                    && bar.isVisible()) {
                room -= bar.getWidth();
            }
        }
        return right > room + 0.5 ? List.of("the columns take " + Math.round(right) + " px, the table shows " + Math.round(room)
                + " (" + table.getColumns().stream().map(c -> c.getText() + " " + Math.round(c.getWidth())).toList() + " in "
                + Math.round(table.getWidth()) + ")")
                : List.of();
    }

    /** Sentences taller than the row shows them: the row kept a height from before the columns took their widths. */
    static List<String> tooHigh(TableView<?> table, String when) {
        List<String> cut = new ArrayList<>();
        javafx.scene.control.skin.VirtualFlow<?> flow = (javafx.scene.control.skin.VirtualFlow<?>) table.lookup(".virtual-flow");
        javafx.scene.control.IndexedCell<?> first = flow.getFirstVisibleCell(), last = flow.getLastVisibleCell();
        for (int i = first.getIndex(); i <= last.getIndex(); i++) {
            for (javafx.scene.Node n : flow.getVisibleCell(i).lookupAll(".table-cell")) {
                if (n instanceof TableCell<?, ?> cell && cell.getGraphic() instanceof Text t && t.getLayoutBounds().getHeight()
                        > cell.getHeight() - cell.snappedTopInset() - cell.snappedBottomInset() + 1) {
                    cut.add(when + ": “" + t.getText() + "” is " + Math.round(t.getLayoutBounds().getHeight())
                            + " px high in a cell of " + Math.round(cell.getHeight()));
                }
            }
        }
        return cut;
    }
}
