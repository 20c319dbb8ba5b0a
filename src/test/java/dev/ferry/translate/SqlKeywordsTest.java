package dev.ferry.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every one of SQLite's keywords (https://sqlite.org/lang_keywords.html) used as a name in the places
 * a name goes, with SQLite as the judge: the parser accepts the statement exactly when SQLite does.
 * This is what proves the keyword sets of {@link SqlKeywords} (reserved, join words, the fallback).
 */
class SqlKeywordsTest {

    static final List<String> KEYWORDS = List.of(("ABORT ACTION ADD AFTER ALL ALTER ALWAYS ANALYZE AND AS ASC ATTACH "
            + "AUTOINCREMENT BEFORE BEGIN BETWEEN BY CASCADE CASE CAST CHECK COLLATE COLUMN COMMIT CONFLICT CONSTRAINT "
            + "CREATE CROSS CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP DATABASE DEFAULT DEFERRABLE DEFERRED "
            + "DELETE DESC DETACH DISTINCT DO DROP EACH ELSE END ESCAPE EXCEPT EXCLUDE EXCLUSIVE EXISTS EXPLAIN FAIL "
            + "FILTER FIRST FOLLOWING FOR FOREIGN FROM FULL GENERATED GLOB GROUP GROUPS HAVING IF IGNORE IMMEDIATE IN "
            + "INDEX INDEXED INITIALLY INNER INSERT INSTEAD INTERSECT INTO IS ISNULL JOIN KEY LAST LEFT LIKE LIMIT MATCH "
            + "MATERIALIZED NATURAL NO NOT NOTHING NOTNULL NULL NULLS OF OFFSET ON OR ORDER OTHERS OUTER OVER PARTITION "
            + "PLAN PRAGMA PRECEDING PRIMARY QUERY RAISE RANGE RECURSIVE REFERENCES REGEXP REINDEX RELEASE RENAME "
            + "REPLACE RESTRICT RETURNING RIGHT ROLLBACK ROW ROWS SAVEPOINT SELECT SET TABLE TEMP TEMPORARY THEN TIES TO "
            + "TRANSACTION TRIGGER UNBOUNDED UNION UNIQUE UPDATE USING VACUUM VALUES VIEW VIRTUAL WHEN WHERE WINDOW "
            + "WITH WITHOUT").split(" "));

    /** The places a name goes; K is the keyword. Each table and column named K exists in the database. */
    static final List<String> PLACES = List.of(
            "SELECT K FROM \"K\"",
            "SELECT \"K\".K FROM \"K\"",
            "SELECT 1 AS K",
            "SELECT 1 K",
            "SELECT * FROM K",
            "SELECT * FROM \"K\" AS K",
            "SELECT * FROM \"K\" K",
            "SELECT K(1)",
            "UPDATE \"K\" SET K = 1",
            "INSERT INTO \"K\" (K) VALUES (1)",
            "CREATE VIEW K AS SELECT 1",
            "WITH K AS (SELECT 1) SELECT * FROM K",
            "SELECT count(*) K FROM \"K\"",
            "SELECT count(*) FILTER (WHERE 1) K FROM \"K\"",
            "SELECT * FROM \"K\" WHERE K = 1 ORDER BY K DESC",
            "SELECT * FROM \"K\" AS a JOIN \"K\" AS b USING (K)",
            "SELECT sum(1) OVER K FROM \"K\" WINDOW K AS ()",
            "SELECT CAST(1 AS K)",
            "SELECT 1 COLLATE K",
            "SELECT * FROM \"K\" INDEXED BY K",
            "CREATE VIEW v (K) AS SELECT 1",
            "CREATE TRIGGER K AFTER INSERT ON K BEGIN SELECT 1; END",
            "CREATE TRIGGER tr AFTER UPDATE OF K ON \"K\" BEGIN UPDATE \"K\" SET K = new.K; END");

    @Test
    void theParserTakesAKeywordAsANameExactlyWhereSqliteDoes() throws SQLException {
        assertEquals(147, KEYWORDS.size());
        List<String> differences = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            for (String k : KEYWORDS) {
                s.executeUpdate("CREATE TABLE \"" + k + "\" (\"" + k + "\" INTEGER)");
            }
            for (String k : KEYWORDS) {
                for (String place : PLACES) {
                    String sql = place.replace("K", k.toLowerCase());
                    // SQLite's other objections (no such function, collation, index) are not about syntax
                    String problem = SqlParserCorpusTest.prepare(c, sql);
                    boolean sqlite = problem == null || !problem.contains("syntax error")
                            && !problem.contains("incomplete input") && !problem.contains("unrecognized token");
                    boolean parser;
                    try {
                        SqlParser.parse(sql);
                        parser = true;
                    } catch (SqlParseException e) {
                        parser = false;
                    }
                    if (sqlite != parser) {
                        differences.add(sql + ": SQLite " + (sqlite ? "accepts" : "refuses") + " it, the parser "
                                + (parser ? "accepts" : "refuses") + " it");
                    }
                }
            }
        }
        assertEquals(List.of(), differences);
    }
}
