package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.ChinookLikeFixture;
import dev.ferry.testing.TestPostgres;
import dev.ferry.verify.TableCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The whole way through the seven pages, into a real PostgreSQL, ending on equal counts. */
@ExtendWith(ApplicationExtension.class)
class HappyPathTest {

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"));
    }

    @Test
    void fromWelcomeToResultsWithEqualCounts(FxRobot robot) throws Exception {
        WizardDriver w = WizardDriver.of(robot, model);
        Path file = ChinookLikeFixture.write(dir);
        TargetAddress target = TestPostgres.get().freshDatabase();

        w.chooseSource(file);
        assertEquals(8, model.source.summary().get().tables().size());
        assertTrue(model.source.summary().get().intact());
        w.next();
        w.fillTarget(target);
        w.testConnection();
        assertTrue(model.target.report().get() != null, "the connection test passes");
        w.next();
        w.toResults();

        assertEquals(WizardModel.RESULTS, model.index().get());
        TableView<TableCheck> table = robot.lookup("#results-table").queryTableView();
        Map<String, Long> shown = new HashMap<>();
        for (TableCheck t : table.getItems()) {
            assertEquals(t.sourceRows(), t.targetRows(), t.source());
            assertTrue(t.checksumMatch(), t.source());
            shown.put(t.source(), t.targetRows());
        }
        assertEquals(ChinookLikeFixture.expectedRows(), shown);
        assertTrue(robot.lookup("#banner").queryAs(Callout.class).title().startsWith("Every table arrived"));
        assertEquals(ChinookLikeFixture.expectedRows().get("Track"), count(target, "track"));

        // Save report, without the native file dialog: JSON and HTML, never the password
        for (String name : new String[] {"report.json", "report.html"}) {
            Path report = dir.resolve(name);
            robot.interact(() -> model.results.saveReport(report));
            w.until(30, () -> model.results.saved().get().contains(name));
            String text = Files.readString(report);
            assertTrue(text.contains("playlisttrack"), name);
            assertTrue(text.contains(target.database()), name);
        }
        assertTrue(Files.readString(dir.resolve("report.json")).contains("\"status\" : \"done\""));
    }

    static long count(TargetAddress target, String table) throws Exception {
        try (Connection c = TestPostgres.get().connect(target); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM public." + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
