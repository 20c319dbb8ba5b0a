package dev.ferry.appcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A statement is what the SQLite grammar reads, not what begins with a keyword: prose that starts
 * with Select, Update or Delete is turned away; statements the grammar does not cover (schema,
 * PRAGMA, VACUUM) are kept by their fixed opening words; a statement built at run time is read with
 * its code parts standing in as parameters or names.
 */
class SqlRecognizerTest {

    private static Candidate plain(String text) {
        return new Candidate("a.py", 1, text, false, "Python");
    }

    @Test
    void proseIsNotSql() {
        SqlRecognizer r = new SqlRecognizer();
        for (String s : List.of("Select your team! Saved: ", "Delete done.", "Update your profile with /team",
                "Select a valid SKU like ABC-1234", "Update interval: 6h", "Create a new team", "Drop it",
                "Pragma is a word too", "Delete old rows: %w")) {
            assertFalse(r.isStatement(plain(s)), s);
        }
    }

    @Test
    void statementsAreReadAndKindsNamed() {
        assertEquals("SELECT", SqlRecognizer.read(plain("SELECT id FROM t WHERE a = ?")).orElseThrow().kind());
        assertEquals("INSERT", SqlRecognizer.read(plain("INSERT OR REPLACE INTO t (a) VALUES (?)")).orElseThrow().kind());
        assertEquals("PRAGMA", SqlRecognizer.read(plain("PRAGMA journal_mode=WAL")).orElseThrow().kind());
        assertEquals("PRAGMA", SqlRecognizer.read(plain("PRAGMA foreign_keys = ON")).orElseThrow().kind());
        assertEquals("CREATE TABLE", SqlRecognizer.read(plain("CREATE TABLE IF NOT EXISTS t (id INTEGER)")).orElseThrow().kind());
        assertEquals("VACUUM", SqlRecognizer.read(plain("VACUUM INTO ?")).orElseThrow().kind());
        assertEquals("ANALYZE", SqlRecognizer.read(plain("ANALYZE")).orElseThrow().kind());
    }

    @Test
    void dynamicStatementsAreReadWithTheirCodeParts() {
        Candidate orderBy = new Candidate("a.js", 1, "SELECT * FROM products ORDER BY {column} {direction}", true, "JavaScript", List.of(Candidate.Part.literal(
                "SELECT * FROM products ORDER BY "), Candidate.Part.code("column"), Candidate.Part.literal(" "),
                Candidate.Part.code("direction")));
        assertTrue(SqlRecognizer.read(orderBy).isPresent());
        Candidate table = new Candidate("a.py", 1, "DELETE FROM {table} WHERE id NOT IN (SELECT id FROM players)", true, "Python", List.of(Candidate.Part.literal("DELETE FROM "),
                Candidate.Part.code("table"), Candidate.Part.literal(" WHERE id NOT IN (SELECT id FROM players)")));
        assertTrue(SqlRecognizer.read(table).isPresent());
    }

    @Test
    void aFormatCallsHolesAreFilledNotItsArguments() {
        Candidate go = new Candidate("s.go", 1, "DELETE FROM %s WHERE fetched_at < strftime('%%s', 'now', '-%d days')", true,
                "Go", List.of(Candidate.Part.literal("DELETE FROM %s WHERE fetched_at < strftime('%%s', 'now', '-%d days')"),
                Candidate.Part.code("table, days")));
        SqlRecognizer.Reading r = SqlRecognizer.read(go).orElseThrow();
        assertEquals("DELETE FROM ferry_part WHERE fetched_at < strftime('%s', 'now', '-? days')", r.text());
        Candidate notSql = new Candidate("s.go", 1, "Delete old rows: %w", true, "Go",
                List.of(Candidate.Part.literal("Delete old rows: %w"), Candidate.Part.code("err")));
        assertFalse(SqlRecognizer.read(notSql).isPresent());
    }
}
