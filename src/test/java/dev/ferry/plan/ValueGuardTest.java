package dev.ferry.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.ferry.testing.SqliteFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table planned from a sample has its guards checked in Java where the copy reads values as
 * their storage class. What must happen: for every rule so checked, the Java test and the rule's
 * own SQLite test agree on every value, edges included (ranges' ends, words with spaces, tabs and
 * capitals, blobs, numbers as text), or a re-plan would be missed or made for nothing.
 */
class ValueGuardTest {

    private static final List<String> RULES = List.of("small integer", "small integer, larger values", "integer",
            "whole numbers", "boolean", "real", "numbers", "numeric", "exact numbers", "blob", "binary",
            "timestamp from unix seconds", "timestamp from unix milliseconds", "timestamp from julian day",
            "text (catch-all)");

    @Test
    void javaAndSqliteAgreeOnEveryValue(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("v.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE v (x)",
                    "INSERT INTO v VALUES (0), (1), (2), (-1), (32767), (32768), (-32768), (-32769), (2147483647), "
                            + "(2147483648), (-2147483648), (-2147483649), (9007199254740992), (9007199254740993), "
                            + "(-9007199254740992), (-9007199254740993), (9223372036854775807), (99999999999), "
                            + "(100000000000), (-99999999999), (-100000000000), (99999999999999), (100000000000000), "
                            + "(-99999999999999), (-100000000000000), (0.0), (1.5), (-2.5), (1e300), (1721425.5), "
                            + "(1721425.4), (5373484.5), (5373484.6), (2460000.25), "
                            + "('1'), ('0'), ('true'), ('FALSE'), (' yes '), ('Yes'), ('  on'), ('off  '), (char(9) || 'yes'), "
                            + "('yes' || char(10)), ('maybe'), ('t'), ('F'), ('y'), ('N'), ('nan'), (' NaN '), ('Infinity'), "
                            + "('-inf'), ('+INF'), ('infinit'), ('1.5'), ('12'), (''), (' '), ('ＹＥＳ'), ('yés'), "
                            + "(x''), (x'00'), (x'31'), (CAST('yes' AS BLOB))");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            for (String name : RULES) {
                TypeRule rule = TypeRules.all().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
                Predicate<Object> java = ValueGuard.of(name);
                assertNotNull(java, name);
                List<String> differ = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT x, coalesce((" + rule.valueSql(null, "x")
                        + "), 0), quote(x) FROM v")) {
                    while (rs.next()) {
                        boolean sql = rs.getInt(2) != 0;
                        if (sql != java.test(rs.getObject(1))) {
                            differ.add(rs.getString(3) + " (SQLite says " + sql + ")");
                        }
                    }
                }
                assertEquals(List.of(), differ, name);
            }
        }
    }
}
