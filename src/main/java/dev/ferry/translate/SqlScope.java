package dev.ferry.translate;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.TablePlan;

import dev.ferry.postgres.Naming;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names SQL is translated against: every table and view of the plan with its PostgreSQL name,
 * and every table's columns with theirs (and their types, which decide some translations). A
 * name the plan does not know (an alias, a column of a view) gets the naming style alone, the
 * same the plan gives every name that does not collide.
 */
public final class SqlScope {

    /** A table ({@code table} non-null) or a view of the plan. */
    public record Relation(String source, String target, TablePlan table) {

        public ColumnPlan column(String name) {
            if (table == null) {
                return null;
            }
            return table.columns().stream().filter(c -> same(c.source().name(), name)).findFirst().orElse(null);
        }
    }

    private final Map<String, Relation> relations = new HashMap<>();
    /** A view's columns once it has been translated, typed by the expressions that define them. */
    private final Map<String, Map<String, SqlTyped>> viewColumns = new HashMap<>();
    private final Naming naming;
    private final boolean nocase;

    /**
     * @param views  source name to target name of each view
     * @param nocase whether Ferry's case-insensitive collation will be in the schema
     */
    public SqlScope(List<TablePlan> tables, Map<String, String> views, Naming naming, boolean nocase) {
        this.naming = naming;
        this.nocase = nocase;
        views.forEach((s, t) -> relations.put(key(s), new Relation(s, t, null)));
        tables.forEach(t -> relations.put(key(t.source().name()), new Relation(t.source().name(), t.target(), t)));
    }

    public Relation relation(String name) {
        return relations.get(key(name));
    }

    /** The PostgreSQL form of a name the plan does not know, unquoted. */
    public String name(String sqliteName) {
        return naming.apply(sqliteName);
    }

    void viewColumns(String view, Map<String, SqlTyped> columns) {
        viewColumns.put(key(view), columns);
    }

    /** The columns of a view translated before, or null. */
    Map<String, SqlTyped> viewColumns(String view) {
        return viewColumns.get(key(view));
    }

    public boolean nocase() {
        return nocase;
    }

    /** SQLite compares names without regard to ASCII case only: Ä and ä are two names. */
    static String key(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            sb.append(ch >= 'a' && ch <= 'z' ? (char) (ch - 32) : ch);
        }
        return sb.toString();
    }

    static boolean same(String a, String b) {
        return key(a).equals(key(b));
    }
}
