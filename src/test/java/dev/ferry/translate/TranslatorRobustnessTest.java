package dev.ferry.translate;

import dev.ferry.plan.Plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.schema.Trigger;
import org.junit.jupiter.api.Test;

/**
 * Odd, truncated and unusual SQL never crashes the plan: each statement gets a translation or a
 * reason. (SQLite rejects most of these itself; a file can still hold them from older versions.)
 */
class TranslatorRobustnessTest {
    static final String[] VIEWS = {
        "SELECT a FROM t WHERE x IN (SELECT y FROM u)", "SELECT CASE x WHEN 1 THEN 'a' END FROM t",
        "SELECT count(DISTINCT a) FROM t", "SELECT * FROM t NATURAL JOIN u", "SELECT * FROM t LEFT OUTER JOIN u USING (id)",
        "SELECT a AS \"x y\" FROM t", "SELECT t.* FROM t", "SELECT -a, +b, ~c FROM t", "SELECT a FROM t UNION ALL SELECT b FROM u ORDER BY 1",
        "SELECT row_number() OVER (PARTITION BY a ORDER BY b ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM t",
        "SELECT a FROM t WHERE b BETWEEN 1 AND 2 AND c NOT IN (1,2)", "SELECT EXISTS (SELECT 1 FROM u WHERE u.id = t.id) FROM t",
        "SELECT a FROM t WHERE a LIKE 'x!%' ESCAPE '!'", "SELECT a COLLATE NOCASE FROM t", "SELECT a FROM t WHERE a = ?",
        "", "SELECT json_extract(a, '$.x') FROM t", "SELECT a FROM t GROUP BY a HAVING count(*) > 1", "SELECT \"a\"\"b\" FROM t",
        "SELECT a FROM t WINDOW w AS (PARTITION BY a)", "VALUES (1, 2)", "SELECT * FROM json_each('[1]')",
        "SELECT max(a) FILTER (WHERE b > 0) FROM t", "SELECT Shipped FROM Orders WHERE Shipped", "SELECT (SELECT 1)",
        "SELECT a FROM t ORDER BY a NULLS LAST", "SELECT a FROM t LIMIT 5 OFFSET", "SELECT a FROM", "SELECT (a FROM t",
        "SELECT CAST(a AS) FROM t", "SELECT substr() FROM t", "SELECT iif(a) FROM t", "SELECT strftime() FROM t",
        "SELECT date(a, 1) FROM t", "SELECT a IS FROM t", "SELECT NOT", "SELECT a LIKE", "SELECT 1 GLOB", "SELECT x.y.z.w FROM t",
        "SELECT OrderID FROM Orders o, [Order Details] d WHERE o.OrderID = d.OrderID", "SELECT OrderID FROM Orders, [Order Details]",
    };

    static final String[] TRIGGERS = {
        "CREATE TRIGGER t1 AFTER INSERT ON Orders BEGIN END", "CREATE TRIGGER x DELETE ON Orders BEGIN DELETE FROM u WHERE id = OLD.OrderID; END",
        "CREATE TRIGGER x INSTEAD OF INSERT ON [Big Orders] BEGIN INSERT INTO Orders(OrderID) VALUES (NEW.a); END",
        "CREATE TRIGGER x AFTER UPDATE ON Orders WHEN 1 BEGIN SELECT CASE WHEN NEW.Freight < 0 THEN RAISE(FAIL, 'x') END; END",
        "CREATE TRIGGER IF NOT EXISTS main.x BEFORE DELETE ON main.Orders FOR EACH ROW BEGIN SELECT RAISE(IGNORE); END",
        "CREATE TRIGGER x AFTER UPDATE ON Orders BEGIN UPDATE Orders SET Freight = Freight + 1 WHERE OrderID = NEW.OrderID; END",
        "CREATE TRIGGER x AFTER UPDATE ON Orders BEGIN UPDATE Orders SET Freight = 1 WHERE Freight > 2; END",
        "CREATE TRIGGER x", "CREATE TRIGGER x AFTER", "CREATE TRIGGER x AFTER INSERT ON", "CREATE TRIGGER x AFTER INSERT ON Orders BEGIN",
        "CREATE TRIGGER x AFTER INSERT ON Orders BEGIN SELECT RAISE(ABORT); END", "CREATE TRIGGER x AFTER INSERT ON Orders BEGIN SELECT RAISE(; END",
        "CREATE TRIGGER x AFTER INSERT ON Orders BEGIN SELECT CASE WHEN 1 THEN 2 END; END",
        "CREATE TRIGGER x AFTER UPDATE OF ON Orders BEGIN SELECT 1; END",
        "CREATE TRIGGER x BEFORE INSERT ON Orders BEGIN SELECT RAISE(ABORT, 'no') FROM Orders WHERE OrderID = NEW.OrderID; END",
        "CREATE TRIGGER x AFTER INSERT ON Orders BEGIN INSERT OR IGNORE INTO Orders(OrderID) VALUES (NEW.OrderID + 1); END",
    };

    @Test
    void everyStatementGetsATranslationOrAReason() {
        for (String v : VIEWS) {
            SqlTranslator.Result r = SqlTranslator.view("CREATE VIEW v AS " + v, SqlTranslatorTest.SCOPE);
            assertTrue(r.ok() ? r.sql() != null : !r.failure().isBlank(), v);
            SqlTranslator.Result e = SqlTranslator.expression(v, SqlTranslatorTest.SCOPE, SqlTranslatorTest.ORDERS);
            assertTrue(e.ok() || !e.failure().isBlank(), v);
        }
        assertEquals("SELECT a AS \"x y\" FROM t", SqlTranslator.view("CREATE VIEW v AS SELECT a AS \"x y\" FROM t",
                SqlTranslatorTest.SCOPE).sql(), "a quoted alias stays a name");
        assertEquals("SELECT \"a\"\"b\" FROM t", SqlTranslator.view("CREATE VIEW v AS SELECT \"a\"\"b\" FROM t",
                SqlTranslatorTest.SCOPE).sql(), "t's columns are unknown: no reading as a string");
        for (String t : TRIGGERS) {
            Plan.TriggerPlan p = TriggerTranslator.translate(new Trigger("x", t.contains("Big Orders") ? "Big Orders" : "Orders", t),
                    SqlTranslatorTest.SCOPE, "x", "x_fn");
            assertTrue(p.failure() == null ? p.body() != null : !p.failure().isBlank(), t);
        }
    }
}
