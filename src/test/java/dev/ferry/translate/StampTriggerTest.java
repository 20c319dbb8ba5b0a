package dev.ferry.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import dev.ferry.schema.Trigger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The commonest SQLite trigger stamps the row just written: UPDATE t SET last_update = DATETIME('NOW')
 * WHERE rowid = new.rowid, after an insert or an update. Every form of it (rowid, _rowid_, oid, the
 * key, AFTER or BEFORE, UPDATE OF) becomes a BEFORE trigger setting NEW's column, also on a table
 * without an INTEGER PRIMARY KEY (the rowid of the row being changed is that row, so PostgreSQL
 * needs no key). A WHERE that picks other rows stays an UPDATE; a BEFORE INSERT stamp, which
 * changes nothing in SQLite, is not recreated and says why.
 */
class StampTriggerTest {

    /** "Order Details" has neither an INTEGER PRIMARY KEY nor any key; Orders' OrderID is its rowid. */
    static Plan.TriggerPlan translate(String table, String sql) {
        return TriggerTranslator.translate(new Trigger("t", table, sql), SqlTranslatorTest.SCOPE, "t", "t_fn");
    }

    static Plan.TriggerPlan stamp(String table, String sql) {
        Plan.TriggerPlan p = translate(table, sql);
        assertNull(p.failure(), () -> sql + " refused: " + p.failure());
        assertTrue(p.body().endsWith("RETURN NEW;") && !p.body().contains("UPDATE"), () -> sql + " → " + p.body());
        return p;
    }

    @Test
    void theRowidFormBecomesABeforeTriggerOnATableWithoutAKey() {
        Plan.TriggerPlan p = stamp("Order Details", "CREATE TRIGGER t AFTER UPDATE ON [Order Details] BEGIN UPDATE "
                + "[Order Details] SET Name = DATETIME('NOW') WHERE rowid = new.rowid; END");
        assertEquals("BEFORE UPDATE", p.events());
        assertTrue(p.body().startsWith("NEW.name := to_char("), p.body());
        assertEquals(List.of("name"), TriggerTranslator.stamped(p));
        for (String where : List.of("_rowid_ = NEW._rowid_", "new.oid = oid", "\"Order Details\".rowid = NEW.rowid",
                "rowid = OLD.rowid")) {
            assertEquals("BEFORE UPDATE", stamp("Order Details", "CREATE TRIGGER t AFTER UPDATE ON \"Order Details\" BEGIN "
                    + "UPDATE \"Order Details\" SET Name = 'x' WHERE " + where + "; END").events(), where);
        }
    }

    @Test
    void afterInsertBeforeUpdateAndUpdateOfKeepTheirEvents() {
        assertEquals("BEFORE INSERT", stamp("Order Details", "CREATE TRIGGER t AFTER INSERT ON [Order Details] BEGIN "
                + "UPDATE [Order Details] SET Name = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid; END").events());
        assertEquals("BEFORE UPDATE", stamp("Order Details", "CREATE TRIGGER t BEFORE UPDATE ON [Order Details] BEGIN "
                + "UPDATE [Order Details] SET Name = 'x' WHERE rowid = NEW.rowid; END").events());
        assertEquals("BEFORE UPDATE OF quantity", stamp("Order Details", "CREATE TRIGGER t AFTER UPDATE OF Quantity ON "
                + "[Order Details] BEGIN UPDATE [Order Details] SET Name = 'x' WHERE rowid = new.rowid; END").events());
    }

    @Test
    void theKeyFormAndTheRowidAliasNameTheSameRow() {
        for (String where : List.of("OrderID = NEW.OrderID", "Orders.OrderID = new.OrderID", "rowid = NEW.OrderID",
                "NEW.rowid == OrderID")) {
            Plan.TriggerPlan p = stamp("Orders", "CREATE TRIGGER t AFTER UPDATE ON Orders BEGIN UPDATE Orders SET "
                    + "Remark = 'seen', Created = datetime('now') WHERE " + where + "; END");
            assertEquals(List.of("remark", "created"), TriggerTranslator.stamped(p), where);
        }
    }

    @Test
    void otherRowsOrOrderDependentSetsStayUpdates() {
        Plan.TriggerPlan others = translate("Order Details", "CREATE TRIGGER t AFTER UPDATE ON [Order Details] BEGIN "
                + "UPDATE [Order Details] SET Quantity = 0 WHERE Name = NEW.Name; END");
        assertNull(others.failure(), others.failure());
        assertEquals("AFTER UPDATE", others.events());
        // the guard was pg_trigger_depth() > 1, which also silenced the trigger when another trigger's write fired it
        // (SQLite runs it then) and let a loop through two triggers go on; now each trigger is fenced by a setting of its
        // own while it runs (TriggerShapesTest fires one and sees it stop)
        assertTrue(others.body().contains("UPDATE \"order details\"") && others.body().contains("IF current_setting('ferry.running_")
                        && others.body().contains("'on', true)"),
                "a trigger writing its own table does not recurse: " + others.body());
        assertEquals(List.of(), TriggerTranslator.stamped(others));
        Plan.TriggerPlan swap = translate("Orders", "CREATE TRIGGER t AFTER UPDATE ON Orders BEGIN UPDATE Orders SET "
                + "Remark = 'x', Note = Remark WHERE OrderID = NEW.OrderID; END");
        assertTrue(swap.failure() != null || swap.body().contains("UPDATE orders"), "Note gets the old Remark: " + swap.body());
    }

    @Test
    void aBeforeInsertStampChangesNothingInSqliteAndSaysSo() {
        Plan.TriggerPlan p = translate("Order Details", "CREATE TRIGGER t BEFORE INSERT ON [Order Details] BEGIN "
                + "UPDATE [Order Details] SET Name = 'x' WHERE rowid = NEW.rowid; END");
        assertTrue(p.failure() != null && p.failure().contains("changes nothing in SQLite"), String.valueOf(p.failure()));
    }
}
