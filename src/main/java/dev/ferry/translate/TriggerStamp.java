package dev.ferry.translate;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.postgres.Naming;
import dev.ferry.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The commonest SQLite trigger, read on its syntax tree: [AFTER|BEFORE] [INSERT|UPDATE [OF ...]] ON t
 * BEGIN UPDATE t SET c = v, ... WHERE &lt;the same row&gt;; END. SQLite writes the row again; PostgreSQL
 * sets NEW.c before the row is written, which fires no trigger again (SQLite's recursive_triggers is
 * off, so its UPDATE did not fire this one either). The row's rowid identifies the row itself, so the
 * rowid form needs no key in PostgreSQL.
 */
final class TriggerStamp {

    private static final String ROWID = "\0rowid";

    private final SqlScope scope;
    private final SqlScope.Relation table;
    private final String sql;
    private final boolean insert;

    private TriggerStamp(SqlScope scope, SqlScope.Relation table, String sql, boolean insert) {
        this.scope = scope;
        this.table = table;
        this.sql = sql;
        this.insert = insert;
    }

    /**
     * The body of the BEFORE trigger that does what {@code trigger} does (NEW.c := ...; RETURN NEW;),
     * or null when it is not a stamp. A BEFORE INSERT stamp is refused: it changes nothing in SQLite.
     */
    static String body(SqlStatement.CreateTrigger trigger, String timing, SqlScope scope, SqlScope.Relation table,
                       String sql) {
        String event = trigger.event();
        boolean insert = event.equals("INSERT");
        if (timing.equals("INSTEAD OF") || !(insert || event.equals("UPDATE")) || trigger.body().size() != 1
                || table.table() == null || !(trigger.body().get(0) instanceof SqlStatement.Update u)) {
            return null;
        }
        if (u.orAction() != null || u.from() != null || u.with() != null || u.where() == null
                || scope.relation(u.table().name().value()) != table) {
            return null;
        }
        TriggerStamp stamp = new TriggerStamp(scope, table, sql, insert);
        if (!stamp.sameRow(u.where())) {
            return null;
        }
        if (insert && timing.equals("BEFORE")) {
            throw new SqlTranslator.Untranslatable("it changes nothing in SQLite: before the insert the row is not there "
                    + "yet, so its UPDATE finds no row. Recreate it by hand as a BEFORE INSERT trigger setting NEW's "
                    + "columns if new rows should be stamped");
        }
        return stamp.assignments(u.set());
    }

    private String assignments(List<SqlClause.Assignment> set) {
        StringBuilder body = new StringBuilder();
        List<String> assigned = new ArrayList<>();
        for (SqlClause.Assignment a : set) {
            if (a.columns().size() != 1) {
                return null; // SET (a, b) = (...): left to the UPDATE as written
            }
            String name = a.columns().get(0).value();
            ColumnPlan c = table.column(name);
            if (c == null) {
                throw new SqlTranslator.Untranslatable("table " + table.source() + " has no column " + name);
            }
            // SET a = 1, b = a gives b the old a: NEW.a would already be 1
            for (SqlExpr.Column read : SqlTreeWalk.all(a.value(), SqlExpr.Column.class)) {
                if (assigned.stream().anyMatch(x -> SqlScope.same(x, read.column().value()))) {
                    return null;
                }
            }
            assigned.add(name);
            SqlTranslator.Result v = SqlTranslator.assignment(a.value(), sql, scope, table, c);
            if (!v.ok()) {
                throw new SqlTranslator.Untranslatable(v.failure());
            }
            body.append("NEW.").append(Naming.quote(c.target())).append(" := ").append(v.sql()).append(";\n  ");
        }
        return body.append("RETURN NEW;").toString();
    }

    /**
     * Whether a WHERE picks exactly the row the trigger fires for: {@code rowid = NEW.rowid} (any of
     * rowid, _rowid_, oid, either way round), or {@code key = NEW.key} for every column of the primary
     * key or of a unique index, joined by AND. OLD names the same row in an UPDATE.
     */
    private boolean sameRow(SqlExpr where) {
        Set<String> named = new HashSet<>();
        for (SqlExpr e : conjuncts(where, new ArrayList<>())) {
            String key = equality(e);
            if (key == null) {
                return false;
            }
            named.add(key);
        }
        Table source = table.table().source();
        if (named.contains(ROWID)) {
            return true;
        }
        if (!source.primaryKey().isEmpty() && named.containsAll(upper(source.primaryKey()))) {
            return true;
        }
        return source.indexes().stream().anyMatch(x -> x.unique() && !x.partial() && !x.hasExpressions()
                && named.containsAll(upper(x.columns())));
    }

    private static List<SqlExpr> conjuncts(SqlExpr e, List<SqlExpr> out) {
        if (e instanceof SqlExpr.Paren p) {
            return conjuncts(p.expr(), out);
        }
        if (e instanceof SqlExpr.Binary b && b.op().equals("AND")) {
            conjuncts(b.left(), out);
            return conjuncts(b.right(), out);
        }
        out.add(e);
        return out;
    }

    /** {@code a = NEW.a} or {@code NEW.a = a} (a qualified by the table's name or not): the key it names, else null. */
    private String equality(SqlExpr e) {
        if (!(e instanceof SqlExpr.Binary b) || !(b.op().equals("=") || b.op().equals("=="))) {
            return null;
        }
        String row = rowColumn(b.left()), other = rowColumn(b.right());
        if ((row == null) == (other == null)) {
            return null; // NEW.a = NEW.a, or a = b: not about which row
        }
        String col = row == null ? column(b.left()) : column(b.right());
        row = row == null ? other : row;
        String a = keyName(col), k = keyName(row);
        return a != null && a.equals(k) ? a : null;
    }

    /** NEW.x (or OLD.x in an UPDATE): x; else null. */
    private String rowColumn(SqlExpr e) {
        return e instanceof SqlExpr.Column c && c.schema() == null && c.table() != null
                && (c.table().is("NEW") || !insert && c.table().is("OLD")) ? c.column().value() : null;
    }

    /** x or table.x: x; else null. */
    private String column(SqlExpr e) {
        if (!(e instanceof SqlExpr.Column c) || c.schema() != null) {
            return null;
        }
        return c.table() == null || scope.relation(c.table().value()) == table ? c.column().value() : null;
    }

    /** A column's name in upper case, or {@link #ROWID} for the rowid under any of its names (and its alias). */
    private String keyName(String name) {
        if (name == null) {
            return null;
        }
        Table source = table.table().source();
        String up = name.toUpperCase(Locale.ROOT);
        boolean rowidWord = up.equals("ROWID") || up.equals("_ROWID_") || up.equals("OID");
        if (rowidWord && source.column(name).isEmpty()) {
            return source.withoutRowid() ? null : ROWID;
        }
        if (source.column(name).isEmpty()) {
            return null;
        }
        return name.equalsIgnoreCase(source.rowidAlias()) ? ROWID : up;
    }

    private static List<String> upper(List<String> names) {
        return names.stream().map(n -> n == null ? "" : n.toUpperCase(Locale.ROOT)).toList();
    }
}
