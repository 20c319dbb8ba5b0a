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

    private String with(SqlClause.With w, Env env) {
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

    // ---------------------------------------------------------------- INSERT, UPDATE, DELETE

    /** A statement of a trigger's body: SELECT, INSERT, UPDATE or DELETE. */
    String statement(SqlStatement st, Env outer) {
        if (st instanceof SqlSelect s) {
            return select(s, outer).sql();
        }
        Env env = new Env(outer);
        if (st instanceof SqlStatement.Insert i) {
            return insert(i, env);
        }
        if (st instanceof SqlStatement.Update u) {
            if (!u.orderBy().isEmpty() || u.limit() != null) {
                throw new Untranslatable("UPDATE with ORDER BY or LIMIT, which PostgreSQL does not have");
            }
            String with = u.with() == null ? "" : with(u.with(), env) + " ";
            conflict(u.orAction(), "UPDATE");
            Rel target = target(u.table(), env);
            StringBuilder sb = new StringBuilder(with + "UPDATE " + name(u.table()) + alias(u.table().name(), u.table().alias()));
            String from = u.from() == null ? null : from(u.from(), env);
            List<String> sets = new ArrayList<>();
            for (SqlClause.Assignment a : u.set()) {
                sets.add(assignment(a, target, env));
            }
            sb.append(" SET ").append(String.join(", ", sets));
            if (from != null) {
                sb.append(" FROM ").append(from);
            }
            if (u.where() != null) {
                sb.append(" WHERE ").append(SqlOperators.truth(expr(u.where(), env)).sql());
            }
            return sb.append(returning(u.returning(), env)).toString();
        }
        if (st instanceof SqlStatement.Delete d) {
            if (!d.orderBy().isEmpty() || d.limit() != null) {
                throw new Untranslatable("DELETE with ORDER BY or LIMIT, which PostgreSQL does not have");
            }
            String with = d.with() == null ? "" : with(d.with(), env) + " ";
            target(d.table(), env);
            return with + "DELETE FROM " + name(d.table()) + alias(d.table().name(), d.table().alias())
                    + (d.where() == null ? "" : " WHERE " + SqlOperators.truth(expr(d.where(), env)).sql())
                    + returning(d.returning(), env);
        }
        throw new Untranslatable("Ferry cannot translate this kind of statement here");
    }

    private String insert(SqlStatement.Insert i, Env env) {
        String with = i.with() == null ? "" : with(i.with(), env) + " ";
        Rel target = target(i.table(), new Env(null));
        String onConflict = "REPLACE".equals(i.orAction()) ? replace(target.table, i) : conflict(i.orAction(), "INSERT");
        List<SqlTyped> into = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (!i.columns().isEmpty()) {
            for (SqlName n : i.columns()) {
                SqlTyped c = columnOf(target, n.value(), "");
                into.add(c);
                names.add(c.sql());
            }
        } else if (target.table != null) {
            for (ColumnPlan c : target.table.columns()) {
                into.add(SqlTyped.column(Naming.quote(c.target()), c, false));
            }
        }
        StringBuilder sb = new StringBuilder(with + "INSERT INTO " + name(i.table()) + alias(null, i.table().alias()));
        if (!names.isEmpty()) {
            sb.append(" (").append(String.join(", ", names)).append(")");
        }
        if (i.source() == null) {
            sb.append(" DEFAULT VALUES");
        } else if (i.source().body() instanceof SqlSelect.Values v && i.source().with() == null && i.source().orderBy().isEmpty()
                && i.source().limit() == null) {
            List<String> rows = new ArrayList<>();
            for (List<SqlExpr> row : v.rows()) {
                List<String> items = new ArrayList<>();
                for (int k = 0; k < row.size(); k++) {
                    SqlTyped value = expr(row.get(k), env);
                    items.add(k < into.size() ? SqlOperators.fit(into.get(k), value).sql() : value.sql());
                }
                rows.add("(" + String.join(", ", items) + ")");
            }
            sb.append(" VALUES ").append(String.join(", ", rows));
        } else {
            sb.append(' ').append(select(i.source(), env).sql());
        }
        sb.append(onConflict);
        for (SqlClause.Upsert u : i.upserts()) {
            Env up = new Env(env);
            up.rows.put("EXCLUDED", new Rel("EXCLUDED", "EXCLUDED", target.table, target.columns));
            up.rels.add(target);
            sb.append(" ON CONFLICT");
            if (!u.target().isEmpty()) {
                sb.append(" (").append(String.join(", ", u.target().stream().map(o -> expr(o.expr(), up).sql()).toList()))
                        .append(")");
                if (u.targetWhere() != null) {
                    sb.append(" WHERE ").append(SqlOperators.truth(expr(u.targetWhere(), up)).sql());
                }
            }
            if (u.doNothing()) {
                sb.append(" DO NOTHING");
            } else {
                List<String> sets = new ArrayList<>();
                for (SqlClause.Assignment a : u.set()) {
                    sets.add(assignment(a, target, up));
                }
                sb.append(" DO UPDATE SET ").append(String.join(", ", sets));
                if (u.where() != null) {
                    sb.append(" WHERE ").append(SqlOperators.truth(expr(u.where(), up)).sql());
                }
            }
        }
        env.rels.add(target);
        return sb.append(returning(i.returning(), env)).toString();
    }

    /**
     * INSERT OR REPLACE: SQLite deletes the row that has the same key and inserts the new one. With one
     * unique key that is ON CONFLICT (key) DO UPDATE setting every other column to the row proposed
     * (EXCLUDED holds the defaults of the columns not listed, as the new row would). With more than one
     * unique key, one insert could replace several rows, which PostgreSQL cannot do.
     */
    private String replace(TablePlan t, SqlStatement.Insert i) {
        if (!i.upserts().isEmpty()) {
            throw new Untranslatable("INSERT OR REPLACE with its own ON CONFLICT");
        }
        java.util.Set<List<String>> keys = new LinkedHashSet<>();
        if (!t.source().primaryKey().isEmpty()) {
            keys.add(t.source().primaryKey().stream().map(SqlScope::key).sorted().toList());
        }
        for (dev.ferry.schema.Index x : t.source().indexes()) {
            if (x.unique()) {
                if (x.partial() || x.hasExpressions()) {
                    throw new Untranslatable("INSERT OR REPLACE on a table with a partial or expression unique index");
                }
                keys.add(x.columns().stream().map(SqlScope::key).sorted().toList());
            }
        }
        if (keys.isEmpty()) {
            return "";
        }
        if (keys.size() > 1) {
            throw new Untranslatable("INSERT OR REPLACE on a table with more than one unique key: SQLite may replace "
                    + "several rows at once, PostgreSQL's ON CONFLICT one");
        }
        List<String> key = keys.iterator().next();
        List<String> keyCols = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        for (ColumnPlan c : t.columns()) {
            String q = Naming.quote(c.target());
            if (key.contains(SqlScope.key(c.source().name()))) {
                keyCols.add(q);
            } else if (c.generated() == null) {
                sets.add(q + " = EXCLUDED." + q);
            }
        }
        return " ON CONFLICT (" + String.join(", ", keyCols) + ")" + (sets.isEmpty() ? " DO NOTHING"
                : " DO UPDATE SET " + String.join(", ", sets));
    }

    /** SQLite's OR action: IGNORE is ON CONFLICT DO NOTHING; REPLACE would need to know which key conflicts. */
    private static String conflict(String orAction, String verb) {
        if (orAction == null || orAction.equals("ABORT")) {
            return "";
        }
        if (orAction.equals("IGNORE") && verb.equals("INSERT")) {
            return " ON CONFLICT DO NOTHING";
        }
        throw new Untranslatable("PostgreSQL has no " + verb + " OR " + orAction + "; it would need to know which key conflicts");
    }

    /** The table an INSERT, UPDATE or DELETE writes, made visible to its other clauses. */
    private Rel target(SqlFrom.Table t, Env env) {
        SqlScope.Relation r = scope.relation(t.name().value());
        if (r == null || r.table() == null) {
            throw new Untranslatable("it writes " + t.name().value() + ", which is not a table Ferry makes");
        }
        relations.add(r.source());
        String alias = t.alias() == null ? null : t.alias().value();
        Rel rel = new Rel(SqlScope.key(alias == null ? t.name().value() : alias),
                Naming.quote(alias == null ? r.target() : scope.name(alias)), r.table(), null);
        env.rels.add(rel);
        return rel;
    }

    private String name(SqlFrom.Table t) {
        return Naming.quote(scope.relation(t.name().value()).target());
    }

    private String assignment(SqlClause.Assignment a, Rel target, Env env) {
        if (a.columns().size() != 1) {
            List<String> cols = a.columns().stream().map(n -> columnOf(target, n.value(), "").sql()).toList();
            return "(" + String.join(", ", cols) + ") = " + expr(a.value(), env).sql();
        }
        SqlTyped c = columnOf(target, a.columns().get(0).value(), "");
        return c.sql() + " = " + SqlOperators.fit(c, expr(a.value(), env)).sql();
    }

    private String returning(List<SqlClause.ResultColumn> cols, Env env) {
        if (cols.isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (SqlClause.ResultColumn rc : cols) {
            if (rc instanceof SqlClause.Star) {
                out.add("*");
            } else if (rc instanceof SqlClause.Output o) {
                out.add(expr(o.expr(), env).sql() + (o.alias() == null ? "" : " AS " + Naming.quote(scope.name(o.alias().value()))));
            }
        }
        return " RETURNING " + String.join(", ", out);
    }

    // ---------------------------------------------------------------- FROM

    private String from(SqlFrom f, Env env) {
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
    private String alias(SqlName name, SqlName alias) {
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

    private SqlTyped columnOf(Rel r, String name, String prefix) {
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
