package dev.ferry.translate;

import static dev.ferry.translate.StampTriggerTest.stamp;
import static dev.ferry.translate.StampTriggerTest.translate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stamp is found on the syntax tree (TriggerStamp), so the way it is written does not matter:
 * the key in any case (id = new.id, NEW.Id = ID), the rowid under its names, SQL keywords in any case,
 * line breaks, tabs and comments anywhere, and the stamp's value in any of SQLite's ways of saying now
 * (datetime('now'), DATETIME('NOW'), CURRENT_TIMESTAMP, strftime('%s','now') into a number column).
 * Each becomes a BEFORE trigger setting NEW's column, with the same body as the plain form.
 */
class StampTriggerVariantsTest {

    static final String PLAIN = "CREATE TRIGGER t AFTER UPDATE ON Orders BEGIN UPDATE Orders SET Created = datetime('now') "
            + "WHERE OrderID = NEW.OrderID; END";

    @Test
    void theKeyAndTheRowidInAnyCaseAndOrder() {
        String body = stamp("Orders", PLAIN).body();
        for (String where : List.of("orderid = new.orderid", "NEW.ORDERID = ORDERID", "OrderId=New.OrderId",
                "ROWID = nEw.RoWiD", "orders.orderid = NEW.orderid", "(OrderID = NEW.OrderID)", "new._rowid_ = _ROWID_",
                "OrderID = OLD.OrderID")) {
            Plan.TriggerPlan p = stamp("Orders", "CREATE TRIGGER t AFTER UPDATE ON Orders BEGIN UPDATE Orders SET "
                    + "Created = datetime('now') WHERE " + where + "; END");
            assertEquals("BEFORE UPDATE", p.events(), where);
            assertEquals(body, p.body(), where);
        }
    }

    @Test
    void keywordsInAnyCaseWithLineBreaksTabsAndComments() {
        String body = stamp("Orders", PLAIN).body();
        for (String sql : List.of(
                "create trigger t after update on orders begin update orders set created = DATETIME('NOW') where orderid = new.orderid; end",
                "CREATE TRIGGER t\n  AFTER UPDATE ON Orders\nBEGIN\n\tUPDATE Orders\n\t   SET Created = datetime('now')\n"
                        + "\t WHERE OrderID   =   NEW.OrderID ;\nEND",
                "CREATE TRIGGER t AFTER UPDATE ON Orders -- keeps Created fresh\nBEGIN /* the row itself */ UPDATE Orders "
                        + "SET Created = /* now */ datetime('now') WHERE OrderID = NEW.OrderID; -- that row\nEND",
                "CREATE TRIGGER IF NOT EXISTS \"t\" AFTER UPDATE ON \"Orders\" FOR EACH ROW BEGIN UPDATE [Orders] SET "
                        + "`Created` = datetime('now') WHERE [OrderID] = NEW.\"OrderID\"; END")) {
            Plan.TriggerPlan p = stamp("Orders", sql);
            assertEquals("BEFORE UPDATE", p.events(), sql);
            assertEquals(body, p.body(), sql);
        }
    }

    @Test
    void everyWayOfSayingNow() {
        String datetime = stamp("Orders", PLAIN).body();
        assertEquals(datetime, stamp("Orders", PLAIN.replace("datetime('now')", "DATETIME('NOW')")).body());
        assertEquals(datetime, stamp("Orders", PLAIN.replace("datetime('now')", "CURRENT_TIMESTAMP")).body(),
                "CURRENT_TIMESTAMP is SQLite's text of the moment, as datetime('now') is");
        Plan.TriggerPlan seconds = stamp("Order Details", "CREATE TRIGGER t AFTER INSERT ON [Order Details] BEGIN UPDATE "
                + "[Order Details] SET Quantity = strftime('%s','now') WHERE rowid = new.rowid; END");
        assertEquals("BEFORE INSERT", seconds.events());
        assertTrue(seconds.body().startsWith("NEW.quantity := "), seconds.body());
        assertTrue(seconds.body().contains("epoch"), "Unix seconds: " + seconds.body());
    }

    @Test
    void lookalikesThatAreNotTheSameRowStayUpdates() {
        for (String where : List.of("OrderID = NEW.Freight", "OrderID <> NEW.OrderID", "OrderID = NEW.OrderID OR 1",
                "CustomerID = NEW.CustomerID", "NEW.OrderID = NEW.OrderID")) {
            Plan.TriggerPlan p = translate("Orders", "CREATE TRIGGER t AFTER UPDATE ON Orders BEGIN UPDATE Orders SET "
                    + "Created = datetime('now') WHERE " + where + "; END");
            assertTrue(p.failure() != null || p.body().contains("UPDATE orders"), where + " → " + p.body());
        }
    }
}
