package dev.ferry.appcode;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The pre-filter keeps what begins with a SQLite statement keyword, after white space and comments,
 * in any case; a word that cannot stand alone as a statement needs more after it. It keeps
 * "Select your team!" too: telling that apart is the parser's job, plugged in through the same seam.
 */
class KeywordRecognizerTest {

    private static boolean keeps(String text) {
        return StatementRecognizer.KEYWORDS.isStatement(new Candidate("f", 1, text, false, "Python"));
    }

    @Test
    void keepsStatementStarts() {
        for (String s : new String[] {"SELECT 1", "  select * from t", "-- why\n/* note */ INSERT INTO t VALUES (1)",
                "WITH x AS (SELECT 1) SELECT * FROM x", "replace into t values (1)", "PRAGMA journal_mode=WAL", "VACUUM",
                "commit;", "Begin", "ANALYZE", "VALUES (1), (2)", "EXPLAIN QUERY PLAN SELECT 1", "SAVEPOINT a",
                "RELEASE a", "ATTACH 'x.db' AS x", "DROP TABLE t", "ALTER TABLE t ADD c", "CREATE INDEX i ON t(a)",
                "UPDATE t SET a = 1", "DELETE FROM t", "ROLLBACK", "SELECT*FROM t", "VALUES(1)", "END TRANSACTION"}) {
            assertTrue(keeps(s), s);
        }
    }

    @Test
    void dropsWhatCannotBeAStatement() {
        for (String s : new String[] {"select", "Update", "delete;", "Selection made", "updated_at", "user_id", "",
                "Please select a row", "{table} SELECT", "UPSERT INTO t VALUES (1)", "update-notifier", "commit-hooks",
                "select-one", "end", "Delete: are you sure?"}) {
            assertFalse(keeps(s), s);
        }
    }

    @Test
    void aParserPlugsInThroughTheSameSeam() {
        StatementRecognizer strict = c -> StatementRecognizer.KEYWORDS.isStatement(c) && !c.text().contains("!");
        assertTrue(StatementRecognizer.KEYWORDS.isStatement(new Candidate("f", 1, "Select your team!", false, "Python")));
        assertFalse(strict.isStatement(new Candidate("f", 1, "Select your team!", false, "Python")));
    }
}
