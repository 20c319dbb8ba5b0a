package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.Set;
import javafx.scene.control.CheckBox;
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
 * Review's "Ferry could also…" tab: every suggestion a check box, off by default; ticking one plans
 * again with it taken, and it reaches the run's options and PostgreSQL.
 */
@ExtendWith(ApplicationExtension.class)
class SuggestionTickTest {

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"));
    }

    private Path shop() throws Exception {
        Path file = dir.resolve("shop.db");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)",
                    "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), "
                            + "placed_on TEXT NOT NULL)",
                    "INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace')",
                    "INSERT INTO orders VALUES (1, 1, '2024-01-05'), (2, 2, '2024-02-29')");
        }
        return file;
    }

    @Test
    void aTickedSuggestionIsTakenIntoTheRun(FxRobot robot) throws Exception {
        WizardDriver w = WizardDriver.of(robot, model);
        TargetAddress target = TestPostgres.get().freshDatabase();
        w.chooseSource(shop());
        w.next();
        w.fillTarget(target);
        w.testConnection();
        w.next();
        w.untilPlanned();

        TabPane tabs = robot.lookup("#review-tabs").queryAs(TabPane.class);
        Tab tab = tabs.getTabs().stream().filter(t -> "suggestions-tab".equals(t.getId())).findFirst().orElseThrow();
        assertEquals("Ferry could also… (2)", tab.getText());
        robot.interact(() -> tabs.getSelectionModel().select(tab));
        CheckBox date = robot.lookup(".check-box").match(n -> "suggest-date:orders.placed_on".equals(n.getId()))
                .queryAs(CheckBox.class);
        assertFalse(date.isSelected(), "off by default");
        assertTrue(model.runOptions().suggestions().isEmpty());

        robot.clickOn(date);
        w.until(5, () -> model.review.planning().get() || !model.review.suggestions().isEmpty());
        w.untilPlanned();
        assertEquals(Set.of("date:orders.placed_on"), model.runOptions().suggestions());
        assertEquals("date", model.review.plan().get().table("orders").orElseThrow().column("placed_on").type().sql());
        CheckBox again = robot.lookup(".check-box").match(n -> "suggest-date:orders.placed_on".equals(n.getId()))
                .queryAs(CheckBox.class);
        assertTrue(again.isSelected(), "the new plan shows it taken");

        w.next();
        w.until(30, () -> model.options.blocker().get().isEmpty());
        w.next();
        w.until(180, () -> !model.migrate.busy().get());
        assertEquals(MigrateModel.State.DONE, model.migrate.state().get(), () -> String.valueOf(model.migrate.failure().get()));
        assertEquals("date", TestPostgres.get().rows(target, "SELECT data_type FROM information_schema.columns "
                + "WHERE table_name = 'orders' AND column_name = 'placed_on'").get(0));
    }
}
