package dev.ferry.translate;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.Naming;
import dev.ferry.translate.SqlTranslator.Untranslatable;
import dev.ferry.translate.SqlTyped.Lit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The typed rewriter: a syntax tree from {@link SqlParser}, its names resolved against the plan
 * (tables, aliases, CTEs, subqueries, rowid), every expression typed ({@link SqlTyped}), printed as
 * PostgreSQL with SQLite's meaning made explicit where the two differ (affinity in comparisons,
 * truth values, NULL ordering, division by zero, ...). Functions are in {@link SqlCalls}, dates in
 * {@link SqlTimes}, comparisons and operators in {@link SqlOperators}. What it cannot say with the
 * same meaning it refuses with {@link Untranslatable}.
 */
final class SqlRewriter {

    private static final Set<String> ROWID = Set.of("ROWID", "_ROWID_", "OID");

    final SqlScope scope;
    /** The SQL the tree was read from: spans tell whether the author wrote AS before an alias. */
    private final String source;
    /** Source names of the plan's tables and views read. */
    final Set<String> relations = new LinkedHashSet<>();
    /** Whether the result depends on the time or the session's settings. */
    boolean stable;
    /**
     * The app's parameters by number ($1 is the first), as SQLite wrote each ({@code ?}, {@code ?3},
     * {@code :name}); null where a parameter is refused (a view, a trigger: nothing fills it in).
     */
    List<String> params;
    /**
     * Set for SQLite's meaning of a view (the user's choice): a date column compared with text is
     * compared as the text SQLite stored ({@link SqlStoredText}); null keeps PostgreSQL's meaning.
     */
    StoredDates storedDates;

    /** PostgreSQL's number for a parameter: each {@code ?} the next, {@code ?N} N, the same name the same number. */
    int param(String text) {
        if (text.equals("?")) {
            params.add(text);
            return params.size();
        }
        if (text.startsWith("?")) {
            int k = Integer.parseInt(text.substring(1));
            while (params.size() < k) {
                params.add("?" + (params.size() + 1));
            }
            return k;
        }
        int at = params.indexOf(text);
        if (at >= 0) {
            return at + 1;
        }
        params.add(text);
        return params.size();
    }

    SqlRewriter(SqlScope scope, String source) {
        this.scope = scope;
        this.source = source;
    }

    /** A relation a FROM makes visible: a table of the plan, a view, a CTE or a subquery. */
    static final class Rel {
        final String key;
        final String prefix;
        final TablePlan table;
        /** A subquery's or CTE's columns by key; null when unknown (a view, a table the plan lacks). */
        final Map<String, SqlTyped> columns;
        /** On the outer side of an outer join, so even NOT NULL columns can be NULL. */
        boolean nullable;

        Rel(String key, String prefix, TablePlan table, Map<String, SqlTyped> columns) {
            this.key = key;
            this.prefix = prefix;
            this.table = table;
            this.columns = columns;
        }
    }

    /** The names visible at one level of a query; {@code parent} is the enclosing query's (correlated subqueries). */
    static final class Env {
        final Env parent;
        final List<Rel> rels = new ArrayList<>();
        final Map<String, Map<String, SqlTyped>> ctes = new HashMap<>();
        /** The select list's aliases, which SQLite lets WHERE, GROUP BY and ORDER BY name. */
        final Map<String, SqlTyped> outputs = new HashMap<>();
        /** A table whose columns are named bare, without a qualifier (a CHECK, an index). */
        TablePlan self;
        /** How a bare column of {@code self} is written: "" or "NEW." (an UPDATE's SET turned into NEW.c := ...). */
        String selfPrefix = "";
        /** A trigger's NEW and OLD rows, named only with their qualifier. */
        final Map<String, Rel> rows = new HashMap<>();

        Env(Env parent) {
            this.parent = parent;
        }

        Map<String, SqlTyped> cte(String key) {
            for (Env e = this; e != null; e = e.parent) {
                if (e.ctes.containsKey(key)) {
                    return e.ctes.get(key);
                }
            }
            return null;
        }
    }

    /**
     * A select's PostgreSQL text and its columns, named as SQLite names them (null: no name) and typed;
     * each type's {@code sql} is the column's name in PostgreSQL, as a query over this one names it.
     */
    record Sel(String sql, List<String> names, List<SqlTyped> types) {
    }

    // ---------------------------------------------------------------- selects

    Sel select(SqlSelect s, Env outer) {
        Env env = new Env(outer);
        StringBuilder sb = new StringBuilder();
        if (s.with() != null) {
            sb.append(with(s.with(), env)).append(' ');
        }
        Env[] last = new Env[1];
        Sel body = body(s.body(), env, last);
        sb.append(body.sql());
        if (!s.orderBy().isEmpty()) {
            Env orderEnv = s.body() instanceof SqlSelect.Core ? last[0] : new Env(env);
            if (!(s.body() instanceof SqlSelect.Core)) {
                for (int k = 0; k < body.names().size(); k++) {
                    if (body.names().get(k) != null) {
                        orderEnv.outputs.put(SqlScope.key(body.names().get(k)), body.types().get(k));
                    }
                }
            }
            sb.append(" ORDER BY ").append(orderBy(s.orderBy(), orderEnv, body));
        }
        if (s.limit() != null) {
            sb.append(' ').append(limit(s.limit(), env));
        }
        return new Sel(sb.toString(), body.names(), body.types());
    }

    String with(SqlClause.With w, Env env) {
        List<String> parts = new ArrayList<>();
        for (SqlClause.Cte c : w.ctes()) {
            String key = SqlScope.key(c.name().value());
            if (w.recursive() && c.select().limit() != null && c.select().body() instanceof SqlSelect.Compound) {
                throw new Untranslatable("a recursive WITH has a LIMIT inside, which PostgreSQL does not allow");
            }
            env.ctes.put(key, null); // a recursive CTE reads itself: its columns are unknown until it is read
            Sel sel = select(c.select(), env);
            Map<String, SqlTyped> cols = new LinkedHashMap<>();
            List<String> names = c.columns().isEmpty() ? sel.names() : c.columns().stream().map(SqlName::value).toList();
            for (int k = 0; k < names.size() && k < sel.types().size(); k++) {
                if (names.get(k) != null) {
                    SqlTyped t = sel.types().get(k);
                    cols.put(SqlScope.key(names.get(k)), c.columns().isEmpty() ? t
                            : t.sql(Naming.quote(scope.name(names.get(k))), SqlTyped.ATOM));
                }
            }
            env.ctes.put(key, cols);
            parts.add(Naming.quote(scope.name(c.name().value()))
                    + (c.columns().isEmpty() ? "" : " (" + String.join(", ", c.columns().stream()
                    .map(n -> Naming.quote(scope.name(n.value()))).toList()) + ")")
                    + " AS " + (c.materialized() == null ? "" : c.materialized() + " ") + "(" + sel.sql() + ")");
        }
        return "WITH " + (w.recursive() ? "RECURSIVE " : "") + String.join(", ", parts);
    }

    private Sel body(SqlSelect.Body b, Env env, Env[] last) {
        if (b instanceof SqlSelect.Core c) {
            return core(c, env, last);
        }
        if (b instanceof SqlSelect.Values v) {
            List<String> rows = new ArrayList<>();
            List<SqlTyped> types = new ArrayList<>();
            for (List<SqlExpr> row : v.rows()) {
                List<String> items = new ArrayList<>();
                for (SqlExpr e : row) {
                    SqlTyped t = expr(e, env);
                    items.add(t.sql());
                    if (types.size() < row.size()) {
                        types.add(t.sql(Naming.quote("column" + (types.size() + 1)), SqlTyped.ATOM));
                    }
                }
                rows.add("(" + String.join(", ", items) + ")");
            }
            List<String> names = new ArrayList<>();
            for (int k = 1; k <= types.size(); k++) {
                names.add("column" + k);
            }
            last[0] = new Env(env);
            return new Sel("VALUES " + String.join(", ", rows), names, types);
        }
        if (b instanceof SqlSelect.Compound c) {
            Sel l = body(c.left(), env, last);
            Sel r = body(c.right(), env, last);
            return new Sel(l.sql() + " " + c.op() + " " + r.sql(), l.names(), l.types());
        }
        throw new IllegalStateException("unknown node " + b);
    }

    private Sel core(SqlSelect.Core c, Env outer, Env[] last) {
        Env env = new Env(outer);
        last[0] = env;
        String from = c.from() == null ? null : from(c.from(), env);
        List<String> cols = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<SqlTyped> types = new ArrayList<>();
        for (SqlClause.ResultColumn rc : c.columns()) {
            if (rc instanceof SqlClause.Star s) {
                cols.add(star(s, env, names, types));
            } else if (rc instanceof SqlClause.Output o) {
                SqlTyped t = expr(o.expr(), env);
                String name = o.alias() != null ? o.alias().value()
                        : o.expr() instanceof SqlExpr.Column col ? col.column().value() : o.expr().span().text(source);
                String pgName;
                if (o.alias() != null) {
                    pgName = Naming.quote(scope.name(o.alias().value()));
                    cols.add(t.sql() + " AS " + pgName);
                    env.outputs.putIfAbsent(SqlScope.key(o.alias().value()), t);
                } else {
                    cols.add(t.sql());
                    // PostgreSQL names an unaliased column after the column it reads (its planned name)
                    pgName = t.column() != null ? Naming.quote(t.column().target()) : Naming.quote(scope.name(name));
                }
                names.add(name);
                types.add(t.sql(pgName, SqlTyped.ATOM));
            }
        }
        StringBuilder sb = new StringBuilder("SELECT ");
        if (c.quantifier() != null && c.quantifier().equals("DISTINCT")) {
            sb.append("DISTINCT ");
        }
        sb.append(String.join(", ", cols));
        if (from != null) {
            sb.append(" FROM ").append(from);
        }
        if (c.where() != null) {
            sb.append(" WHERE ").append(SqlOperators.truth(expr(c.where(), env)).sql());
        }
        if (!c.groupBy().isEmpty()) {
            sb.append(" GROUP BY ").append(String.join(", ", c.groupBy().stream().map(g -> expr(g, env).sql()).toList()));
        }
        if (c.having() != null) {
            sb.append(" HAVING ").append(SqlOperators.truth(expr(c.having(), env)).sql());
        }
        if (!c.windows().isEmpty()) {
            sb.append(" WINDOW ").append(String.join(", ", c.windows().stream().map(w -> Naming.quote(scope.name(w.name().value()))
                    + " AS (" + window(w.window(), env) + ")").toList()));
        }
        return new Sel(sb.toString(), names, types);
    }

    /** {@code *} or {@code t.*}, and the columns it stands for, as far as they are known. */
    private String star(SqlClause.Star s, Env env, List<String> names, List<SqlTyped> types) {
        for (Rel r : env.rels) {
            if (s.table() != null && !r.key.equals(SqlScope.key(s.table().value()))) {
                continue;
            }
            if (r.table != null) {
                for (ColumnPlan c : r.table.columns()) {
                    names.add(c.source().name());
                    types.add(SqlTyped.column(Naming.quote(c.target()), c, false));
                }
            } else if (r.columns != null) {
                r.columns.forEach((k, t) -> {
                    names.add(k);
                    types.add(t);
                });
            }
        }
        if (s.table() == null) {
            return "*";
        }
        Rel r = find(s.table().value(), env);
        return (r == null ? Naming.quote(scope.name(s.table().value())) : r.prefix) + ".*";
    }

    private String orderBy(List<SqlClause.Ordering> terms, Env env, Sel out) {
        List<String> parts = new ArrayList<>();
        for (SqlClause.Ordering o : terms) {
            SqlTyped t;
            if (o.expr() instanceof SqlExpr.Literal l && l.kind() == SqlExpr.Literal.Kind.INTEGER && out != null) {
                int k = Integer.parseInt(l.text());
                if (k < 1 || k > out.types().size()) {
                    throw new Untranslatable("ORDER BY " + k + " names no result column");
                }
                t = out.types().get(k - 1).sql(l.text(), SqlTyped.ATOM);
            } else if (o.expr() instanceof SqlExpr.Column c && c.table() == null
                    && env.outputs.containsKey(SqlScope.key(c.column().value()))) {
                t = env.outputs.get(SqlScope.key(c.column().value())).sql(Naming.quote(scope.name(c.column().value())),
                        SqlTyped.ATOM);
            } else {
                t = expr(o.expr(), env);
            }
            parts.add(ordering(t, o));
        }
        return String.join(", ", parts);
    }

    /** One ORDER BY term. SQLite sorts NULLs first going up and last going down; PostgreSQL the other way. */
    String ordering(SqlTyped t, SqlClause.Ordering o) {
        boolean desc = "DESC".equals(o.direction());
        String nulls = o.nulls() != null ? " NULLS " + o.nulls() : t.notNull() ? "" : desc ? " NULLS LAST" : " NULLS FIRST";
        return t.sql() + (o.direction() == null ? "" : " " + o.direction()) + nulls;
    }

    String orderings(List<SqlClause.Ordering> terms, Env env) {
        return orderBy(terms, env, null);
    }

    private String limit(SqlClause.Limit l, Env env) {
        String count;
        if (l.count() instanceof SqlExpr.Unary u && u.op().equals("-") && u.operand() instanceof SqlExpr.Literal) {
            count = "ALL"; // a negative limit means none in SQLite
        } else {
            count = expr(l.count(), env).sql();
        }
        return "LIMIT " + count + (l.offset() == null ? "" : " OFFSET " + expr(l.offset(), env).sql());
    }

    String window(SqlClause.Window w, Env env) {
        List<String> parts = new ArrayList<>();
        if (w.base() != null) {
            parts.add(Naming.quote(scope.name(w.base().value())));
        }
        if (!w.partitionBy().isEmpty()) {
            parts.add("PARTITION BY " + String.join(", ", w.partitionBy().stream().map(e -> expr(e, env).sql()).toList()));
        }
        if (!w.orderBy().isEmpty()) {
            parts.add("ORDER BY " + orderings(w.orderBy(), env));
        }
        if (w.frame() != null) {
            SqlClause.Frame f = w.frame();
            String frame = f.units() + " " + (f.end() == null ? bound(f.start(), env)
                    : "BETWEEN " + bound(f.start(), env) + " AND " + bound(f.end(), env));
            parts.add(frame + (f.exclude() == null ? "" : " EXCLUDE " + f.exclude()));
        }
        return String.join(" ", parts);
    }

    private String bound(SqlClause.Bound b, Env env) {
        return b.offset() == null ? b.kind() : expr(b.offset(), env).sql() + " " + b.kind();
    }

    // ---------------------------------------------------------------- FROM

    String from(SqlFrom f, Env env) {
        if (f instanceof SqlFrom.Table t) {
            if (t.indexedBy() != null) {
                throw new Untranslatable("INDEXED BY names a SQLite index to use; PostgreSQL chooses its own");
            }
            String name = t.name().value();
            String key = SqlScope.key(name);
            String alias = t.alias() == null ? null : t.alias().value();
            String out;
            Rel rel;
            Map<String, SqlTyped> cte = env.cte(key);
            if (cte != null || hasCte(env, key)) {
                out = Naming.quote(scope.name(name));
                rel = new Rel(alias == null ? key : SqlScope.key(alias), alias == null ? out
                        : Naming.quote(scope.name(alias)), null, cte);
            } else {
                SqlScope.Relation r = scope.relation(name);
                if (r != null) {
                    relations.add(r.source());
                }
                out = Naming.quote(r == null ? scope.name(name) : r.target());
                rel = new Rel(alias == null ? key : SqlScope.key(alias), alias == null ? out
                        : Naming.quote(scope.name(alias)), r == null ? null : r.table(),
                        r != null && r.table() == null ? scope.viewColumns(r.source()) : null);
            }
            env.rels.add(rel);
            return out + alias(t.name(), t.alias());
        }
        if (f instanceof SqlFrom.TableFunction tf) {
            throw new Untranslatable("the table-valued function " + tf.name().value()
                    + "() has no PostgreSQL translation Ferry knows");
        }
        if (f instanceof SqlFrom.Subquery sq) {
            Sel sel = select(sq.select(), env.parent == null ? new Env(null) : env.parent);
            Map<String, SqlTyped> cols = new LinkedHashMap<>();
            for (int k = 0; k < sel.names().size(); k++) {
                if (sel.names().get(k) != null) {
                    cols.putIfAbsent(SqlScope.key(sel.names().get(k)), sel.types().get(k));
                }
            }
            String alias = sq.alias() != null ? sq.alias().value() : "subquery" + sq.span().end();
            // PostgreSQL before 16 wants an alias on every subquery in FROM
            env.rels.add(new Rel(SqlScope.key(alias), Naming.quote(scope.name(alias)), null, cols));
            return "(" + sel.sql() + ")" + (sq.alias() != null ? alias(null, sq.alias())
                    : " AS " + Naming.quote(scope.name(alias)));
        }
        if (f instanceof SqlFrom.Parens p) {
            if (p.alias() != null) {
                throw new Untranslatable("an alias on a join in parentheses");
            }
            return "(" + from(p.inner(), env) + ")";
        }
        if (f instanceof SqlFrom.Join j) {
            String left = from(j.left(), env);
            int before = env.rels.size();
            String right = from(j.right(), env);
            if (j.op().contains("LEFT") || j.op().contains("FULL")) {
                for (int k = before; k < env.rels.size(); k++) {
                    env.rels.get(k).nullable = true;
                }
            }
            if (j.op().contains("RIGHT") || j.op().contains("FULL")) {
                for (int k = 0; k < before; k++) {
                    env.rels.get(k).nullable = true;
                }
            }
            StringBuilder sb = new StringBuilder(left);
            sb.append(j.op().equals(",") ? ", " : " " + j.op() + " ").append(right);
            if (j.on() != null) {
                sb.append(" ON ").append(SqlOperators.truth(expr(j.on(), env)).sql());
            } else if (!j.using().isEmpty()) {
                sb.append(" USING (").append(String.join(", ", j.using().stream().map(n -> {
                    SqlTyped t = column(new SqlExpr.Column(n.span(), null, null, n), env);
                    return t.column() != null ? Naming.quote(t.column().target()) : Naming.quote(scope.name(n.value()));
                }).toList())).append(")");
            }
            return sb.toString();
        }
        throw new IllegalStateException("unknown node " + f);
    }

    private static boolean hasCte(Env env, String key) {
        for (Env e = env; e != null; e = e.parent) {
            if (e.ctes.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    /** An alias as the author wrote it, with AS only where they wrote it. */
    String alias(SqlName name, SqlName alias) {
        if (alias == null) {
            return "";
        }
        boolean as = name == null || name.span().end() < 0 || alias.span().start() < 0
                || source.substring(name.span().end(), alias.span().start()).toUpperCase(Locale.ROOT).contains("AS");
        return (as ? " AS " : " ") + Naming.quote(scope.name(alias.value()));
    }

    private static Rel find(String qualifier, Env env) {
        String key = SqlScope.key(qualifier);
        for (Env e = env; e != null; e = e.parent) {
            if (e.rows.containsKey(key)) {
                return e.rows.get(key);
            }
            for (Rel r : e.rels) {
                if (r.key.equals(key)) {
                    return r;
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- names

    /** A column: through the plan's names, typed by the planned type and SQLite's affinity. */
    SqlTyped column(SqlExpr.Column c, Env env) {
        String name = c.column().value();
        if (c.table() != null) {
            Rel r = find(c.table().value(), env);
            if (r == null) {
                for (Env e = env; e != null; e = e.parent) {
                    if (e.self != null && SqlScope.same(e.self.source().name(), c.table().value())) {
                        return of(e.self, name, Naming.quote(e.self.target()) + ".", false);
                    }
                }
                SqlScope.Relation rel = scope.relation(c.table().value());
                throw new Untranslatable("it names " + (rel == null ? c.table().value() : rel.source())
                        + "." + name + ", but " + c.table().value() + " is not in its FROM");
            }
            return columnOf(r, name, r.prefix + ".");
        }
        for (Env e = env; e != null; e = e.parent) {
            List<SqlTyped> found = new ArrayList<>();
            boolean opaque = false;
            if (e.self != null) {
                SqlTyped t = of(e.self, name, e.selfPrefix, false);
                if (t != null) {
                    found.add(t);
                }
            }
            for (Rel r : e.rels) {
                if (r.table != null) {
                    SqlTyped t = of(r.table, name, "", r.nullable);
                    if (t != null) {
                        found.add(t);
                    }
                } else if (r.columns != null) {
                    SqlTyped t = r.columns.get(SqlScope.key(name));
                    if (t != null) {
                        found.add(t.notNull(t.notNull() && !r.nullable));
                    }
                } else {
                    opaque = true;
                }
            }
            if (found.size() > 1 && found.stream().map(SqlTyped::sql).distinct().count() > 1) {
                throw new Untranslatable("the column name " + name + " belongs to more than one of its tables");
            }
            if (!found.isEmpty()) {
                return found.get(0);
            }
            if (opaque) {
                return SqlTyped.atom(Naming.quote(scope.name(name)), null);
            }
            SqlTyped alias = e.outputs.get(SqlScope.key(name));
            if (alias != null) { // SQLite lets WHERE and GROUP BY name a result column; PostgreSQL only GROUP BY
                return alias.sql("(" + alias.sql() + ")", SqlTyped.ATOM);
            }
        }
        if (c.column().quote() == SqlName.Quote.DOUBLE) { // SQLite reads a "word" that names nothing as a string
            return literalString(name);
        }
        return SqlTyped.atom(Naming.quote(scope.name(name)), null);
    }

    SqlTyped columnOf(Rel r, String name, String prefix) {
        if (r.table != null) {
            SqlTyped t = of(r.table, name, prefix, r.nullable);
            if (t == null) {
                throw new Untranslatable("table " + r.table.source().name() + " has no column " + name);
            }
            return t;
        }
        if (r.columns != null && r.columns.containsKey(SqlScope.key(name))) {
            SqlTyped t = r.columns.get(SqlScope.key(name));
            return t.sql(prefix + t.sql(), SqlTyped.ATOM).notNull(t.notNull() && !r.nullable);
        }
        return SqlTyped.atom(prefix + Naming.quote(scope.name(name)), null);
    }

    /** A column of a table by its SQLite name; rowid and its other names are the INTEGER PRIMARY KEY column. */
    private static SqlTyped of(TablePlan t, String name, String prefix, boolean nullable) {
        ColumnPlan c = null;
        for (ColumnPlan x : t.columns()) {
            if (SqlScope.same(x.source().name(), name)) {
                c = x;
            }
        }
        if (c == null && ROWID.contains(SqlScope.key(name))) {
            if (t.source().rowidAlias() == null) {
                throw new Untranslatable("it reads the rowid of " + t.source().name() + ", which PostgreSQL tables do not have");
            }
            c = t.column(t.source().rowidAlias());
        }
        if (c == null) {
            return null;
        }
        boolean key = t.source().rowidAlias() != null && SqlScope.same(t.source().rowidAlias(), c.source().name());
        return SqlTyped.column(prefix + Naming.quote(c.target()), c, key && !nullable).notNull(
                (key || c.source().notNull()) && !nullable);
    }

    static SqlTyped literalString(String value) {
        return new SqlTyped(Naming.literal(value), SqlTyped.ATOM, PgType.Kind.TEXT, (char) 0, null, Lit.STRING, value,
                null, ' ', true);
    }

    static SqlTyped literalNumber(String value) {
        boolean integer = value.matches("-?\\d+");
        return new SqlTyped(value, value.startsWith("-") ? SqlTyped.UNARY : SqlTyped.ATOM,
                integer ? PgType.Kind.BIGINT : PgType.Kind.DOUBLE, (char) 0, null, Lit.NUMBER, value, null, ' ', true);
    }

    // ---------------------------------------------------------------- expressions

    SqlTyped expr(SqlExpr e, Env env) {
        return SqlOperators.expr(this, e, env);
    }

    /** A subquery used as a value, with the enclosing query's names visible. */
    Sel subquery(SqlSelect s, Env env) {
        return select(s, env);
    }
}
