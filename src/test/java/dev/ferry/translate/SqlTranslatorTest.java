package dev.ferry.translate;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.plan.TablePlan;
import dev.ferry.plan.TypeRule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.schema.Column;
import dev.ferry.schema.Table;
import dev.ferry.sqlite.ColumnProfile;
import dev.ferry.postgres.Naming;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The translator on its own, against a plan with renamed tables and columns (spaces, case, a
 * collision kept exact) and columns whose types changed (boolean, timestamp). Whether PostgreSQL
 * accepts the results is proven by the migration tests (NorthwindViewsTest and the others).
 */
class SqlTranslatorTest {

    static final ColumnProfile ANY = new ColumnProfile(0, 0, 0, 0, 0, null, null, null, null);

    static ColumnPlan col(String name, String target, PgType.Kind kind) {
        return col(name, target, kind, TypeRule.Conversion.AS_IS);
    }

    static ColumnPlan col(String name, String target, PgType.Kind kind, TypeRule.Conversion conversion) {
        return new ColumnPlan(new Column(name, 0, "", false, null, 0, Column.Generated.NONE, null), target, PgType.of(kind),
                null, conversion, false, null, ANY);
    }

    static TablePlan table(String name, String target, String rowidAlias, ColumnPlan... cols) {
        List<Column> sc = new ArrayList<>();
        for (ColumnPlan c : cols) {
            sc.add(c.source());
        }
        Table t = new Table(name, "", sc, rowidAlias == null ? List.of() : List.of(rowidAlias), rowidAlias, false, false,
                false, null, List.of(), List.of());
        return new TablePlan(t, target, List.of(cols), 0);
    }

    static final TablePlan ORDERS = table("Orders", "orders", "OrderID",
            col("OrderID", "orderid", PgType.Kind.BIGINT), col("CustomerID", "customerid", PgType.Kind.TEXT),
            col("OrderDate", "orderdate", PgType.Kind.TIMESTAMP), col("Freight", "freight", PgType.Kind.DOUBLE),
            col("Shipped", "shipped", PgType.Kind.BOOLEAN), col("Note", "Note", PgType.Kind.TEXT),
            col("Remark", "remark", PgType.Kind.TEXT), col("Created", "created", PgType.Kind.TEXT), col("Filter", "filter", PgType.Kind.TEXT));
    static final TablePlan DETAILS = table("Order Details", "order details", null,
            col("OrderID", "orderid", PgType.Kind.BIGINT), col("UnitPrice", "unitprice", PgType.Kind.DOUBLE),
            col("Quantity", "quantity", PgType.Kind.BIGINT), col("Name", "name", PgType.Kind.TEXT),
            col("Stamp", "stamp", PgType.Kind.TIMESTAMP, TypeRule.Conversion.EPOCH_SECONDS));
    static final SqlScope SCOPE = new SqlScope(List.of(ORDERS, DETAILS), Map.of("Big Orders", "big orders"),
            new Naming(Naming.Style.LOWER), true);

    static String view(String select) {
        SqlTranslator.Result r = SqlTranslator.view("CREATE VIEW v AS " + select, SCOPE);
        assertNull(r.failure(), () -> select + " failed: " + r.failure());
        return r.sql();
    }

    static String refused(String select) {
        SqlTranslator.Result r = SqlTranslator.view("CREATE VIEW v AS " + select, SCOPE);
        assertNotNull(r.failure(), () -> select + " was translated to " + r.sql());
        return r.failure();
    }

    @Test
    void namesInEveryQuotingStyleGoThroughTheRenames() {
        assertEquals("SELECT d.orderid, d.unitprice * d.quantity AS total FROM \"order details\" AS d",
                view("SELECT d.OrderID, d.[UnitPrice] * d.`Quantity` AS Total FROM [Order Details] AS d"));
        assertEquals("SELECT \"order details\".orderid FROM \"order details\"",
                view("SELECT \"Order Details\".OrderID FROM \"Order Details\""));
        assertEquals("SELECT \"Note\", remark FROM orders", view("SELECT \"Note\", remark FROM main.Orders"),
                "a name kept exact (it collided in the plan), another folded");
        assertEquals("SELECT o.orderid FROM orders o JOIN \"order details\" d ON d.orderid = o.orderid",
                view("SELECT o.OrderID FROM Orders o JOIN [Order Details] d ON d.OrderID = o.OrderID"));
        assertEquals("SELECT * FROM \"big orders\"", view("SELECT * FROM [Big Orders]"));
    }

    @Test
    void aKeywordSqliteAllowsAsAColumnNameIsThatColumn() {
        assertEquals("SELECT filter FROM orders WHERE filter IS NOT NULL",
                view("SELECT filter FROM Orders WHERE filter NOTNULL"));
        assertEquals("SELECT count(*) FILTER (WHERE freight > 1) FROM orders", view("SELECT count(*) FILTER (WHERE Freight > 1) FROM Orders"));
    }

    @Test
    void functionsBecomeTheirPostgresEquivalents() {
        assertEquals("SELECT coalesce(customerid, 'none'), strpos(customerid, 'A'), length(customerid), upper(customerid) FROM orders",
                view("SELECT ifnull(CustomerID, 'none'), instr(CustomerID, 'A'), length(CustomerID), UPPER(CustomerID) FROM Orders"));
        assertEquals("SELECT string_agg((name)::text, ','), string_agg((name)::text, '; '), string_agg(DISTINCT (name)::text, ',') "
                + "FROM \"order details\"", view("SELECT group_concat(Name), group_concat(Name, '; '), "
                + "group_concat(DISTINCT Name) FROM [Order Details]"));
        assertEquals("SELECT CASE WHEN freight > 10 THEN 'big' ELSE 'small' END FROM orders",
                view("SELECT iif(Freight > 10, 'big', 'small') FROM Orders"));
        assertEquals("SELECT substr(customerid, 2, 3), substr(customerid, length(customerid) + 1 - 3) FROM orders",
                view("SELECT substr(CustomerID, 2, 3), substr(CustomerID, -3) FROM Orders"));
        assertEquals("SELECT length(orderid::text) FROM orders", view("SELECT length(OrderID) FROM Orders"));
        // was CAST(freight AS bigint): PostgreSQL rounds 2.7 to 3 there, SQLite's CAST drops the fraction (2)
        assertEquals("SELECT CAST(trunc(freight) AS bigint), CAST(orderid AS text), CAST(shipped AS integer)::bigint FROM orders",
                view("SELECT CAST(Freight AS INTEGER), cast(OrderID as varchar(10)), CAST(Shipped AS INT) FROM Orders"));
        assertTrue(refused("SELECT substr(CustomerID, 2, -1) FROM Orders").contains("negative length"));
        // was refused; issue #14 asks for typeof(column) from the plan: the scan saw no value of another kind than
        // text in CustomerID (this plan's profile is empty), and the column may be NULL. Run for real on both sides:
        // NorthwindViewsTest's kinds view (typeof(o.CustomerID), 'text' or 'null' as SQLite's own typeof says)
        assertEquals("SELECT CASE WHEN customerid IS NULL THEN 'null' ELSE 'text' END FROM orders",
                view("SELECT typeof(CustomerID) FROM Orders"));
        assertTrue(refused("SELECT my_udf(CustomerID) FROM Orders").contains("my_udf"));
    }

    @Test
    void operatorsAndLiterals() {
        assertEquals("SELECT orderid FROM orders WHERE shipped = true AND customerid <> 'x' AND orderid = 1",
                view("SELECT OrderID FROM Orders WHERE Shipped == 1 AND CustomerID != 'x' AND OrderID = TRUE"));
        assertEquals("SELECT orderid FROM orders WHERE customerid IS DISTINCT FROM remark AND remark IS NOT NULL "
                + "AND customerid IS NOT DISTINCT FROM 'a'", view("SELECT OrderID FROM Orders WHERE CustomerID IS NOT remark "
                + "AND remark NOTNULL AND CustomerID IS 'a'"));
        assertEquals("SELECT orderid::text || '-' || customerid FROM orders WHERE customerid ILIKE 'a%' AND remark ~ '^A.*\\.[0-9]$'",
                view("SELECT OrderID || '-' || CustomerID FROM Orders WHERE CustomerID LIKE 'a%' AND remark GLOB 'A*.[0-9]'"));
        assertEquals("SELECT '\\xCAFE'::bytea, 255, 'it''s' FROM orders WHERE customerid = 'active'",
                view("SELECT X'CAFE', 0xFF, 'it''s' FROM Orders WHERE CustomerID = \"active\""),
                "a double-quoted word that names nothing is a string in SQLite");
        assertEquals("SELECT * FROM orders ORDER BY orderid LIMIT 10 OFFSET 20",
                view("SELECT * FROM Orders ORDER BY OrderID LIMIT 20, 10"));
        assertEquals("SELECT * FROM orders LIMIT ALL OFFSET 5", view("SELECT * FROM Orders LIMIT -1 OFFSET 5"));
        // was without NULLS FIRST: SQLite sorts NULLs first going up, PostgreSQL last, so the old order differed
        assertEquals("SELECT * FROM orders ORDER BY customerid COLLATE nocase NULLS FIRST", view("SELECT * FROM Orders ORDER BY CustomerID COLLATE NOCASE"));
    }

    @Test
    void aNumberWhereSqliteWantsATruthValueIsTrueWhenNotZero() {
        assertEquals("SELECT orderid FROM orders WHERE (orderid <> 0) AND NOT (freight <> 0) AND shipped",
                view("SELECT OrderID FROM Orders WHERE OrderID AND NOT Freight AND Shipped"));
        assertEquals("SELECT CASE WHEN (freight <> 0) THEN 1 ELSE 0 END FROM orders", view("SELECT iif(Freight, 1, 0) FROM Orders"));
        assertEquals("SELECT orderid FROM orders WHERE freight BETWEEN 0 AND orderid",
                view("SELECT OrderID FROM Orders WHERE Freight BETWEEN 0 AND OrderID"));
        assertEquals("(freight <> 0)", SqlTranslator.condition("Freight", SCOPE, ORDERS).sql());
        assertEquals("freight", SqlTranslator.expression("Freight", SCOPE, ORDERS).sql());
    }

    @Test
    void datesKeepSqlitesTextAndCompareAsDatesWithDateColumns() {
        assertEquals("SELECT to_char(orderdate, 'YYYY-MM') FROM orders", view("SELECT strftime('%Y-%m', OrderDate) FROM Orders"));
        assertEquals("SELECT to_char(orderdate, 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') FROM orders",
                view("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', OrderDate) FROM Orders"));
        assertEquals("SELECT orderid FROM orders WHERE orderdate > ((now() AT TIME ZONE 'UTC') - interval '7 day')",
                view("SELECT OrderID FROM Orders WHERE OrderDate > datetime('now', '-7 days')"));
        assertEquals("SELECT to_char(CAST(created AS timestamp), 'YYYY-MM-DD') FROM orders", view("SELECT date(Created) FROM Orders"));
        assertEquals("SELECT to_char(stamp, 'YYYY-MM-DD HH24:MI:SS') FROM \"order details\"",
                view("SELECT datetime(Stamp, 'unixepoch') FROM [Order Details]"));
        assertEquals("SELECT (extract(epoch FROM orderdate) / 86400 + 2440587.5)::double precision FROM orders",
                view("SELECT julianday(OrderDate) FROM Orders"));
        assertEquals("SELECT floor(extract(epoch FROM (now() AT TIME ZONE 'UTC')))::bigint::text FROM orders",
                view("SELECT strftime('%s', 'now') FROM Orders"));
        assertEquals("SELECT to_char((to_timestamp(x.t) AT TIME ZONE 'UTC'), 'YYYY-MM-DD HH24:MI:SS') FROM (SELECT 1 AS t) AS x",
                view("SELECT datetime(x.t, 'unixepoch') FROM (SELECT 1 AS t) AS x"), "a column the plan does not know");
        // was refused: month arithmetic is now SQLite's own (January 31 + 1 month runs into March), proven in
        // SqlRewriterFixturesTest against SQLite; a fraction of a month is still refused
        assertEquals("SELECT to_char((date_trunc('month', orderdate) + interval '1 months' + (orderdate - "
                + "date_trunc('month', orderdate))), 'YYYY-MM-DD') FROM orders", view("SELECT date(OrderDate, '+1 month') FROM Orders"));
        assertTrue(refused("SELECT date(OrderDate, '+1.5 months') FROM Orders").contains("month"));
        // was %W, refused: %W and %U are now counted as SQLite counts them (proven in SqlRewriterFixturesTest); %J still is
        assertTrue(refused("SELECT strftime('%J', OrderDate) FROM Orders").contains("%J"));
    }

    @Test
    void viewColumnListsAndSubqueries() {
        assertEquals("SELECT * FROM (SELECT orderid, x.n FROM orders, (SELECT count(*) AS n FROM \"order details\") AS x) AS v (id, \"n count\")",
                view("SELECT OrderID, x.n FROM Orders, (SELECT count(*) AS n FROM [Order Details]) AS x").isEmpty() ? ""
                        : SqlTranslator.view("CREATE VIEW v(Id, [N Count]) AS SELECT OrderID, x.n FROM Orders, "
                        + "(SELECT count(*) AS n FROM [Order Details]) AS x", SCOPE).sql());
        assertTrue(view("SELECT * FROM (SELECT OrderID FROM Orders)").matches("SELECT \\* FROM \\(SELECT orderid FROM orders\\) "
                + "AS subquery\\d+"), "PostgreSQL before 16 needs an alias on a subquery in FROM");
        assertEquals("WITH recent AS (SELECT orderid FROM orders) SELECT r.orderid FROM recent r",
                view("WITH recent AS (SELECT OrderID FROM Orders) SELECT r.OrderID FROM recent r"));
    }

    @Test
    void typedRewritesOfTheRewriter() {
        assertEquals("SELECT remark::jsonb #>> '{a,0}' FROM orders", view("SELECT json_extract(Remark, '$.a[0]') FROM Orders"),
                "a JSON path on a text column reads it as jsonb");
        assertEquals("SELECT orderid FROM orders WHERE customerid COLLATE \"C\" ILIKE remark ESCAPE ''",
                view("SELECT OrderID FROM Orders WHERE CustomerID LIKE Remark"), "SQLite's LIKE has no escape character");
        assertEquals("SELECT orderid / nullif(freight, 0) FROM orders", view("SELECT OrderID / Freight FROM Orders"),
                "a division by zero is NULL in SQLite");
        assertTrue(refused("SELECT typeof(Freight + 1) FROM Orders").contains("typeof"),
                "typeof of a computed value is refused: PostgreSQL's one type does not tell SQLite's class");
        assertTrue(refused("SELECT Quantity * Name FROM [Order Details]").contains("text"));
        assertTrue(refused("SELECT Freight || 'x' FROM Orders").contains("fractional"));
        assertTrue(refused("SELECT OrderID FROM Orders WHERE 1 = '1'").contains("number with text"));
        assertTrue(refused("SELECT OrderID FROM Orders WHERE strftime('%Y', OrderDate) = 1997").contains("number with text"),
                "SQLite compares the text '1997' with the number 1997 as unequal");
        assertEquals("SELECT orderid FROM orders WHERE (freight <> 0) IS TRUE AND shipped IS NOT FALSE",
                view("SELECT OrderID FROM Orders WHERE Freight IS TRUE AND Shipped IS NOT FALSE"), "IS TRUE asks for a true value");
        assertTrue(refused("SELECT printf('%5.2f', Freight) FROM Orders").contains("%5"));
        assertEquals("SELECT CASE WHEN 1 = 1 THEN 'a' END FROM orders ORDER BY 1 NULLS FIRST",
                view("SELECT CASE WHEN 1 = 1 THEN 'a' END FROM Orders ORDER BY 1"), "a CASE without ELSE can be NULL");
        assertEquals("SELECT ('a' || orderid::text) || 'b' FROM orders", view("SELECT ('a' || OrderID) || 'b' FROM Orders"));
        assertEquals("SELECT 'a' || (1 + orderid)::text FROM orders",
                view("SELECT 'a' || (1 + OrderID) FROM Orders"), "the sum is cast as a whole, in its parentheses");
    }

    static String trigger(String sql) {
        SqlTranslator.Result r = SqlTranslator.trigger(SqlParser.parse(sql), sql, SCOPE, SCOPE.relation("Orders"));
        assertNull(r.failure(), () -> sql + " failed: " + r.failure());
        return r.sql();
    }

    @Test
    void triggerStatementsGoThroughTheRewriter() {
        assertEquals("INSERT INTO \"order details\" (orderid, name) VALUES (NEW.orderid, NEW.customerid)",
                trigger("INSERT INTO [Order Details] (OrderID, Name) VALUES (NEW.OrderID, NEW.CustomerID)"));
        assertEquals("UPDATE orders SET shipped = true, freight = freight + 1 WHERE orderid = OLD.orderid",
                trigger("UPDATE Orders SET Shipped = 1, Freight = Freight + 1 WHERE OrderID = OLD.OrderID"));
        assertEquals("DELETE FROM \"order details\" WHERE orderid = OLD.orderid",
                trigger("DELETE FROM [Order Details] WHERE OrderID = OLD.OrderID"));
        assertEquals("INSERT INTO \"order details\" (orderid) VALUES (NEW.orderid) ON CONFLICT DO NOTHING",
                trigger("INSERT OR IGNORE INTO [Order Details] (OrderID) VALUES (NEW.OrderID)"));
        assertEquals("INSERT INTO orders (orderid, remark) VALUES (NEW.orderid, 'x') ON CONFLICT (orderid) DO UPDATE SET "
                + "remark = EXCLUDED.remark", trigger("INSERT INTO Orders (OrderID, Remark) VALUES (NEW.OrderID, 'x') "
                + "ON CONFLICT (OrderID) DO UPDATE SET Remark = excluded.Remark"));
        // the PERFORM is now made whole by the translator from the SELECT's tree (it used to be handed the select list alone)
        String perform = "SELECT count(*) FROM [Order Details] WHERE OrderID = NEW.OrderID";
        assertEquals("PERFORM count(*) FROM \"order details\" WHERE orderid = NEW.orderid", SqlTranslator.perform(
                (SqlSelect) SqlParser.parse(perform), perform, SCOPE, SCOPE.relation("Orders")).sql(), "a PERFORM's select list");
        String when = "NEW.Shipped AND NEW.Freight > OLD.Freight";
        assertEquals("NEW.shipped AND NEW.freight > OLD.freight", SqlTranslator.triggerCondition(SqlParser.parseExpression(when),
                when, SCOPE, SCOPE.relation("Orders")).sql());
        assertEquals("true", SqlTranslator.assignment(SqlParser.parseExpression("1"), "1", SCOPE, SCOPE.relation("Orders"),
                ORDERS.column("Shipped")).sql(), "a value fitted to the column it is assigned to");
        assertEquals("INSERT INTO orders (orderid, remark) VALUES (1, 'x') ON CONFLICT (orderid) DO UPDATE SET "
                + "customerid = EXCLUDED.customerid, orderdate = EXCLUDED.orderdate, freight = EXCLUDED.freight, "
                + "shipped = EXCLUDED.shipped, \"Note\" = EXCLUDED.\"Note\", remark = EXCLUDED.remark, created = EXCLUDED.created, "
                + "filter = EXCLUDED.filter", trigger("INSERT OR REPLACE INTO Orders (OrderID, Remark) VALUES (1, 'x')"),
                "REPLACE on the one key: every other column takes the new row's value (its default when not listed)");
        String orReplace = "UPDATE OR REPLACE Orders SET Remark = 'x'";
        assertTrue(SqlTranslator.trigger(SqlParser.parse(orReplace), orReplace, SCOPE, SCOPE.relation("Orders"))
                .failure().contains("REPLACE"));
    }

    @Test
    void aDerivedColumnIsNamedAsPostgresNamesIt() {
        assertEquals("SELECT x.\"Note\" FROM (SELECT \"Note\" FROM orders) AS x WHERE x.\"Note\" = 'a'",
                view("SELECT x.Note FROM (SELECT Note FROM Orders) AS x WHERE x.Note = 'a'"),
                "a column kept exact in the plan keeps that name through a subquery");
        assertEquals("SELECT max(shipped::int) FROM orders", view("SELECT max(Shipped) FROM Orders"),
                "PostgreSQL has no max(boolean)");
        assertEquals("SELECT c.column1 FROM (VALUES (1), (2)) AS c WHERE c.column1 > 1",
                view("SELECT c.column1 FROM (VALUES (1), (2)) AS c WHERE c.column1 > 1"));
    }

    @Test
    void utcAfterNowIsNothingAsInSqlite342AndLater() {
        // sqlite-jdbc 3.53 with TZ=America/New_York: datetime('now','utc') = datetime('now'),
        // datetime('2024-01-01 10:00','utc') = '2024-01-01 15:00:00', 'localtime' then 'utc' gives 'now' back
        assertEquals(view("SELECT datetime('now') FROM Orders"), view("SELECT datetime('now', 'utc') FROM Orders"));
        assertEquals(view("SELECT date('now', '+1 day') FROM Orders"), view("SELECT date('now', '+1 day', 'utc') FROM Orders"));
        assertEquals(view("SELECT datetime('now', 'localtime', 'utc') FROM Orders"),
                view("SELECT datetime('now', 'localtime', 'utc', 'utc') FROM Orders"));
        assertTrue(view("SELECT datetime('now', 'localtime', 'utc') FROM Orders").contains("AS timestamptz) AT TIME ZONE 'UTC'"));
        assertTrue(view("SELECT datetime(OrderDate, 'utc') FROM Orders").contains("AS timestamptz) AT TIME ZONE 'UTC'"),
                "a stored value is read as local time, as SQLite does");
    }

    @Test
    void expressionsAboutOneRow() {
        SqlTranslator.Result r = SqlTranslator.expression("Freight >= 0 AND length(CustomerID) = 5", SCOPE, ORDERS);
        assertEquals("freight >= 0 AND length(customerid) = 5", r.sql());
        assertTrue(SqlTranslator.expression("OrderDate < datetime('now')", SCOPE, ORDERS).stable());
        assertEquals("lower(customerid)", SqlTranslator.expression("lower(CustomerID)", SCOPE, ORDERS).sql());
        assertEquals("orderid > 0", SqlTranslator.expression("rowid > 0", SCOPE, ORDERS).sql());
    }
}
