package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Problem;
import dev.ferry.testing.KindChangeFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue #17, item 2: columns that silently became bytes. Every column whose values change kind is
 * a thing to know with what it means for the app, and Things to know is the tab Review opens on,
 * marked with its count, not a tab like any other.
 */
@ExtendWith(ApplicationExtension.class)
class ThingsToKnowTest {

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"));
    }

    @Test
    void reviewOpensOnThingsToKnowWithEveryChangeOfKindInWords(FxRobot robot) throws Exception {
        WizardDriver w = WizardDriver.of(robot, model);
        w.chooseSource(KindChangeFixture.write(dir));
        w.next();
        w.fillTarget(TestPostgres.get().freshDatabase());
        w.testConnection();
        w.next();
        w.untilPlanned();

        TabPane tabs = robot.lookup("#review-tabs").queryAs(TabPane.class);
        Tab open = tabs.getSelectionModel().getSelectedItem();
        assertEquals("problems-tab", open.getId(), "Things to know is the tab Review opens on");
        assertEquals(0, tabs.getTabs().indexOf(open), "and it comes first");
        assertEquals("Things to know", open.getText());
        Label badge = robot.lookup("#problems-badge").queryAs(Label.class);
        assertEquals("3", badge.getText());
        assertTrue(badge.isVisible());
        assertTrue(open.getStyleClass().contains("has-entries"), "marked while it has entries");

        Set<String> shown = robot.lookup("#problems .cell-text").queryAllAs(javafx.scene.text.Text.class).stream()
                .map(javafx.scene.text.Text::getText).filter(t -> t != null && !t.isBlank()).collect(Collectors.toSet());
        assertTrue(shown.contains("flags.active becomes true/false: queries that compare it with 1 or 0 must compare with "
                + "true or false, and the app reads a boolean, not a number."), shown.toString());
        assertTrue(shown.stream().anyMatch(t -> t.startsWith("events.at becomes a timestamp: text comparisons like "
                + "LIKE '2024-%' no longer work")), shown.toString());
        assertTrue(shown.stream().anyMatch(t -> t.startsWith("files.data becomes bytes (bytea): the app reads bytes, not "
                + "text or numbers, in every row")), shown.toString());
        // the other way is told as this table's own control; no option of the command line reaches the page
        assertTrue(shown.stream().anyMatch(t -> t.startsWith("files.data becomes bytes") && t.endsWith("To keep it as text, "
                + "choose “Keep it as text” under Ferry’s choice.")), shown.toString());
        assertTrue(shown.stream().noneMatch(t -> Advice.COMMAND_LINE.matcher(t).find()), shown.toString());
        assertEquals(Set.of("flags.active", "events.at", "files.data"), model.review.plan().get().problems().stream()
                .map(p -> p.table() + "." + p.column()).collect(Collectors.toSet()));

        @SuppressWarnings("unchecked")
        ComboBox<String> keep = robot.lookup(".combo-box").match(n -> "resolution-files.data".equals(n.getId()))
                .queryAs(ComboBox.class);
        assertEquals(List.of(Problem.BYTEA, Problem.TEXT), keep.getItems(), "the mixed column may stay text");
        robot.interact(() -> keep.setValue(Problem.TEXT));
        w.until(5, () -> model.review.planning().get() || !Problem.BYTEA.equals(resolution()));
        w.untilPlanned();
        assertEquals("text", model.review.plan().get().table("files").orElseThrow().column("data").type().sql());
        assertEquals("problems-tab", tabs.getSelectionModel().getSelectedItem().getId(), "planning again keeps the tab");
    }

    private String resolution() {
        return model.review.plan().get().problems().stream().filter(p -> p.kind() == Problem.Kind.BYTES_OR_TEXT)
                .findFirst().orElseThrow().resolution();
    }
}
