package dev.ferry.translate;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What today's translator can do for an app's statement, until the typed rewriter replaces it: a
 * statement written only with what PostgreSQL reads the same way is returned as it is; a SELECT
 * without parameters goes through the view translator; anything else is refused with what it
 * contains, so nothing is guessed. "The same way" is a short list on purpose: a construct is on it
 * only when its meaning is the same in both (LIKE is not: SQLite's ignores case).
 */
final class PortableStatements implements AppStatementTranslator {

    /** Functions that mean the same in both for the values a migrated column holds. */
    private static final Set<String> SAME = Set.of("COUNT", "SUM", "MIN", "MAX", "AVG", "COALESCE", "LOWER", "UPPER",
            "LENGTH", "ABS", "NULLIF", "REPLACE", "TRIM", "LTRIM", "RTRIM");

    @Override
    public SqlTranslator.Result translate(SqlStatement parsed, String originalText, SqlScope scope) {
        Set<String> contains = sqliteOnly(parsed, scope);
        Set<String> relations = relations(parsed, scope);
        if (contains.isEmpty()) {
            return new SqlTranslator.Result(originalText, null, relations, true);
        }
        boolean params = !SqlTreeWalk.all(parsed, SqlExpr.Param.class).isEmpty();
        if (parsed instanceof SqlSelect && !params) {
            SqlTranslator.Result r = SqlTranslator.view("CREATE VIEW x AS " + originalText, scope);
            if (r.ok()) {
                return r; // the view's query, which is this SELECT: no wrapper when the view names no columns
            }
            return SqlTranslator.Result.fail("not translated yet: " + r.failure());
        }
        return SqlTranslator.Result.fail("not translated yet: it contains " + String.join(", ", contains));
    }

    /** What in the statement PostgreSQL would read differently, or not at all; empty when nothing. */
    static Set<String> sqliteOnly(SqlStatement s, SqlScope scope) {
        Set<String> out = new LinkedHashSet<>();
        if (!(s instanceof SqlSelect || s instanceof SqlStatement.Insert || s instanceof SqlStatement.Update
                || s instanceof SqlStatement.Delete)) {
            out.add("a " + s.getClass().getSimpleName() + " statement");
        }
        Set<String> tables = relations(s, scope);
        for (SqlNode n : SqlTreeWalk.nodes(s)) {
            if (n instanceof SqlStatement.Insert i && i.orAction() != null) {
                out.add("INSERT OR " + i.orAction());
            } else if ((n instanceof SqlStatement.Update u && u.orAction() != null)) {
                out.add("UPDATE OR " + u.orAction());
            } else if (n instanceof SqlExpr.Function f && !SAME.contains(f.name().value().toUpperCase(Locale.ROOT))) {
                out.add(f.name().value() + "()");
            } else if (n instanceof SqlExpr.Function f && !f.name().is("count") && f.args().stream()
                    .anyMatch(a -> a instanceof SqlExpr.Column c && isBoolean(c, tables, scope))) {
                out.add(f.name().value() + "() of a boolean column (PostgreSQL has no " + f.name().value() + "(boolean))");
            } else if (n instanceof SqlExpr.Like l) {
                out.add(l.op().toUpperCase(Locale.ROOT) + (l.op().equalsIgnoreCase("LIKE")
                        ? " (SQLite's ignores case, PostgreSQL's does not)" : ""));
            } else if (n instanceof SqlExpr.Binary b) {
                String op = b.op().toUpperCase(Locale.ROOT);
                if (op.equals("==") || op.startsWith("IS") || op.equals("/") || op.equals("%")) {
                    out.add("the operator " + op);
                }
                boolLiteral(b.left(), b.right(), tables, scope, out);
                boolLiteral(b.right(), b.left(), tables, scope, out);
            } else if (n instanceof SqlClause.Assignment a && a.columns().size() == 1) {
                boolLiteral(new SqlExpr.Column(a.span(), null, null, a.columns().get(0)), a.value(), tables, scope, out);
            } else if (n instanceof SqlExpr.Literal l && (l.kind() == SqlExpr.Literal.Kind.BLOB
                    || l.kind().name().startsWith("CURRENT_"))) {
                out.add(l.text());
            } else if (n instanceof SqlExpr.Cast || n instanceof SqlExpr.Collate || n instanceof SqlExpr.InTable
                    || n instanceof SqlExpr.Raise || n instanceof SqlFrom.TableFunction) {
                out.add(n.getClass().getSimpleName().toLowerCase(Locale.ROOT));
            } else if (n instanceof SqlName name && name.quote() != SqlName.Quote.NONE
                    && name.quote() != SqlName.Quote.DOUBLE) {
                out.add("the name " + name.value() + " quoted SQLite's way");
            } else if (n instanceof SqlExpr.Column c) {
                renamed(c.column().value(), tables, scope, out);
            }
        }
        for (String t : tables) {
            SqlScope.Relation r = scope.relation(t);
            if (r != null && !r.target().equals(t.toLowerCase(Locale.ROOT))) {
                out.add("table " + t + ", which is " + r.target() + " in PostgreSQL");
            }
        }
        return out;
    }

    /** A boolean column compared with or set to 0 or 1: PostgreSQL has no boolean = integer. */
    private static void boolLiteral(SqlExpr column, SqlExpr other, Set<String> tables, SqlScope scope, Set<String> out) {
        if (column instanceof SqlExpr.Column c && other instanceof SqlExpr.Literal l
                && l.kind() == SqlExpr.Literal.Kind.INTEGER) {
            ColumnPlan p = column(c.column().value(), tables, scope);
            if (p != null && p.type().kind() == PgType.Kind.BOOLEAN) {
                out.add(c.column().value() + " = " + l.text() + " on a boolean column");
            }
        }
    }

    private static boolean isBoolean(SqlExpr.Column c, Set<String> tables, SqlScope scope) {
        ColumnPlan p = column(c.column().value(), tables, scope);
        return p != null && p.type().kind() == PgType.Kind.BOOLEAN;
    }

    private static void renamed(String name, Set<String> tables, SqlScope scope, Set<String> out) {
        ColumnPlan p = column(name, tables, scope);
        if (p != null && !p.target().equals(name.toLowerCase(Locale.ROOT))) {
            out.add("column " + name + ", which is " + p.target() + " in PostgreSQL");
        }
    }

    static ColumnPlan column(String name, Set<String> tables, SqlScope scope) {
        for (String t : tables) {
            SqlScope.Relation r = scope.relation(t);
            ColumnPlan p = r == null ? null : r.column(name);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** The tables and views of the plan the statement names. */
    static Set<String> relations(SqlStatement s, SqlScope scope) {
        Set<String> out = new LinkedHashSet<>();
        for (SqlFrom.Table t : SqlTreeWalk.all(s, SqlFrom.Table.class)) {
            SqlScope.Relation r = scope.relation(t.name().value());
            if (r != null) {
                out.add(r.source());
            }
        }
        return out;
    }
}
