package dev.ferry.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cheap storage-class tests of the profile scan say exactly what typeof says, for every kind
 * of value SQLite can store, in a column of each affinity Ferry presumes a class for.
 */
class ClassTestSqlTest {

    private static final String[] VALUES = {
        "0", "1", "-1", "42", "9223372036854775807", "-9223372036854775808", "9.3e18", "-9.3e18", "1e30", "-0.0",
        "2.0", "2.5", "-2.5", "1e-300", "'12'", "' 12 '", "'12.0'", "'1e3'", "'abc'", "''", "' '", "'0x10'",
        "'9223372036854775808'", "x''", "x'00'", "x'3132'", "x'ffff'", "char(0)", "'é'", "NULL",
    };

    @Test
    void sameAnswerAsTypeofInEveryAffinity() throws Exception {
        // declared types as Ferry meets them: the class each presumes (see plan.TypePlanner.presumedClass)
        String[][] columns = {
            {"INTEGER", "integer"}, {"BIGINT", "integer"}, {"BOOLEAN", "integer"}, {"REAL", "real"},
            {"DOUBLE", "real"}, {"TEXT", "text"}, {"VARCHAR(10)", "text"}, {"DATETIME", "text"}, {"JSON", "text"},
            {"BLOB", "blob"}, {"TEXT COLLATE NOCASE", "text"}, {"INTEGER COLLATE RTRIM", "integer"},
        };
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement st = c.createStatement()) {
            int checked = 0;
            for (String[] col : columns) {
                st.execute("DROP TABLE IF EXISTS t");
                st.execute("CREATE TABLE t (v " + col[0] + ")");
                for (String v : VALUES) {
                    st.execute("INSERT INTO t VALUES (" + v + ")");
                }
                String test = FirstScan.classTest("\"v\"", col[1]);
                try (ResultSet rs = st.executeQuery("SELECT quote(v), typeof(v), typeof(v) = '" + col[1] + "', " + test
                        + " FROM t WHERE v IS NOT NULL")) {
                    while (rs.next()) {
                        assertEquals(rs.getInt(3), rs.getInt(4), col[0] + " column holding " + rs.getString(1) + " ("
                                + rs.getString(2) + "): " + test);
                        checked++;
                    }
                }
            }
            assertTrue(checked > columns.length * 20, "values checked: " + checked);
        }
    }

    @Test
    void aCollationOnlyTheAppKnowsIsNotNeeded(@TempDir Path dir) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("android.db");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            // as in an Android app's file: SQLite outside the app has no LOCALIZED collation
            st.execute("CREATE TABLE t (a TEXT, b INTEGER, c REAL, d BLOB)");
            st.execute("INSERT INTO t VALUES ('x', 1, 1.5, x'01')");
            st.execute("PRAGMA writable_schema = ON");
            st.execute("UPDATE sqlite_schema SET sql = 'CREATE TABLE t (a TEXT COLLATE LOCALIZED, b INTEGER COLLATE "
                    + "LOCALIZED, c REAL COLLATE LOCALIZED, d BLOB COLLATE LOCALIZED)' WHERE name = 't'");
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + FirstScan.classTest("a", "text") + " AND "
                     + FirstScan.classTest("b", "integer") + " AND " + FirstScan.classTest("c", "real") + " AND "
                     + FirstScan.classTest("d", "blob") + " FROM t")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
        }
    }
}
