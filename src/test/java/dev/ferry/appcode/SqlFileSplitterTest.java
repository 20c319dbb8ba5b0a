package dev.ferry.appcode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A .sql file is split where SQLite would stop: not at a semicolon in a string, a quoted name or a
 * comment, nor inside a trigger's body (where CASE ... END is not the body's END); each statement
 * at the line of its first word, not of the comment above it.
 */
class SqlFileSplitterTest {

    private static List<String> split(String sql) {
        return SqlFileSplitter.statements(sql, "s.sql").stream().map(c -> c.line() + " " + c.text().replaceAll("\\s+", " ")).toList();
    }

    @Test
    void statementsTriggersStringsAndComments() {
        assertEquals(List.of(
                "2 CREATE TABLE t (a TEXT, \"b;c\" TEXT)",
                "3 INSERT INTO t VALUES ('x;y', 'z')",
                "5 CREATE TEMP TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET a = CASE WHEN a IS NULL THEN 'x' END; "
                        + "DELETE FROM t WHERE a = ';'; END",
                "9 BEGIN",
                "9 COMMIT",
                "10 SELECT 1"), split("""
                -- schema; with a semicolon in the comment
                CREATE TABLE t (a TEXT, "b;c" TEXT); /* and; here */
                INSERT INTO t VALUES ('x;y', 'z');
                -- a trigger
                CREATE TEMP TRIGGER tr AFTER INSERT ON t BEGIN
                  UPDATE t SET a = CASE WHEN a IS NULL THEN 'x' END;
                  DELETE FROM t WHERE a = ';';
                END;
                BEGIN; COMMIT;;
                SELECT 1"""));
    }

    @Test
    void textThatIsNotSqliteSqlStaysOnePiece() {
        assertEquals(List.of("2 \\connect app SELECT 1;"), split("\n\\connect app\nSELECT 1;\n"));
    }
}
