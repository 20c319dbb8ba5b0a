package dev.ferry.translate;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.TablePlan;

import dev.ferry.sqlite.SqlLexer;
import dev.ferry.sqlite.SqlLexer.Token;
import dev.ferry.sqlite.SqlLexer.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries and WHERE of a CREATE INDEX for PostgreSQL: a plain column stays a column, anything
 * else (an expression, a COLLATE) becomes a translated expression, and a partial index keeps its
 * translated WHERE. PostgreSQL indexes only immutable expressions, so one that depends on the time
 * or the session (a date function on text, say) is refused here rather than by the server.
 */
public final class IndexTranslator {

    /**
     * @param columns     per entry the column's target name, or null where it is an expression
     * @param expressions per entry the translated expression, or null where it is a plain column
     */
    public record Result(List<String> columns, List<String> expressions, List<Boolean> descending, String where,
                         String failure) {
    }

    private IndexTranslator() {
    }

    public static Result translate(String createIndex, SqlScope scope, TablePlan table) {
        if (createIndex == null) {
            return fail("SQLite made it for a constraint and kept no SQL for it");
        }
        try {
            List<Token> t = SqlLexer.tokens(createIndex);
            int[] m = matchParens(t);
            int open = 0;
            while (open < t.size() && !(t.get(open).type() == Type.LPAREN && open > 0 && t.get(open - 1).isName()
                    && open > 1 && (t.get(open - 2).is("ON") || t.get(open - 2).type() == Type.DOT))) {
                open++;
            }
            if (open >= t.size()) {
                return fail("Ferry could not read its CREATE INDEX statement");
            }
            List<String> cols = new ArrayList<>(), exprs = new ArrayList<>();
            List<Boolean> desc = new ArrayList<>();
            int start = open + 1;
            for (int i = open + 1; i <= m[open]; i++) {
                if (i < m[open] && t.get(i).type() == Type.LPAREN) {
                    i = m[i];
                } else if (i == m[open] || t.get(i).type() == Type.COMMA) {
                    List<Token> entry = t.subList(start, i);
                    int end = entry.size();
                    boolean d = end > 0 && entry.get(end - 1).is("DESC");
                    if (end > 0 && (entry.get(end - 1).is("ASC") || d)) {
                        end--;
                    }
                    desc.add(d);
                    ColumnPlan c = end == 1 && entry.get(0).isName() ? column(table, entry.get(0).value()) : null;
                    if (c != null) {
                        cols.add(c.target());
                        exprs.add(null);
                    } else {
                        String e = immutable(SqlTranslator.expression(createIndex.substring(entry.get(0).start(),
                                entry.get(end - 1).end()), scope, table));
                        cols.add(null);
                        exprs.add(e);
                    }
                    start = i + 1;
                }
            }
            String where = null;
            int w = m[open] + 1;
            if (w < t.size() && t.get(w).is("WHERE")) {
                where = immutable(SqlTranslator.condition(createIndex.substring(t.get(w + 1).start()), scope, table));
            }
            return new Result(cols, exprs, desc, where, null);
        } catch (SqlTranslator.Untranslatable | IllegalArgumentException | IndexOutOfBoundsException e) {
            return fail(e.getMessage());
        }
    }

    /** Whether the index needs translating rather than a plain column list. */
    public static boolean needed(dev.ferry.schema.Index i) {
        if (i.partial() || i.hasExpressions() || i.columns().contains("rowid")) {
            return true;
        }
        try {
            return i.sql() != null && SqlLexer.tokens(i.sql()).stream().anyMatch(k -> k.is("COLLATE"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ColumnPlan column(TablePlan t, String name) {
        return t.columns().stream().filter(c -> c.source().name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    private static String immutable(SqlTranslator.Result r) {
        if (!r.ok()) {
            throw new SqlTranslator.Untranslatable(r.failure());
        }
        if (r.stable()) {
            throw new SqlTranslator.Untranslatable("its translation depends on the time or the session's settings, "
                    + "and PostgreSQL indexes only expressions that do not");
        }
        return r.sql();
    }

    private static Result fail(String reason) {
        return new Result(List.of(), List.of(), List.of(), null, reason);
    }

    /** Where each parenthesis of the index's SQL closes (and opens). */
    private static int[] matchParens(List<Token> t) {
        int[] m = new int[t.size()];
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).type() == Type.LPAREN) {
                open.push(i);
            } else if (t.get(i).type() == Type.RPAREN) {
                if (open.isEmpty()) {
                    throw new IllegalArgumentException("a parenthesis is closed that was never opened");
                }
                int o = open.pop();
                m[o] = i;
                m[i] = o;
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException("a parenthesis is not closed");
        }
        return m;
    }
}
