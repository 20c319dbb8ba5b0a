package dev.ferry.sqlite;

import dev.ferry.schema.Check;
import dev.ferry.sqlite.SqlLexer.Token;
import dev.ferry.sqlite.SqlLexer.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What only the CREATE TABLE text tells (SQLite's pragmas do not): CHECK constraints, each
 * column's COLLATE and the expression of a generated column. Text that cannot be read gives
 * nothing, never a guess.
 */
public final class TableSql {

    private static final Set<String> TABLE_CONSTRAINT = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");

    /** A column's extras, by column name (upper-cased ASCII, as SQLite compares names). */
    public record ColumnExtras(String collation, String expression) {
    }

    private final List<Check> checks = new ArrayList<>();
    private final Map<String, ColumnExtras> columns = new HashMap<>();

    private TableSql() {
    }

    public static TableSql parse(String createTable) {
        TableSql out = new TableSql();
        if (createTable == null) {
            return out;
        }
        try {
            List<Token> t = SqlLexer.tokens(createTable);
            int open = 0;
            while (open < t.size() && t.get(open).type() != Type.LPAREN) {
                open++;
            }
            int depth = 0, start = open + 1;
            for (int i = open; i < t.size(); i++) {
                Type ty = t.get(i).type();
                if (ty == Type.LPAREN) {
                    depth++;
                } else if (ty == Type.RPAREN && --depth == 0 || ty == Type.COMMA && depth == 1) {
                    out.element(createTable, t.subList(start, i));
                    start = i + 1;
                    if (depth == 0) {
                        break;
                    }
                }
            }
        } catch (RuntimeException unreadable) {
            // SQLite accepted it, so this cannot happen short of a bug in the tokenizer: nothing is read
        }
        return out;
    }

    public List<Check> checks() {
        return List.copyOf(checks);
    }

    public ColumnExtras column(String name) {
        return columns.getOrDefault(key(name), new ColumnExtras(null, null));
    }

    private void element(String sql, List<Token> e) {
        if (e.isEmpty()) {
            return;
        }
        boolean table = e.get(0).type() == Type.WORD && TABLE_CONSTRAINT.contains(e.get(0).upper());
        String column = table ? null : e.get(0).value();
        String name = null, collation = null, expression = null;
        for (int i = table ? 0 : 1; i < e.size(); i++) {
            Token k = e.get(i);
            if (k.type() == Type.LPAREN) {
                i = close(e, i);
                continue;
            }
            if (k.is("CONSTRAINT") && i + 1 < e.size()) {
                name = e.get(++i).value();
            } else if (k.is("CHECK") && i + 1 < e.size() && e.get(i + 1).type() == Type.LPAREN) {
                int end = close(e, i + 1);
                checks.add(new Check(name, column, inner(sql, e, i + 1, end)));
                name = null;
                i = end;
            } else if (k.is("COLLATE") && i + 1 < e.size()) {
                collation = e.get(++i).value();
            } else if (!table && k.is("AS") && i + 1 < e.size() && e.get(i + 1).type() == Type.LPAREN) {
                int end = close(e, i + 1);
                expression = inner(sql, e, i + 1, end);
                i = end;
            }
        }
        if (!table) {
            columns.put(key(column), new ColumnExtras(collation, expression));
        }
    }

    private static int close(List<Token> e, int open) {
        int depth = 0;
        for (int i = open; i < e.size(); i++) {
            if (e.get(i).type() == Type.LPAREN) {
                depth++;
            } else if (e.get(i).type() == Type.RPAREN && --depth == 0) {
                return i;
            }
        }
        return e.size() - 1;
    }

    private static String inner(String sql, List<Token> e, int open, int close) {
        return sql.substring(e.get(open).end(), e.get(close).start()).trim();
    }

    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
