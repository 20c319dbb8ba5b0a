package dev.ferry.translate;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.Naming;
import dev.ferry.translate.SqlTranslator.Untranslatable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The statements of a trigger's body through the rewriter: SELECT, INSERT (values fitted to their
 * columns, OR IGNORE, OR REPLACE on one key, upsert with EXCLUDED, RETURNING), UPDATE (SET fitted,
 * FROM) and DELETE.
 */
final class SqlWrites {

    private SqlWrites() {
    }

    /** A statement of a trigger's body: SELECT, INSERT, UPDATE or DELETE. */
    static String statement(SqlRewriter rw, SqlStatement st, SqlRewriter.Env outer) {
        if (st instanceof SqlSelect s) {
            return rw.select(s, outer).sql();
        }
        SqlRewriter.Env env = new SqlRewriter.Env(outer);
        if (st instanceof SqlStatement.Insert i) {
            return insert(rw, i, env);
        }
        if (st instanceof SqlStatement.Update u) {
            if (!u.orderBy().isEmpty() || u.limit() != null) {
                throw new Untranslatable("UPDATE with ORDER BY or LIMIT, which PostgreSQL does not have");
            }
            String with = u.with() == null ? "" : rw.with(u.with(), env) + " ";
            conflict(u.orAction(), "UPDATE");
            SqlRewriter.Rel target = target(rw, u.table(), env);
            StringBuilder sb = new StringBuilder(with + "UPDATE " + name(rw, u.table())
                    + rw.alias(u.table().name(), u.table().alias()));
            String from = u.from() == null ? null : rw.from(u.from(), env);
            List<String> sets = new ArrayList<>();
            for (SqlClause.Assignment a : u.set()) {
                sets.add(assignment(rw, a, target, env));
            }
            sb.append(" SET ").append(String.join(", ", sets));
            if (from != null) {
                sb.append(" FROM ").append(from);
            }
            if (u.where() != null) {
                sb.append(" WHERE ").append(SqlOperators.truth(rw.expr(u.where(), env)).sql());
            }
            return sb.append(returning(rw, u.returning(), env)).toString();
        }
        if (st instanceof SqlStatement.Delete d) {
            if (!d.orderBy().isEmpty() || d.limit() != null) {
                throw new Untranslatable("DELETE with ORDER BY or LIMIT, which PostgreSQL does not have");
            }
            String with = d.with() == null ? "" : rw.with(d.with(), env) + " ";
            target(rw, d.table(), env);
            return with + "DELETE FROM " + name(rw, d.table()) + rw.alias(d.table().name(), d.table().alias())
                    + (d.where() == null ? "" : " WHERE " + SqlOperators.truth(rw.expr(d.where(), env)).sql())
                    + returning(rw, d.returning(), env);
        }
        throw new Untranslatable("Ferry cannot translate this kind of statement here");
    }

    private static String insert(SqlRewriter rw, SqlStatement.Insert i, SqlRewriter.Env env) {
        String with = i.with() == null ? "" : rw.with(i.with(), env) + " ";
        SqlRewriter.Rel target = target(rw, i.table(), new SqlRewriter.Env(null));
        String onConflict = "REPLACE".equals(i.orAction()) ? replace(target.table, i) : conflict(i.orAction(), "INSERT");
        List<SqlTyped> into = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (!i.columns().isEmpty()) {
            for (SqlName n : i.columns()) {
                SqlTyped c = rw.columnOf(target, n.value(), "");
                into.add(c);
                names.add(c.sql());
            }
        } else if (target.table != null) {
            for (ColumnPlan c : target.table.columns()) {
                into.add(SqlTyped.column(Naming.quote(c.target()), c, false));
            }
        }
        StringBuilder sb = new StringBuilder(with + "INSERT INTO " + name(rw, i.table()) + rw.alias(null, i.table().alias()));
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
                    SqlTyped value = rw.expr(row.get(k), env);
                    items.add(k < into.size() ? SqlOperators.fit(into.get(k), value).sql() : value.sql());
                }
                rows.add("(" + String.join(", ", items) + ")");
            }
            sb.append(" VALUES ").append(String.join(", ", rows));
        } else {
            sb.append(' ').append(rw.select(i.source(), env).sql());
        }
        sb.append(onConflict);
        for (SqlClause.Upsert u : i.upserts()) {
            SqlRewriter.Env up = new SqlRewriter.Env(env);
            up.rows.put("EXCLUDED", new SqlRewriter.Rel("EXCLUDED", "EXCLUDED", target.table, target.columns));
            up.rels.add(target);
            sb.append(" ON CONFLICT");
            if (!u.target().isEmpty()) {
                sb.append(" (").append(String.join(", ", u.target().stream().map(o -> rw.expr(o.expr(), up).sql()).toList()))
                        .append(")");
                if (u.targetWhere() != null) {
                    sb.append(" WHERE ").append(SqlOperators.truth(rw.expr(u.targetWhere(), up)).sql());
                }
            }
            if (u.doNothing()) {
                sb.append(" DO NOTHING");
            } else {
                List<String> sets = new ArrayList<>();
                for (SqlClause.Assignment a : u.set()) {
                    sets.add(assignment(rw, a, target, up));
                }
                sb.append(" DO UPDATE SET ").append(String.join(", ", sets));
                if (u.where() != null) {
                    sb.append(" WHERE ").append(SqlOperators.truth(rw.expr(u.where(), up)).sql());
                }
            }
        }
        env.rels.add(target);
        return sb.append(returning(rw, i.returning(), env)).toString();
    }

    /**
     * INSERT OR REPLACE: SQLite deletes the row that has the same key and inserts the new one. With one
     * unique key that is ON CONFLICT (key) DO UPDATE setting every other column to the row proposed
     * (EXCLUDED holds the defaults of the columns not listed, as the new row would). With more than one
     * unique key, one insert could replace several rows, which PostgreSQL cannot do.
     */
    private static String replace(TablePlan t, SqlStatement.Insert i) {
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
    private static SqlRewriter.Rel target(SqlRewriter rw, SqlFrom.Table t, SqlRewriter.Env env) {
        SqlScope.Relation r = rw.scope.relation(t.name().value());
        if (r == null || r.table() == null) {
            throw new Untranslatable("it writes " + t.name().value() + ", which is not a table Ferry makes");
        }
        rw.relations.add(r.source());
        String alias = t.alias() == null ? null : t.alias().value();
        SqlRewriter.Rel rel = new SqlRewriter.Rel(SqlScope.key(alias == null ? t.name().value() : alias),
                Naming.quote(alias == null ? r.target() : rw.scope.name(alias)), r.table(), null);
        env.rels.add(rel);
        return rel;
    }

    private static String name(SqlRewriter rw, SqlFrom.Table t) {
        return Naming.quote(rw.scope.relation(t.name().value()).target());
    }

    private static String assignment(SqlRewriter rw, SqlClause.Assignment a, SqlRewriter.Rel target, SqlRewriter.Env env) {
        if (a.columns().size() != 1) {
            List<String> cols = a.columns().stream().map(n -> rw.columnOf(target, n.value(), "").sql()).toList();
            return "(" + String.join(", ", cols) + ") = " + rw.expr(a.value(), env).sql();
        }
        SqlTyped c = rw.columnOf(target, a.columns().get(0).value(), "");
        return c.sql() + " = " + SqlOperators.fit(c, rw.expr(a.value(), env)).sql();
    }

    private static String returning(SqlRewriter rw, List<SqlClause.ResultColumn> cols, SqlRewriter.Env env) {
        if (cols.isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (SqlClause.ResultColumn rc : cols) {
            if (rc instanceof SqlClause.Star) {
                out.add("*");
            } else if (rc instanceof SqlClause.Output o) {
                out.add(rw.expr(o.expr(), env).sql() + (o.alias() == null ? "" : " AS " + Naming.quote(rw.scope.name(o.alias().value()))));
            }
        }
        return " RETURNING " + String.join(", ", out);
    }
}
