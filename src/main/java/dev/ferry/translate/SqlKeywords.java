package dev.ferry.translate;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * SQLite's keywords (https://sqlite.org/lang_keywords.html) sorted by how the parser may use them as
 * names, following SQLite's grammar (parse.y): most keywords "fall back" to being an identifier
 * wherever the keyword itself would not fit ({@code SELECT key, replace(a, b, c) FROM t}); the join
 * words may name a table or column but are not taken as an alias without AS; the rest are reserved.
 */
final class SqlKeywords {

    /** Keywords that are never a name unless quoted. */
    private static final Set<String> RESERVED = caseInsensitive(
            "ADD", "ALL", "ALTER", "AND", "AS", "AUTOINCREMENT", "BETWEEN", "CASE", "CHECK", "COLLATE", "COMMIT",
            "CONSTRAINT", "CREATE", "DEFAULT", "DEFERRABLE", "DELETE", "DISTINCT", "DROP", "ELSE", "ESCAPE",
            "EXCEPT", "EXISTS", "FOREIGN", "FROM", "GROUP", "HAVING", "IN", "INDEX", "INSERT", "INTERSECT", "INTO",
            "IS", "ISNULL", "JOIN", "LIMIT", "NOT", "NOTHING", "NOTNULL", "NULL", "ON", "OR", "ORDER", "PRIMARY",
            "REFERENCES", "RETURNING", "SELECT", "SET", "TABLE", "THEN", "TO", "TRANSACTION", "UNION", "UNIQUE",
            "UPDATE", "USING", "VALUES", "WHEN", "WHERE");

    /** SQLite's JOIN_KW: a table's or column's name, but never an alias without AS. */
    private static final Set<String> JOIN = caseInsensitive("CROSS", "FULL", "INNER", "LEFT", "NATURAL", "OUTER", "RIGHT");

    private SqlKeywords() {
    }

    static boolean reserved(String word) {
        return RESERVED.contains(word);
    }

    static boolean join(String word) {
        return JOIN.contains(word);
    }

    /** Looked up without upper-casing each word the parser asks about. */
    private static Set<String> caseInsensitive(String... words) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(words));
        return Collections.unmodifiableSet(set);
    }
}
