package dev.ferry.translate;

import static dev.ferry.translate.SqlTranslatorTest.SCOPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * SQLite's meaning of a view, chosen by the user: a date column compared with text is compared as the
 * text SQLite stored (written back in its shape, compared byte by byte under "C"); everything else is
 * translated as always. Proven on data by ViewMeaningTest (run package).
 */
class SqlStoredTextTest {

    static SqlTranslator.Result sqlite(String select, String shape) {
        return SqlTranslator.viewWithSqliteMeaning("CREATE VIEW v AS " + select, SCOPE, c -> shape);
    }

    @Test
    void aDateColumnAgainstADateFunctionComparesTheStoredText() {
        String between = sqlite("SELECT OrderID FROM Orders WHERE OrderDate BETWEEN DATETIME('1997-01-01') AND "
                + "DATETIME('1997-12-31')", "YYYY-MM-DD HH:MM:SS.SSS").sql();
        assertTrue(between.startsWith("SELECT orderid FROM orders WHERE to_char(orderdate, 'YYYY-MM-DD HH24:MI:SS.MS') "
                + "COLLATE \"C\" BETWEEN to_char("), between);
        assertTrue(between.contains("'YYYY-MM-DD HH24:MI:SS') AND to_char("), "the bounds stay SQLite's text: " + between);
        String plain = SqlTranslator.view("CREATE VIEW v AS SELECT OrderID FROM Orders WHERE OrderDate BETWEEN "
                + "DATETIME('1997-01-01') AND DATETIME('1997-12-31')", SCOPE).sql();
        assertTrue(!plain.contains("to_char(orderdate"), "PostgreSQL's meaning compares moments: " + plain);
    }

    @Test
    void eitherSideAndEveryComparisonForm() {
        assertEquals("SELECT orderid FROM orders WHERE '1997-06-01' < to_char(orderdate, 'YYYY-MM-DD\"T\"HH24:MI:SS') "
                + "COLLATE \"C\"", sqlite("SELECT OrderID FROM Orders WHERE '1997-06-01' < OrderDate", "YYYY-MM-DDTHH:MM:SS").sql());
        assertEquals("SELECT orderid FROM orders WHERE to_char(orderdate, 'YYYY-MM-DD') COLLATE \"C\" IN ('1997-01-01', "
                + "'1997-01-02')", sqlite("SELECT OrderID FROM Orders WHERE OrderDate IN ('1997-01-01', '1997-01-02')",
                "YYYY-MM-DD").sql());
        assertEquals("SELECT orderid FROM orders WHERE to_char(orderdate, 'YYYY-MM-DD HH24:MI') COLLATE \"C\" >= "
                + "customerid", sqlite("SELECT OrderID FROM Orders WHERE OrderDate >= CustomerID", "YYYY-MM-DD HH:MM").sql(),
                "a text column is text to SQLite too");
    }

    @Test
    void whatIsNotADateColumnAgainstTextIsTranslatedAsAlways() {
        String select = "SELECT OrderID FROM Orders WHERE Freight > 1 AND OrderDate IS NOT NULL AND CustomerID = 'A'";
        assertEquals(SqlTranslator.view("CREATE VIEW v AS " + select, SCOPE).sql(), sqlite(select, "YYYY-MM-DD").sql());
    }

    @Test
    void datesOfNoOneShapeAreRefusedWithTheReason() {
        SqlTranslator.Result r = sqlite("SELECT OrderID FROM Orders WHERE OrderDate > DATE('1997-01-01')", null);
        assertTrue(r.failure().contains("OrderDate does not hold its dates as text of one shape"), r.failure());
    }
}
