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
 * below the fold. Each name needs no more width than its cell gives it (it wraps at the dot only),
 * each drop-down's chosen words fit the box, and rows with a choice come before the plain notes.
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
        WizardDriver w = WizardDriver.of(robot, model);
        w.chooseSource(file);
        w.next();
        robot.interact(() -> model.target.rehearse().set(true));
        w.next();
        w.untilPlanned();
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
        int[] looked = new int[2]; // names, then choices, looked at
        TableColumn<Problem, ?> where = table.getColumns().stream().filter(c -> c.getText().equals("Where")).findFirst().orElseThrow();
        for (int i = 0; i < rows.size(); i++) {
            int row = i;
            robot.interact(() -> table.scrollTo(row));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                table.applyCss();
                table.layout();
                for (javafx.scene.Node n : table.lookupAll(".table-cell")) {
                    if (n instanceof TableCell<?, ?> cell && cell.getIndex() == row && cell.getTableColumn() == where
                            && cell.getGraphic() instanceof Text t) {
                        looked[0]++;
                        for (String name : t.getText().split("[\u200B ]")) {
                            double needs = ProblemsTable.width(name, t.getFont());
                            if (needs > t.getWrappingWidth()) {
                                cut.add("“" + name + "” needs " + Math.round(needs) + " px, its cell wraps at "
                                        + Math.round(t.getWrappingWidth()));
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
        assertEquals(List.of(), cut);
        assertEquals(rows.size(), looked[0], "every row's name was looked at");
        assertEquals(notes, looked[1], "every row's choice was looked at");
    }
}
