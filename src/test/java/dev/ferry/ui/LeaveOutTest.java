package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Problem;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Review's per-table Copy ticks and Options' "Also create" ticks: a table unticked is not copied
 * (and the foreign key into it says why), unticked indexes and views are not created, and the
 * run still verifies every table it copied.
 */
@ExtendWith(ApplicationExtension.class)
class LeaveOutTest {

    @TempDir
    Path dir;
    WizardModel model;

    @Start
    void start(Stage stage) {
        model = WizardDriver.show(stage, dir.resolve("settings"));
    }

    @Test
    void untickedTablesAndPartsAreLeftOut(FxRobot robot) throws Exception {
        Path file = dir.resolve("shop.sqlite");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT)",
                    "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customer(id), total REAL)",
                    "CREATE TABLE scratch (id INTEGER PRIMARY KEY, junk TEXT)",
                    "CREATE INDEX orders_customer ON orders (customer_id)",
                    "CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 10",
                    "INSERT INTO customer (name) VALUES ('ann'), ('bob')",
                    "INSERT INTO orders (customer_id, total) VALUES (1, 5), (2, 50)",
                    "INSERT INTO scratch (junk) VALUES ('x')");
        }
        WizardDriver w = WizardDriver.of(robot, model);
        TargetAddress target = TestPostgres.get().freshDatabase();
        w.chooseSource(file);
        w.next();
        w.fillTarget(target);
        w.testConnection();
        w.next();
        w.untilPlanned();

        robot.clickOn(robot.lookup("#tables .table-cell").match(c -> {
            TableCell<?, ?> cell = (TableCell<?, ?>) c;
            return cell.getTableColumn() != null && "include-column".equals(cell.getTableColumn().getId())
                    && cell.getTableRow() != null && cell.getTableRow().getItem() instanceof dev.ferry.plan.TablePlan t
                    && t.source().name().equals("scratch");
        }).lookup(".check-box").queryAs(CheckBox.class));
        w.until(5, () -> model.review.excluded().contains("scratch"));
        assertTrue(!model.review.ddl().get().contains("\"scratch\"") && !model.review.ddl().get().contains(" scratch "),
                "the DDL preview follows at once");

        w.next();
        robot.clickOn("#create-indexes");
        robot.clickOn("#create-views");
        w.until(30, () -> model.options.blocker().get().isEmpty());
        assertEquals(java.util.Set.of(dev.ferry.plan.Plan.Part.INDEXES, dev.ferry.plan.Plan.Part.VIEWS),
                model.options.leaveOut());
        w.next();
        w.until(180, () -> !model.migrate.busy().get());
        assertEquals(MigrateModel.State.DONE, model.migrate.state().get(), () -> String.valueOf(model.migrate.failure().get()));
        assertTrue(model.migrate.result().get().verified());
        assertEquals(List.of("customer", "orders"), TestPostgres.get().rows(target, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"));
        assertEquals(List.of(), TestPostgres.get().rows(target, "SELECT viewname FROM pg_views WHERE schemaname = 'public'"));
        assertEquals(List.of("customer_pkey", "orders_pkey"), TestPostgres.get().rows(target,
                "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1"));
        assertEquals(List.of("orders_customer_id_fkey"), TestPostgres.get().rows(target,
                "SELECT conname FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace"), "foreign keys were still wanted");
        assertTrue(model.migrate.result().get().problems().stream().anyMatch(p -> p.kind() == Problem.Kind.LEFT_OUT
                && p.message().startsWith("1 index is left out")));
    }

}
