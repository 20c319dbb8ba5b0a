package dev.ferry.translate;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Prints a syntax tree back as SQLite SQL on one line, with normalised spacing: keywords in upper
 * case, names quoted as they were written, literals and symbol operators exactly as written, an
 * alias always after AS. Parentheses the author wrote are kept ({@link SqlExpr.Paren}); others are
 * added only where a tree built by a rewriter needs them for SQLite's precedence. Parsing the printed
 * text gives the same tree again, apart from the spans.
 */
public final class SqlWriter {

    private static final Pattern BARE = Pattern.compile("[A-Za-z_\\x{80}-\\x{10FFFF}][A-Za-z0-9_$\\x{80}-\\x{10FFFF}]*");

    private final StringBuilder out = new StringBuilder();

    private SqlWriter() {
    }

    public static String write(SqlNode node) {
        SqlWriter w = new SqlWriter();
        w.node(node);
        return w.out.toString();
    }

    private void node(SqlNode node) {
        if (node instanceof SqlStatement s) {
            statement(s);
        } else if (node instanceof SqlExpr e) {
            expr(e, 0);
        } else if (node instanceof SqlFrom f) {
            from(f);
        } else if (node instanceof SqlSelect.Body b) {
            body(b);
        } else if (node instanceof SqlName n) {
            name(n);
        } else {
            clause((SqlClause) node);
        }
    }

    // ---- statements

    private void statement(SqlStatement s) {
        if (s instanceof SqlSelect select) {
            select(select);
        } else if (s instanceof SqlStatement.Insert i) {
            with(i.with());
            out.append("INSERT ");
            if (i.orAction() != null) {
                out.append("OR ").append(i.orAction()).append(' ');
            }
            out.append("INTO ");
            from(i.table());
            if (!i.columns().isEmpty()) {
                out.append(" (");
                list(i.columns(), this::name);
                out.append(')');
            }
            out.append(' ');
            if (i.source() == null) {
                out.append("DEFAULT VALUES");
            } else {
                select(i.source());
            }
            for (SqlClause.Upsert u : i.upserts()) {
                out.append(' ');
                clause(u);
            }
            returning(i.returning());
        } else if (s instanceof SqlStatement.Update u) {
            with(u.with());
            out.append("UPDATE ");
            if (u.orAction() != null) {
                out.append("OR ").append(u.orAction()).append(' ');
            }
            from(u.table());
            out.append(" SET ");
            list(u.set(), this::clause);
            if (u.from() != null) {
                out.append(" FROM ");
                from(u.from());
            }
            where(u.where());
            returning(u.returning());
            orderBy(u.orderBy());
            limit(u.limit());
        } else if (s instanceof SqlStatement.Delete d) {
            with(d.with());
            out.append("DELETE FROM ");
            from(d.table());
            where(d.where());
            returning(d.returning());
            orderBy(d.orderBy());
            limit(d.limit());
        } else if (s instanceof SqlStatement.CreateView v) {
            out.append(v.temp() ? "CREATE TEMP VIEW " : "CREATE VIEW ");
            if (v.ifNotExists()) {
                out.append("IF NOT EXISTS ");
            }
            qualified(v.schema(), v.name());
            if (!v.columns().isEmpty()) {
                out.append(" (");
                list(v.columns(), this::name);
                out.append(')');
            }
            out.append(" AS ");
            select(v.select());
        } else if (s instanceof SqlStatement.CreateTrigger t) {
            trigger(t);
        }
    }

    private void trigger(SqlStatement.CreateTrigger t) {
        out.append(t.temp() ? "CREATE TEMP TRIGGER " : "CREATE TRIGGER ");
        if (t.ifNotExists()) {
            out.append("IF NOT EXISTS ");
        }
        qualified(t.schema(), t.name());
        out.append(' ');
        if (t.timing() != null) {
            out.append(t.timing()).append(' ');
        }
        out.append(t.event());
        if (!t.ofColumns().isEmpty()) {
            out.append(" OF ");
            list(t.ofColumns(), this::name);
        }
        out.append(" ON ");
        qualified(t.tableSchema(), t.table());
        if (t.forEachRow()) {
            out.append(" FOR EACH ROW");
        }
        if (t.when() != null) {
            out.append(" WHEN ");
            expr(t.when(), 0);
        }
        out.append(" BEGIN ");
        for (SqlStatement s : t.body()) {
            statement(s);
            out.append("; ");
        }
        out.append("END");
    }

    private void returning(List<SqlClause.ResultColumn> columns) {
        if (!columns.isEmpty()) {
            out.append(" RETURNING ");
            list(columns, this::clause);
        }
    }

    private void where(SqlExpr where) {
        if (where != null) {
            out.append(" WHERE ");
            expr(where, 0);
        }
    }

    private void orderBy(List<SqlClause.Ordering> orderBy) {
        if (!orderBy.isEmpty()) {
            out.append(" ORDER BY ");
            list(orderBy, this::clause);
        }
    }

    private void limit(SqlClause.Limit limit) {
        if (limit != null) {
            out.append(' ');
            clause(limit);
        }
    }

    // ---- SELECT

    private void select(SqlSelect s) {
        with(s.with());
        body(s.body());
        orderBy(s.orderBy());
        limit(s.limit());
    }

    private void with(SqlClause.With with) {
        if (with != null) {
            clause(with);
            out.append(' ');
        }
    }

    private void body(SqlSelect.Body body) {
        if (body instanceof SqlSelect.Compound c) {
            body(c.left());
            out.append(' ').append(c.op()).append(' ');
            body(c.right());
        } else if (body instanceof SqlSelect.Values v) {
            out.append("VALUES ");
            list(v.rows(), row -> {
                out.append('(');
                list(row, e -> expr(e, 0));
                out.append(')');
            });
        } else if (body instanceof SqlSelect.Core c) {
            out.append("SELECT ");
            if (c.quantifier() != null) {
                out.append(c.quantifier()).append(' ');
            }
            list(c.columns(), this::clause);
            if (c.from() != null) {
                out.append(" FROM ");
                from(c.from());
            }
            where(c.where());
            if (!c.groupBy().isEmpty()) {
                out.append(" GROUP BY ");
                list(c.groupBy(), e -> expr(e, 0));
            }
            if (c.having() != null) {
                out.append(" HAVING ");
                expr(c.having(), 0);
            }
            if (!c.windows().isEmpty()) {
                out.append(" WINDOW ");
                list(c.windows(), this::clause);
            }
        }
    }

    private void from(SqlFrom f) {
        if (f instanceof SqlFrom.Table t) {
            qualified(t.schema(), t.name());
            alias(t.alias());
            if (t.indexedBy() != null) {
                out.append(" INDEXED BY ");
                name(t.indexedBy());
            } else if (t.notIndexed()) {
                out.append(" NOT INDEXED");
            }
        } else if (f instanceof SqlFrom.TableFunction t) {
            qualified(t.schema(), t.name());
            out.append('(');
            list(t.args(), e -> expr(e, 0));
            out.append(')');
            alias(t.alias());
        } else if (f instanceof SqlFrom.Subquery s) {
            out.append('(');
            select(s.select());
            out.append(')');
            alias(s.alias());
        } else if (f instanceof SqlFrom.Parens p) {
            out.append('(');
            from(p.inner());
            out.append(')');
            alias(p.alias());
        } else if (f instanceof SqlFrom.Join j) {
            from(j.left());
            out.append(j.op().equals(",") ? ", " : " " + j.op() + " ");
            if (j.right() instanceof SqlFrom.Join) {
                out.append('(');
                from(j.right());
                out.append(')');
            } else {
                from(j.right());
            }
            if (j.on() != null) {
                out.append(" ON ");
                expr(j.on(), 0);
            } else if (!j.using().isEmpty()) {
                out.append(" USING (");
                list(j.using(), this::name);
                out.append(')');
            }
        }
    }

    private void alias(SqlName alias) {
        if (alias != null) {
            out.append(" AS ");
            name(alias);
        }
    }

    // ---- clauses

    private void clause(SqlClause c) {
        if (c instanceof SqlClause.With w) {
            out.append(w.recursive() ? "WITH RECURSIVE " : "WITH ");
            list(w.ctes(), this::clause);
        } else if (c instanceof SqlClause.Cte cte) {
            name(cte.name());
            if (!cte.columns().isEmpty()) {
                out.append(" (");
                list(cte.columns(), this::name);
                out.append(')');
            }
            out.append(" AS ");
            if (cte.materialized() != null) {
                out.append(cte.materialized()).append(' ');
            }
            out.append('(');
            select(cte.select());
            out.append(')');
        } else if (c instanceof SqlClause.Star s) {
            if (s.table() != null) {
                name(s.table());
                out.append('.');
            }
            out.append('*');
        } else if (c instanceof SqlClause.Output o) {
            expr(o.expr(), 0);
            alias(o.alias());
        } else if (c instanceof SqlClause.Ordering o) {
            expr(o.expr(), 0);
            if (o.direction() != null) {
                out.append(' ').append(o.direction());
            }
            if (o.nulls() != null) {
                out.append(" NULLS ").append(o.nulls());
            }
        } else if (c instanceof SqlClause.Limit l) {
            out.append("LIMIT ");
            expr(l.count(), 0);
            if (l.offset() != null) {
                out.append(" OFFSET ");
                expr(l.offset(), 0);
            }
        } else if (c instanceof SqlClause.Assignment a) {
            if (a.columns().size() == 1) {
                name(a.columns().get(0));
            } else {
                out.append('(');
                list(a.columns(), this::name);
                out.append(')');
            }
            out.append(" = ");
            expr(a.value(), 0);
        } else if (c instanceof SqlClause.Upsert u) {
            upsert(u);
        } else if (c instanceof SqlClause.When w) {
            out.append("WHEN ");
            expr(w.condition(), 0);
            out.append(" THEN ");
            expr(w.result(), 0);
        } else if (c instanceof SqlClause.TypeName t) {
            out.append(t.name());
            if (!t.args().isEmpty()) {
                out.append('(').append(String.join(", ", t.args())).append(')');
            }
        } else if (c instanceof SqlClause.Over o) {
            out.append("OVER ");
            if (o.name() != null) {
                name(o.name());
            } else {
                clause(o.spec());
            }
        } else if (c instanceof SqlClause.Window w) {
            window(w);
        } else if (c instanceof SqlClause.NamedWindow n) {
            name(n.name());
            out.append(" AS ");
            window(n.window());
        } else if (c instanceof SqlClause.Frame f) {
            out.append(f.units()).append(' ');
            if (f.end() != null) {
                out.append("BETWEEN ");
                clause(f.start());
                out.append(" AND ");
                clause(f.end());
            } else {
                clause(f.start());
            }
            if (f.exclude() != null) {
                out.append(" EXCLUDE ").append(f.exclude());
            }
        } else if (c instanceof SqlClause.Bound b) {
            if (b.offset() != null) {
                expr(b.offset(), 0);
                out.append(' ');
            }
            out.append(b.kind());
        }
    }

    private void upsert(SqlClause.Upsert u) {
        out.append("ON CONFLICT");
        if (!u.target().isEmpty()) {
            out.append(" (");
            list(u.target(), this::clause);
            out.append(')');
            if (u.targetWhere() != null) {
                out.append(" WHERE ");
                expr(u.targetWhere(), 0);
            }
        }
        if (u.doNothing()) {
            out.append(" DO NOTHING");
            return;
        }
        out.append(" DO UPDATE SET ");
        list(u.set(), this::clause);
        where(u.where());
    }

    private void window(SqlClause.Window w) {
        out.append('(');
        int mark = out.length();
        if (w.base() != null) {
            name(w.base());
        }
        if (!w.partitionBy().isEmpty()) {
            space(mark);
            out.append("PARTITION BY ");
            list(w.partitionBy(), e -> expr(e, 0));
        }
        if (!w.orderBy().isEmpty()) {
            space(mark);
            out.append("ORDER BY ");
            list(w.orderBy(), this::clause);
        }
        if (w.frame() != null) {
            space(mark);
            clause(w.frame());
        }
        out.append(')');
    }

    private void space(int mark) {
        if (out.length() > mark) {
            out.append(' ');
        }
    }

    // ---- expressions

    /** How tightly an expression binds, as {@link SqlExprParser} reads it: higher binds tighter. */
    private static int precedence(SqlExpr e) {
        if (e instanceof SqlExpr.Binary b) {
            return switch (b.op()) {
                case "OR" -> 1;
                case "AND" -> 2;
                case "<", "<=", ">", ">=" -> 5;
                case "&", "|", "<<", ">>" -> 6;
                case "+", "-" -> 7;
                case "*", "/", "%" -> 8;
                case "||", "->", "->>" -> 9;
                default -> 4; // = == != <> IS ...
            };
        }
        if (e instanceof SqlExpr.Unary u) {
            return u.op().equals("NOT") ? 3 : 11;
        }
        if (e instanceof SqlExpr.Like || e instanceof SqlExpr.Between || e instanceof SqlExpr.InList
                || e instanceof SqlExpr.InSelect || e instanceof SqlExpr.InTable || e instanceof SqlExpr.NullTest) {
            return 4;
        }
        if (e instanceof SqlExpr.Collate) {
            return 10;
        }
        return 12;
    }

    private void expr(SqlExpr e, int min) {
        expr(e, min, true);
    }

    /**
     * Prints {@code e} where the grammar wants at least precedence {@code min}, in parentheses if it
     * binds looser. {@code tail} says nothing binding at the {@code =} level or tighter follows it:
     * there a NOT needs no parentheses, as SQLite reads {@code a = NOT b} as {@code a = (NOT b)}.
     */
    private void expr(SqlExpr e, int min, boolean tail) {
        boolean not = e instanceof SqlExpr.Unary u && u.op().equals("NOT");
        boolean wrap = precedence(e) < min && !(not && tail);
        if (wrap) {
            out.append('(');
        }
        exprItself(e, wrap || tail);
        if (wrap) {
            out.append(')');
        }
    }

    private void exprItself(SqlExpr e, boolean tail) {
        if (e instanceof SqlExpr.Literal l) {
            out.append(l.text());
        } else if (e instanceof SqlExpr.Param p) {
            out.append(p.text());
        } else if (e instanceof SqlExpr.Column c) {
            if (c.schema() != null) {
                name(c.schema());
                out.append('.');
            }
            if (c.table() != null) {
                name(c.table());
                out.append('.');
            }
            name(c.column());
        } else if (e instanceof SqlExpr.Binary b) {
            int p = precedence(b);
            expr(b.left(), p, p <= 2); // only AND and OR bind looser than what a NOT takes in
            out.append(' ').append(b.op()).append(' ');
            expr(b.right(), p + 1, tail);
        } else if (e instanceof SqlExpr.Unary u) {
            if (u.op().equals("NOT")) {
                out.append("NOT ");
                expr(u.operand(), 4, tail);
            } else {
                out.append(u.op());
                int mark = out.length();
                expr(u.operand(), 11, tail);
                if (out.length() > mark && "+-".indexOf(out.charAt(mark)) >= 0) {
                    out.insert(mark, ' '); // "- -x", never the comment "--x"
                }
            }
        } else if (e instanceof SqlExpr.Like l) {
            expr(l.left(), 4, false);
            out.append(l.not() ? " NOT " : " ").append(l.op()).append(' ');
            expr(l.pattern(), 5, tail && l.escape() == null);
            if (l.escape() != null) {
                out.append(" ESCAPE ");
                expr(l.escape(), 5, tail);
            }
        } else if (e instanceof SqlExpr.Between b) {
            expr(b.value(), 4, false);
            out.append(b.not() ? " NOT BETWEEN " : " BETWEEN ");
            expr(b.low(), 5, false);
            out.append(" AND ");
            expr(b.high(), 5, tail);
        } else if (e instanceof SqlExpr.InList i) {
            expr(i.left(), 4, false);
            out.append(i.not() ? " NOT IN (" : " IN (");
            list(i.items(), x -> expr(x, 0));
            out.append(')');
        } else if (e instanceof SqlExpr.InSelect i) {
            expr(i.left(), 4, false);
            out.append(i.not() ? " NOT IN (" : " IN (");
            select(i.select());
            out.append(')');
        } else if (e instanceof SqlExpr.InTable i) {
            expr(i.left(), 4, false);
            out.append(i.not() ? " NOT IN " : " IN ");
            qualified(i.schema(), i.table());
            if (i.args() != null) {
                out.append('(');
                list(i.args(), x -> expr(x, 0));
                out.append(')');
            }
        } else if (e instanceof SqlExpr.NullTest n) {
            expr(n.operand(), 4, false);
            out.append(' ').append(n.op());
        } else if (e instanceof SqlExpr.Collate c) {
            expr(c.expr(), 10, false);
            out.append(" COLLATE ");
            name(c.collation());
        } else if (e instanceof SqlExpr.Cast c) {
            out.append("CAST(");
            expr(c.expr(), 0);
            out.append(" AS ");
            clause(c.type());
            out.append(')');
        } else if (e instanceof SqlExpr.Case c) {
            out.append("CASE ");
            if (c.operand() != null) {
                expr(c.operand(), 0);
                out.append(' ');
            }
            for (SqlClause.When w : c.whens()) {
                clause(w);
                out.append(' ');
            }
            if (c.otherwise() != null) {
                out.append("ELSE ");
                expr(c.otherwise(), 0);
                out.append(' ');
            }
            out.append("END");
        } else if (e instanceof SqlExpr.Exists x) {
            out.append("EXISTS (");
            select(x.select());
            out.append(')');
        } else if (e instanceof SqlExpr.Subquery s) {
            out.append('(');
            select(s.select());
            out.append(')');
        } else if (e instanceof SqlExpr.Paren p) {
            out.append('(');
            expr(p.expr(), 0);
            out.append(')');
        } else if (e instanceof SqlExpr.RowValue r) {
            out.append('(');
            list(r.items(), x -> expr(x, 0));
            out.append(')');
        } else if (e instanceof SqlExpr.Function f) {
            function(f);
        } else if (e instanceof SqlExpr.Raise r) {
            out.append("RAISE(").append(r.action());
            if (r.message() != null) {
                out.append(", ");
                expr(r.message(), 0);
            }
            out.append(')');
        }
    }

    private void function(SqlExpr.Function f) {
        name(f.name());
        out.append('(');
        if (f.star()) {
            out.append('*');
        } else {
            if (f.distinct()) {
                out.append("DISTINCT ");
            }
            list(f.args(), x -> expr(x, 0));
            if (!f.orderBy().isEmpty()) {
                out.append(" ORDER BY ");
                list(f.orderBy(), this::clause);
            }
        }
        out.append(')');
        if (f.filter() != null) {
            out.append(" FILTER (WHERE ");
            expr(f.filter(), 0);
            out.append(')');
        }
        if (f.over() != null) {
            out.append(' ');
            clause(f.over());
        }
    }

    // ---- names and lists

    private void qualified(SqlName schema, SqlName name) {
        if (schema != null) {
            name(schema);
            out.append('.');
        }
        name(name);
    }

    private void name(SqlName n) {
        String v = n.value();
        switch (n.quote()) {
            case DOUBLE -> out.append('"').append(v.replace("\"", "\"\"")).append('"');
            case BRACKET -> out.append('[').append(v).append(']');
            case BACKTICK -> out.append('`').append(v.replace("`", "``")).append('`');
            case SINGLE -> out.append('\'').append(v.replace("'", "''")).append('\'');
            case NONE -> {
                if (BARE.matcher(v).matches() && !SqlKeywords.reserved(v)) {
                    out.append(v);
                } else {
                    out.append('"').append(v.replace("\"", "\"\"")).append('"');
                }
            }
        }
    }

    private <T> void list(List<T> items, Consumer<T> each) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            each.accept(items.get(i));
        }
    }
}
