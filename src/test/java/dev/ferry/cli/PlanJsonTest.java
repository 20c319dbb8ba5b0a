package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.TablePlan;
import dev.ferry.plan.TypeRule;
import dev.ferry.plan.TypeRules;
import dev.ferry.schema.Column;
import dev.ferry.schema.Index;
import dev.ferry.schema.Table;
import dev.ferry.sqlite.ColumnProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code inspect --json} is read by scripts: its field names, their order, the nulls it writes and
 * the one field it leaves out (a problem's alternatives, when there is no choice) must not move.
 */
class PlanJsonTest {

    @Test
    void everyObjectHasItsFieldsInTheirOrder() throws Exception {
        JsonNode json = new ObjectMapper().readTree(PlanPrinter.json(plan(), Path.of("shop.db")));
        assertEquals(List.of("source", "schema", "tables", "views", "triggers", "problems"), names(json));
        assertEquals(Path.of("shop.db").toAbsolutePath().toString(), json.get("source").asText());
        JsonNode t = json.get("tables").get(0);
        assertEquals(List.of("name", "target", "rows", "columns", "indexes", "checks", "foreignKeys"), names(t));
        assertEquals(5, t.get("rows").asLong());
        JsonNode c = t.get("columns").get(0);
        assertEquals(List.of("name", "target", "declared", "type", "rule", "identity", "notNull", "default", "generated",
                "collation", "holds"), names(c));
        assertTrue(c.get("default").isNull() && c.get("generated").isNull(), "absent values are written as null");
        assertEquals(List.of("integer", "real", "text", "blob", "null"), names(c.get("holds")));
        assertEquals(4, c.get("holds").get("integer").asLong());
        assertEquals(1, c.get("holds").get("null").asLong());
        JsonNode i = t.get("indexes").get(0);
        assertEquals(List.of("name", "kind", "unique", "created", "reason", "where", "expressions", "columns"), names(i));
        assertEquals("create_index", i.get("kind").asText());
        assertFalse(i.get("created").asBoolean());
        assertTrue(i.get("expressions").get(0).isNull(), "a plain column has no expression");
        assertEquals(List.of("name", "sql", "translated", "created", "reason"), names(t.get("checks").get(0)));
        JsonNode fk = t.get("foreignKeys").get(0);
        assertEquals(List.of("name", "references", "onDelete", "created", "reason", "columns", "referencedColumns"), names(fk));
        assertTrue(fk.get("references").isNull(), "no parent table in the plan");
        assertEquals(List.of("name", "target", "sql", "translated", "reason"), names(json.get("views").get(0)));
        assertEquals(List.of("name", "table", "sql", "target", "function", "events", "when", "body", "reason"),
                names(json.get("triggers").get(0)));
        JsonNode choosable = json.get("problems").get(0);
        assertEquals(List.of("table", "column", "kind", "count", "resolution", "message", "alternatives", "examples"),
                names(choosable));
        assertEquals("[\"widen\",\"null\",\"reject\",\"stop\"]", choosable.get("alternatives").toString());
        assertFalse(json.get("problems").get(1).has("alternatives"), "a problem without a choice has no alternatives");
    }

    private static Plan plan() {
        TypeRule rule = TypeRules.all().stream().filter(r -> r.name().equals("integer")).findFirst().orElseThrow();
        ColumnPlan qty = new ColumnPlan(new Column("Qty", 0, "INTEGER", false, null, 0, Column.Generated.NONE, null), "qty",
                PgType.of(PgType.Kind.BIGINT), rule, TypeRule.Conversion.AS_IS, false, null,
                new ColumnProfile(1, 4, 0, 0, 0, 1L, 9L, null, null));
        Table source = new Table("Stock", "CREATE TABLE Stock (Qty INTEGER)", List.of(qty.source()), List.of(), null, false,
                false, false, null, List.of(), List.of());
        TablePlan stock = new TablePlan(source, "stock", List.of(qty), 5,
                List.of(new TablePlan.CheckPlan("qty > 0", "stock_qty_check", "qty > 0", "CHECK (qty > 0)", null)));
        Plan.IndexPlan index = new Plan.IndexPlan(null, stock, "stock_qty", List.of("qty"), List.of(false), false,
                Index.Origin.CREATE_INDEX, "not needed", Arrays.asList((String) null), null);
        Plan.ForeignKeyPlan fk = new Plan.ForeignKeyPlan(stock, "stock_qty_fkey", List.of("qty"), null, List.of("id"),
                "CASCADE", null, "its table is left out");
        Plan.ViewPlan view = new Plan.ViewPlan("Big", "big", "SELECT qty FROM stock", "CREATE VIEW Big AS SELECT Qty FROM Stock",
                null, List.of());
        Plan.TriggerPlan trigger = new Plan.TriggerPlan("t", "Stock", "CREATE TRIGGER t ...", null, null, null, null, null,
                null, "not translated");
        List<Problem> problems = new ArrayList<>(List.of(
                new Problem("Stock", "Qty", Problem.Kind.DOES_NOT_FIT, 1, "widen", List.of("lots"), "1 value does not fit."),
                new Problem("Big", null, Problem.Kind.VIEW_NOT_CREATED, 0, "report", List.of(), "View Big is not created.")));
        return new Plan("public", List.of(stock), List.of(index), List.of(fk), List.of(view), List.of(trigger), problems,
                List.of(), null);
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
