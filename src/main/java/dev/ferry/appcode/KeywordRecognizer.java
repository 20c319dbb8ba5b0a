package dev.ferry.appcode;

import java.util.Locale;
import java.util.Set;

/**
 * A pre-filter, not a recognizer of SQL: keeps a candidate whose text begins, after white space and
 * SQL comments, with a word a SQLite statement can begin with. A word that cannot be a statement on
 * its own ("select", "delete": button labels, HTML tags) needs something after it; those that can
 * ("COMMIT", "VACUUM") may stand alone. The word ends at white space, "(", ";" or "*" (SELECT*), so
 * "update-notifier" is not a statement. Everything it keeps still goes to the parser.
 */
final class KeywordRecognizer implements StatementRecognizer {

    static final Set<String> STARTS = Set.of("SELECT", "WITH", "INSERT", "REPLACE", "UPDATE", "DELETE", "CREATE",
            "DROP", "ALTER", "PRAGMA", "BEGIN", "COMMIT", "END", "ROLLBACK", "VACUUM", "ATTACH", "DETACH", "ANALYZE",
            "REINDEX", "VALUES", "EXPLAIN", "SAVEPOINT", "RELEASE");
    /**
     * Statements that may be one word. END may too, but a lone "end" is far more often a stream's
     * event name than an app's way to commit.
     */
    private static final Set<String> ALONE = Set.of("BEGIN", "COMMIT", "ROLLBACK", "VACUUM", "ANALYZE", "REINDEX");

    @Override
    public boolean isStatement(Candidate candidate) {
        String t = candidate.text();
        int i = skipComments(t, 0);
        int end = i;
        while (end < t.length() && Character.isLetter(t.charAt(end))) {
            end++;
        }
        String word = t.substring(i, end).toUpperCase(Locale.ROOT);
        if (!STARTS.contains(word)) {
            return false;
        }
        if (end < t.length() && !Character.isWhitespace(t.charAt(end)) && "(;*".indexOf(t.charAt(end)) < 0) {
            return false; // "Selection", "updated_at", "update-notifier", "commit-hooks"
        }
        return ALONE.contains(word) || !t.substring(end).replace(";", "").isBlank();
    }

    private static int skipComments(String t, int from) {
        int i = from;
        while (i < t.length()) {
            if (Character.isWhitespace(t.charAt(i))) {
                i++;
            } else if (t.startsWith("--", i)) {
                int eol = t.indexOf('\n', i);
                i = eol < 0 ? t.length() : eol + 1;
            } else if (t.startsWith("/*", i)) {
                int close = t.indexOf("*/", i + 2);
                i = close < 0 ? t.length() : close + 2;
            } else {
                break;
            }
        }
        return i;
    }
}
