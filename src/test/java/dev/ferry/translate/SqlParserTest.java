package dev.ferry.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The parser on its own: SQLite's precedence, names, the tree's shape and spans, and its error messages. */
class SqlParserTest {

    /** The expression with every operator's operands in parentheses, so a test reads the tree's shape. */
    static String shape(String sql) {
        return shape(SqlParser.parseExpression(sql));
    }

    static String shape(SqlExpr e) {
        if (e instanceof SqlExpr.Binary b) {
            return "(" + shape(b.left()) + " " + b.op() + " " + shape(b.right()) + ")";
        }
        if (e instanceof SqlExpr.Unary u) {
            return "(" + u.op() + (u.op().equals("NOT") ? " " : "") + shape(u.operand()) + ")";
        }
        if (e instanceof SqlExpr.Between b) {
            return "(" + shape(b.value()) + (b.not() ? " NOT" : "") + " BETWEEN " + shape(b.low()) + " AND "
                    + shape(b.high()) + ")";
        }
        if (e instanceof SqlExpr.Like l) {
            return "(" + shape(l.left()) + (l.not() ? " NOT " : " ") + l.op() + " " + shape(l.pattern())
                    + (l.escape() == null ? "" : " ESCAPE " + shape(l.escape())) + ")";
        }
        if (e instanceof SqlExpr.NullTest n) {
            return "(" + shape(n.operand()) + " " + n.op() + ")";
        }
        if (e instanceof SqlExpr.Collate c) {
            return "(" + shape(c.expr()) + " COLLATE " + c.collation().value() + ")";
        }
        if (e instanceof SqlExpr.InList i) {
            return "(" + shape(i.left()) + (i.not() ? " NOT IN " : " IN ")
                    + i.items().stream().map(SqlParserTest::shape).collect(Collectors.joining(", ", "[", "]")) + ")";
        }
        return SqlWriter.write(e);
    }

    @Test
    void andBindsTighterThanOr() {
        assertEquals("((a = 1) OR ((b = 2) AND c))", shape("a = 1 OR b = 2 AND c"));
        assertEquals("(((a OR b) AND c) OR d)", shape("(a OR b) AND c OR d"), "the author's parentheses stay");
    }

    @Test
    void notTakesTheWholeComparison() {
        assertEquals("(NOT (a = b))", shape("NOT a = b"));
        assertEquals("((NOT a) AND b)", shape("NOT a AND b"));
        assertEquals("(NOT (NOT a))", shape("NOT NOT a"));
        assertEquals("(NOT (a IN [1, 2]))", shape("NOT a IN (1, 2)"));
        assertEquals("(a = (NOT b))", shape("a = NOT b"), "NOT may start any operand, as SQLite allows");
    }

    @Test
    void concatenationAndTheJsonArrowsShareALevelLeftToRight() {
        assertEquals("((x || y) -> '$.a')", shape("x || y -> '$.a'"));
        assertEquals("((x ->> '$.a') || y)", shape("x ->> '$.a' || y"));
        assertEquals("((('a: ' || p) ->> '$.b') = 'a: 1')", shape("'a: ' || p ->> '$.b' = 'a: 1'"));
        assertEquals("(a + (b || c))", shape("a + b || c"));
    }

    @Test
    void betweenTakesItsOwnAndFirst() {
        assertEquals("((a BETWEEN 1 AND 2) AND c)", shape("a BETWEEN 1 AND 2 AND c"));
        assertEquals("(a NOT BETWEEN (1 + 1) AND (2 * 3))", shape("a NOT BETWEEN 1 + 1 AND 2 * 3"));
        assertEquals("((a BETWEEN b AND c) = 1)", shape("a BETWEEN b AND c = 1"));
    }

    @Test
    void arithmeticBitsAndComparisonsInSqlitesOrder() {
        assertEquals("(a + (b * c))", shape("a + b * c"));
        assertEquals("((a - b) - c)", shape("a - b - c"));
        assertEquals("(a & (b + c))", shape("a & b + c"));
        assertEquals("((a << 1) < b)", shape("a << 1 < b"));
        assertEquals("((a < b) = (c < d))", shape("a < b = c < d"));
        assertEquals("((a = b) = c)", shape("a = b = c"));
        assertEquals("((a % 2) == 0)", shape("a % 2 == 0"));
        assertEquals("((a != b) OR (a <> c))", shape("a != b OR a <> c"));
    }

    @Test
    void unaryOperatorsAndCollateBindTightest() {
        assertEquals("((-a) * b)", shape("-a * b"));
        assertEquals("(1 - (-1))", shape("1 - -1"));
        assertEquals("(~(-a))", shape("~-a"));
        assertEquals("((-a) COLLATE nocase)", shape("-a COLLATE nocase"));
        assertEquals("((a COLLATE nocase) = b)", shape("a COLLATE nocase = b"));
        assertEquals("(a || (b COLLATE rtrim))", shape("a || b COLLATE rtrim"));
    }

    @Test
    void likeGlobEscapeAndTheNullTests() {
        assertEquals("((a LIKE ('x' || '%') ESCAPE '\\') AND b)", shape("a LIKE 'x' || '%' ESCAPE '\\' AND b"));
        assertEquals("(a NOT GLOB '*.txt')", shape("a NOT GLOB '*.txt'"));
        assertEquals("(a MATCH 'b')", shape("a MATCH 'b'"));
        assertEquals("(a REGEXP '^x')", shape("a REGEXP '^x'"));
        assertEquals("((a ISNULL) OR (b NOTNULL))", shape("a ISNULL OR b NOTNULL"));
        assertEquals("((a NOT NULL) AND c)", shape("a NOT NULL AND c"));
        assertEquals("(a IS NOT NULL)", shape("a IS NOT NULL"));
        assertEquals("(a IS NOT DISTINCT FROM b)", shape("a IS NOT DISTINCT FROM b"));
        assertEquals("((a IS DISTINCT FROM b) AND c)", shape("a IS DISTINCT FROM b AND c"));
    }

    @Test
    void literalsAndNamesKeepTheirText() {
        SqlExpr.Literal hex = (SqlExpr.Literal) SqlParser.parseExpression("0x1F");
        assertEquals(SqlExpr.Literal.Kind.INTEGER, hex.kind());
        assertEquals("0x1F", hex.text());
        SqlExpr.Literal real = (SqlExpr.Literal) SqlParser.parseExpression("1.50e3");
        assertEquals(SqlExpr.Literal.Kind.REAL, real.kind());
        assertEquals("1.50e3", real.text());
        SqlExpr.Literal string = (SqlExpr.Literal) SqlParser.parseExpression("'it''s'");
        assertEquals("'it''s'", string.text());
        assertEquals("it's", string.value());
        SqlExpr.Literal blob = (SqlExpr.Literal) SqlParser.parseExpression("X'CAFE'");
        assertEquals(SqlExpr.Literal.Kind.BLOB, blob.kind());
        assertEquals("CAFE", blob.value());
        assertEquals(SqlExpr.Literal.Kind.TRUE, ((SqlExpr.Literal) SqlParser.parseExpression("true")).kind());
        assertEquals(SqlExpr.Literal.Kind.CURRENT_TIMESTAMP,
                ((SqlExpr.Literal) SqlParser.parseExpression("current_timestamp")).kind());
        for (String param : List.of("?", "?12", ":name", "@name", "$name")) {
            assertEquals(param, ((SqlExpr.Param) SqlParser.parseExpression(param)).text());
        }
        SqlExpr.Column c = (SqlExpr.Column) SqlParser.parseExpression("main.[Order Details].\"Unit \"\"Price\"\"\"");
        assertEquals("main", c.schema().value());
        assertEquals(SqlName.Quote.NONE, c.schema().quote());
        assertEquals("Order Details", c.table().value());
        assertEquals(SqlName.Quote.BRACKET, c.table().quote());
        assertEquals("Unit \"Price\"", c.column().value());
        assertEquals(SqlName.Quote.DOUBLE, c.column().quote());
        assertEquals(SqlName.Quote.BACKTICK, ((SqlExpr.Column) SqlParser.parseExpression("`x`")).column().quote());
        assertEquals("==", ((SqlExpr.Binary) SqlParser.parseExpression("a == b")).op());
    }

    @Test
    void keywordsThatSqliteLetsNameThings() {
        SqlSelect s = (SqlSelect) SqlParser.parse("SELECT key, value, replace(a, 'x', 'y'), left.action FROM t AS left");
        List<SqlClause.ResultColumn> columns = ((SqlSelect.Core) s.body()).columns();
        assertEquals("key", ((SqlExpr.Column) ((SqlClause.Output) columns.get(0)).expr()).column().value());
        assertEquals("replace", ((SqlExpr.Function) ((SqlClause.Output) columns.get(2)).expr()).name().value());
        assertEquals("left", ((SqlExpr.Column) ((SqlClause.Output) columns.get(3)).expr()).table().value());
        SqlSelect aliases = (SqlSelect) SqlParser.parse("SELECT count(*) over, max(a) filter, 1 window FROM t");
        List<SqlClause.ResultColumn> named = ((SqlSelect.Core) aliases.body()).columns();
        assertEquals("over", ((SqlClause.Output) named.get(0)).alias().value());
        assertNull(((SqlExpr.Function) ((SqlClause.Output) named.get(0)).expr()).over());
        assertEquals("filter", ((SqlClause.Output) named.get(1)).alias().value());
        assertEquals("window", ((SqlClause.Output) named.get(2)).alias().value());
        SqlSelect windowed = (SqlSelect) SqlParser.parse("SELECT sum(a) OVER w FROM t WINDOW w AS (ORDER BY b)");
        assertEquals("w", ((SqlSelect.Core) windowed.body()).windows().get(0).name().value());
        assertThrows(SqlParseException.class, () -> SqlParser.parse("SELECT * FROM t left"),
                "a join word is never an alias without AS");
        assertThrows(SqlParseException.class, () -> SqlParser.parse("SELECT select FROM t"));
    }

    @Test
    void statementsReadIntoTheirParts() {
        SqlSelect limit = (SqlSelect) SqlParser.parse("SELECT a FROM t LIMIT 20, 10");
        assertEquals("10", SqlWriter.write(limit.limit().count()));
        assertEquals("20", SqlWriter.write(limit.limit().offset()));

        SqlStatement.Insert replace = (SqlStatement.Insert) SqlParser.parse("REPLACE INTO t (a) VALUES (1)");
        assertEquals("REPLACE", replace.orAction());
        SqlStatement.Insert upsert = (SqlStatement.Insert) SqlParser.parse(
                "INSERT INTO t (a, b) VALUES (1, 2) ON CONFLICT (a) DO UPDATE SET b = excluded.b WHERE b < 3 "
                        + "ON CONFLICT DO NOTHING RETURNING a");
        assertEquals(2, upsert.upserts().size());
        assertFalse(upsert.upserts().get(0).doNothing());
        assertTrue(upsert.upserts().get(1).doNothing());
        assertEquals(1, upsert.returning().size());
        assertNull(((SqlStatement.Insert) SqlParser.parse("INSERT INTO t DEFAULT VALUES")).source());

        SqlStatement.Update update = (SqlStatement.Update) SqlParser.parse(
                "UPDATE OR IGNORE t SET (a, b) = (1, 2), c = 3 FROM u WHERE u.id = t.id");
        assertEquals("IGNORE", update.orAction());
        assertEquals(2, update.set().get(0).columns().size());
        assertInstanceOf(SqlFrom.Table.class, update.from());

        SqlStatement.CreateTrigger trigger = (SqlStatement.CreateTrigger) SqlParser.parse(
                "CREATE TRIGGER stamp AFTER UPDATE OF a, b ON t FOR EACH ROW WHEN new.a <> old.a BEGIN "
                        + "UPDATE t SET last_update = DATETIME('NOW') WHERE rowid = new.rowid; "
                        + "SELECT RAISE(ABORT, 'no'); END");
        assertEquals("AFTER", trigger.timing());
        assertEquals("UPDATE", trigger.event());
        assertEquals(2, trigger.ofColumns().size());
        assertTrue(trigger.forEachRow());
        assertEquals(2, trigger.body().size());
        assertInstanceOf(SqlStatement.Update.class, trigger.body().get(0));

        SqlStatement.CreateView view = (SqlStatement.CreateView) SqlParser.parse(
                "CREATE TEMP VIEW IF NOT EXISTS [Big Orders] (id) AS WITH RECURSIVE x AS MATERIALIZED (SELECT 1) SELECT * FROM x");
        assertTrue(view.temp() && view.ifNotExists());
        assertEquals("MATERIALIZED", view.select().with().ctes().get(0).materialized());

        SqlSelect join = (SqlSelect) SqlParser.parse("SELECT * FROM a NATURAL LEFT OUTER JOIN b, c CROSS JOIN d USING (x)");
        SqlFrom.Join outer = (SqlFrom.Join) ((SqlSelect.Core) join.body()).from();
        assertEquals("CROSS JOIN", outer.op());
        assertEquals(",", ((SqlFrom.Join) outer.left()).op());
        assertEquals("NATURAL LEFT OUTER JOIN", ((SqlFrom.Join) ((SqlFrom.Join) outer.left()).left()).op());

        assertEquals(2, SqlParser.parseScript("SELECT 1; ; SELECT 2;").size());
    }

    @Test
    void everyNodeKnowsTheTextItWasReadFrom() {
        String sql = "SELECT a + 1 AS x, CAST(b AS DECIMAL(10, 2)) FROM t WHERE c BETWEEN 1 AND 2";
        SqlSelect s = (SqlSelect) SqlParser.parse(sql);
        SqlSelect.Core core = (SqlSelect.Core) s.body();
        SqlClause.Output first = (SqlClause.Output) core.columns().get(0);
        assertEquals("a + 1 AS x", first.span().text(sql));
        assertEquals("a + 1", first.expr().span().text(sql));
        assertEquals("x", first.alias().span().text(sql));
        SqlExpr.Cast cast = (SqlExpr.Cast) ((SqlClause.Output) core.columns().get(1)).expr();
        assertEquals("CAST(b AS DECIMAL(10, 2))", cast.span().text(sql));
        assertEquals("DECIMAL", cast.type().name());
        assertEquals(List.of("10", "2"), cast.type().args());
        assertEquals("c BETWEEN 1 AND 2", core.where().span().text(sql));
        assertEquals(sql, s.span().text(sql));
    }

    @Test
    void errorsSayWhatWasExpectedAndWhere() {
        SqlParseException e = assertThrows(SqlParseException.class,
                () -> SqlParser.parse("INSERT INTO t (a, b\n  VALUES (1, 2)"));
        assertEquals("expected ) after the list of columns, found VALUES at line 2, column 3", e.getMessage());
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        assertEquals(22, e.position());

        assertEquals("expected an expression, found FROM at line 1, column 11",
                assertThrows(SqlParseException.class, () -> SqlParser.parse("SELECT a, FROM t")).getMessage());
        assertEquals("expected END at the end of CASE, found the end of the SQL at the end of the SQL",
                assertThrows(SqlParseException.class, () -> SqlParser.parse("SELECT CASE WHEN a THEN b")).getMessage());
        assertEquals("expected ; after a statement of the trigger's body, found END at line 1, column 56",
                assertThrows(SqlParseException.class, () -> SqlParser.parse(
                        "CREATE TRIGGER x AFTER INSERT ON t BEGIN DELETE FROM u END")).getMessage());
        assertEquals("unrecognized token 1abc at line 1, column 8",
                assertThrows(SqlParseException.class, () -> SqlParser.parse("SELECT 1abc")).getMessage());
        assertEquals("RETURNING is not allowed in a trigger's body at line 1, column 56",
                assertThrows(SqlParseException.class, () -> SqlParser.parse(
                        "CREATE TRIGGER x AFTER INSERT ON t BEGIN DELETE FROM u RETURNING *; END")).getMessage());
        SqlParseException unclosed = assertThrows(SqlParseException.class,
                () -> SqlParser.parse("SELECT 'it''s'\nFROM t WHERE a = 'abc"));
        assertEquals("a string is not closed at line 2, column 18", unclosed.getMessage());
        assertEquals(32, unclosed.position());
        assertEquals("a name in [brackets] is not closed at line 1, column 15",
                assertThrows(SqlParseException.class, () -> SqlParser.parse("SELECT * FROM [Order Details")).getMessage());
        assertEquals("unexpected character '#' at line 1, column 8",
                assertThrows(SqlParseException.class, () -> SqlParser.parse("SELECT #a")).getMessage());
    }

    @Test
    void theWriterAddsParenthesesOnlyWhereARewrittenTreeNeedsThem() {
        SqlExpr a = col("a"), b = col("b"), c = col("c");
        SqlExpr sum = new SqlExpr.Binary(SqlSpan.NONE, "+", a, b);
        assertEquals("(a + b) * c", SqlWriter.write(new SqlExpr.Binary(SqlSpan.NONE, "*", sum, c)));
        assertEquals("c * (a + b)", SqlWriter.write(new SqlExpr.Binary(SqlSpan.NONE, "*", c, sum)));
        assertEquals("c - (a + b)", SqlWriter.write(new SqlExpr.Binary(SqlSpan.NONE, "-", c, sum)));
        assertEquals("a + b + c", SqlWriter.write(new SqlExpr.Binary(SqlSpan.NONE, "+", sum, c)));
        SqlExpr not = new SqlExpr.Unary(SqlSpan.NONE, "NOT", a);
        assertEquals("(NOT a) = b", SqlWriter.write(new SqlExpr.Binary(SqlSpan.NONE, "=", not, b)));
        SqlExpr or = new SqlExpr.Binary(SqlSpan.NONE, "OR", a, b);
        assertEquals("NOT (a OR b)", SqlWriter.write(new SqlExpr.Unary(SqlSpan.NONE, "NOT", or)));
        assertEquals("(a OR b) AND c", SqlWriter.write(new SqlExpr.Binary(SqlSpan.NONE, "AND", or, c)));
        SqlExpr eqNot = new SqlExpr.Binary(SqlSpan.NONE, "=", a, not);
        assertEquals("b = NOT a", SqlWriter.write(new SqlExpr.Binary(SqlSpan.NONE, "=", b, not)),
                "SQLite reads a NOT that ends the expression as the right operand");
        assertEquals("a = (NOT a) = c", SqlWriter.write(new SqlExpr.Binary(SqlSpan.NONE, "=", eqNot, c)));
        assertEquals("a = NOT a AND c", SqlWriter.write(new SqlExpr.Binary(SqlSpan.NONE, "AND", eqNot, c)));
        for (String sql : List.of("a = NOT b", "a = NOT b AND c", "x || NOT y", "a LIKE NOT b", "a BETWEEN 1 AND NOT c")) {
            SqlExpr tree = SqlParser.parseExpression(sql);
            assertEquals(sql, SqlWriter.write(tree));
            assertEquals(SqlTrees.withoutSpans(tree), SqlTrees.withoutSpans(SqlParser.parseExpression(SqlWriter.write(tree))));
        }
        SqlExpr minus = new SqlExpr.Unary(SqlSpan.NONE, "-", a);
        assertEquals("- -a", SqlWriter.write(new SqlExpr.Unary(SqlSpan.NONE, "-", minus)));
        assertEquals("\"order\" + \"two words\"", SqlWriter.write(new SqlExpr.Binary(SqlSpan.NONE, "+",
                col("order"), col("two words"))), "a bare name a rewriter made is quoted when it must be");
    }

    static SqlExpr col(String name) {
        return new SqlExpr.Column(SqlSpan.NONE, null, null, SqlName.of(name));
    }
}
