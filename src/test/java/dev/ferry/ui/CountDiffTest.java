package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.run.Result;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import dev.ferry.verify.Proof;
import dev.ferry.verify.Report;
import dev.ferry.verify.TableCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Results draws the counts as a picture: per table SQLite's bar above PostgreSQL's on one scale,
 * the rows set aside as a visible segment at the end of SQLite's bar, the numbers beside the bars,
 * ✓ or ✗ and the checksum's state in words; views show the rows of their proof the same way and
 * triggers their proof's verdict. The table of numbers stays there, behind "Numbers".
 */
@ExtendWith(ApplicationExtension.class)
class CountDiffTest {

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"));
    }

    @Test
    void resultsShowEachTableAsTwoBarsWithTheSetAsideRowsAsASegment(FxRobot robot) throws Exception {
        Path file = dir.resolve("league.sqlite");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE scores (id INTEGER PRIMARY KEY, player TEXT, points INTEGER)",
                    "INSERT INTO scores (player, points) VALUES ('ann', 10), ('bob', 'n/a'), ('cy', 7), ('di', 'lots'), ('ed', 3)",
                    "CREATE TABLE players (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
                    "INSERT INTO players (name) VALUES ('ann'), ('bob'), ('cy')",
                    "CREATE TABLE gone (id INTEGER PRIMARY KEY, name TEXT)",
                    "CREATE VIEW roster AS SELECT name FROM players",
                    "CREATE TRIGGER players_gone AFTER DELETE ON players BEGIN INSERT INTO gone (name) VALUES (OLD.name); END");
        }
        WizardDriver w = WizardDriver.of(robot, model);
        TargetAddress target = TestPostgres.get().freshDatabase();
        w.chooseSource(file);
        w.next();
        w.fillTarget(target);
        w.testConnection();
        w.next();
        w.untilPlanned();
        WizardDriver.openTab(robot, "problems-tab");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<String> choice = robot.lookup(".combo-box").match(n -> "resolution-scores.points".equals(n.getId()))
                .queryAs(ComboBox.class);
        robot.interact(() -> choice.setValue("reject")); // "Set rows aside"
        w.until(5, () -> model.review.planning().get() || !model.review.resolutions().isEmpty());
        w.untilPlanned();
        w.optionsAndRun();
        w.assertDone();
        w.next();
        Result r = model.migrate.result().get();
        assertEquals(2, r.rejectedRows());

        // the picture is what Results shows first; the numbers are there, hidden behind the toggle
        Node picture = robot.lookup("#tables-picture").query();
        assertTrue(picture.isVisible());
        assertFalse(robot.lookup("#results-table").query().isVisible());
        Map<String, CountPair> pairs = robot.lookup("#count-diff").queryAs(CountDiff.class).pairs().stream()
                .collect(Collectors.toMap(CountPair::title, Function.identity()));
        assertEquals(r.tables().stream().map(TableCheck::source).collect(Collectors.toSet()), pairs.keySet());

        CountPair scores = pairs.get("scores");
        assertEquals(Ui.OK, scores.mark(), "the rows not set aside all arrived, checksum and all");
        assertEquals("5 rows, 2 set aside", plain(scores.sqliteCount()));
        assertEquals("3 rows", plain(scores.postgresCount()));
        assertEquals("every other row arrived \u00b7 same checksum", scores.verdict());
        Region aside = scores.sqliteBar().setAside();
        assertNotNull(aside, "the set-aside rows are a segment of SQLite's bar");
        assertTrue(aside.isVisible() && aside.getStyleClass().contains("bar-aside"));
        assertEquals(0.4, scores.sqliteBar().secondShare(), 1e-9, "2 of 5 rows");
        assertEquals(0.6, scores.sqliteBar().firstShare(), 1e-9, "3 of 5 rows");
        assertEquals(0.6, scores.postgresBar().firstShare(), 1e-9);
        // drawn: PostgreSQL's bar ends where SQLite's sent rows end, and the set-aside segment follows
        Bounds sent = screen(scores.sqliteBar().getChildrenUnmodifiable().get(0));
        Bounds arrived = screen(scores.postgresBar().getChildrenUnmodifiable().get(0));
        Bounds striped = screen(aside);
        assertTrue(sent.getWidth() > 20, () -> "a bar a person can see: " + sent);
        assertEquals(sent.getMaxX(), arrived.getMaxX(), 1.0);
        assertEquals(sent.getMaxX(), striped.getMinX(), 1.0);
        assertEquals(striped.getWidth() / sent.getWidth(), 2.0 / 3, 0.05);
        assertTrue(plain(scores.getAccessibleText()).contains("5 rows, 2 set aside") && plain(scores.getAccessibleText()).contains("3 rows"),
                scores.getAccessibleText());

        assertTrue(robot.lookup(".count-swatch").match(n -> n.getStyleClass().contains("bar-aside")).query().getParent().isVisible(),
                "the legend names the stripes when rows were set aside");

        CountPair players = pairs.get("players");
        assertEquals(Ui.OK, players.mark());
        assertEquals("same rows \u00b7 same checksum", players.verdict());
        assertEquals("3 rows", plain(players.sqliteCount()));
        assertEquals("3 rows", plain(players.postgresCount()));
        assertNull(players.sqliteBar().setAside(), "no rows set aside, no segment");
        assertEquals(1.0, players.sqliteBar().firstShare(), 1e-9);
        assertEquals(1.0, players.postgresBar().firstShare(), 1e-9);
        assertEquals("0 rows", plain(pairs.get("gone").sqliteCount()));
        assertEquals(0, pairs.get("gone").postgresBar().firstShare(), 1e-9, "an empty table is an empty track");

        // "Numbers" swaps the picture for the table of numbers, and back
        ToggleButton numbers = robot.lookup("#tables-numbers").queryAs(ToggleButton.class);
        robot.clickOn(numbers);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#results-table").queryTableView();
        assertTrue(table.isVisible());
        assertFalse(picture.isVisible());
        assertEquals(r.tables().size(), table.getItems().size());
        robot.clickOn(numbers);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(picture.isVisible());

        // the view's proof as two bars; the trigger's as its verdict, nothing to count
        Report.Item roster = r.views().stream().filter(v -> v.name().equals("roster")).findFirst().orElseThrow();
        Report.Item trigger = r.triggers().stream().filter(t -> t.name().equals("players_gone")).findFirst().orElseThrow();
        Map<String, CountPair> items = robot.lookup("#proof-diff").queryAs(ProofDiff.class).pairs().stream()
                .collect(Collectors.toMap(CountPair::title, Function.identity()));
        assertEquals(Proof.PROVEN, roster.proof().result(), roster::toString);
        CountPair view = items.get("roster");
        assertEquals(Ui.OK, view.mark());
        assertEquals("same rows on both sides", view.verdict());
        assertEquals("3 rows", plain(view.sqliteCount()));
        assertEquals("3 rows", plain(view.postgresCount()));
        assertEquals(1.0, view.postgresBar().firstShare(), 1e-9);
        assertTrue(robot.lookup("#proof-diff").queryAs(ProofDiff.class).legend().isVisible(), "a view's rows are drawn: the colours are explained");
        CountPair fired = items.get("players_gone");
        assertNull(fired.sqliteBar(), "a trigger has no rows to count");
        assertNotNull(trigger.proof(), trigger::toString);
        assertEquals(Proof.PROVEN.equals(trigger.proof().result()) ? Ui.OK : trigger.proof().differs() ? Ui.NOT_OK : Ui.WARN,
                fired.mark(), trigger::toString);
        assertTrue(fired.getAccessibleText().contains(trigger.proof().text()), fired.getAccessibleText());
    }

    @Test
    void aTableThatDiffersIsCrossedWithItsBarShorterAndSaysByHowMuch(FxRobot robot) {
        CountPair[] made = new CountPair[2];
        robot.interact(() -> {
            made[0] = CountDiff.pair(new TableCheck("Track", "track", 10, 7, 0xfeed, 0xbeef, 0.1));
            made[1] = CountDiff.pair(new TableCheck("Album", "album", 4, 4, 0xfeed, 0xbeef, 0.1));
        });
        CountPair track = made[0];
        assertEquals(Ui.NOT_OK, track.mark());
        assertEquals("Track", track.title(), "a name only folded to lower case is not a rename worth the room");
        assertEquals("Track  \u2192  track_v2", CountDiff.title("Track", "track_v2"));
        assertEquals("3 fewer in PostgreSQL \u00b7 checksums differ", track.verdict());
        assertEquals("10 rows", plain(track.sqliteCount()));
        assertEquals("7 rows", plain(track.postgresCount()));
        assertEquals(0.7, track.postgresBar().firstShare(), 1e-9);
        assertTrue(track.postgresBar().getChildrenUnmodifiable().get(0).getStyleClass().contains("bar-differs"));
        assertTrue(track.getStyleClass().contains("differs"));
        CountPair album = made[1];
        assertEquals(Ui.NOT_OK, album.mark(), "same counts, different data");
        assertEquals("same rows \u00b7 checksums differ", album.verdict());
        assertEquals(List.of(1.0, 1.0), List.of(album.sqliteBar().firstShare(), album.postgresBar().firstShare()));
    }

    @Test
    void aLongNameIsCutInTheMiddleWithTheWholeNameInItsTooltip(FxRobot robot) {
        CountPair[] named = new CountPair[1];
        String longName = "a_table_with_a_really_quite_extraordinarily_long_name_that_no_column_of_a_small_window_can_hold";
        robot.interact(() -> named[0] = CountDiff.pair(new TableCheck(longName, "a_table_5e1f", 1, 1, 1, 1, 0.1)));
        javafx.scene.control.Label shown = (javafx.scene.control.Label) named[0].lookup(".count-title");
        assertEquals(longName + "  \u2192  a_table_5e1f", shown.getText());
        assertEquals(longName + ", in PostgreSQL a_table_5e1f", shown.getTooltip().getText(), "the whole name, where it is cut");
        assertEquals(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS, shown.getTextOverrun());
        assertTrue(named[0].getAccessibleText().startsWith(longName + ", in PostgreSQL a_table_5e1f: "), named[0].getAccessibleText());
    }

    @Test
    void theLegendExplainsOnlyWhatThePictureDraws(FxRobot robot) {
        boolean[] legend = new boolean[4];
        robot.interact(() -> {
            ProofDiff onlyTriggers = new ProofDiff();
            onlyTriggers.show(new Result(Result.Status.DONE, null, List.of(), List.of(), List.of(), List.of(new Report.Item("stamp",
                    "stamp", "created", null, "CREATE TRIGGER stamp ...").proven(Proof.proven("fired without error"), null)),
                    java.time.Duration.ZERO, "17", false));
            legend[0] = onlyTriggers.legend().isVisible();
            legend[1] = onlyTriggers.pairs().get(0).sqliteBar() == null && Ui.OK.equals(onlyTriggers.pairs().get(0).mark());
            CountDiff picture = new CountDiff();
            javafx.scene.layout.HBox colours = (javafx.scene.layout.HBox) picture.legend();
            Node aside = colours.getChildren().get(colours.getChildren().size() - 1);
            picture.show(List.of(new TableCheck("Album", "album", 4, 4, 1, 1, 0.1)));
            legend[2] = aside.isVisible();
            picture.show(List.of(new TableCheck("Album", "album", 4, 4, 1, 1, 0.1, 1)));
            legend[3] = aside.isVisible();
        });
        assertFalse(legend[0], "a trigger alone has no bars, so no colours to explain");
        assertTrue(legend[1], "a trigger proven is a ✓ without bars");
        assertFalse(legend[2], "no rows set aside: the legend does not mention them");
        assertTrue(legend[3]);
    }

    /** The counts keep a number with its word on one line (no-break spaces); compared here as plain text. */
    private static String plain(String words) {
        return words.replace('\u00a0', ' ');
    }

    private static Bounds screen(Node n) {
        return n.localToScreen(n.getBoundsInLocal());
    }
}
