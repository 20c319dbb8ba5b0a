package dev.ferry.run;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.Suggestion;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.Naming;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The enum types of taken suggestions, named in the target schema (so CREATE TABLE finds them
 * whatever the search path) and fitted to what is there: a type of the planned name with the same
 * labels (an earlier attempt's, or one made by hand) is used as it is, and undo leaves it alone
 * (Creator journals only the types it made); a type of that name that is anything else (another
 * app's enum with other labels, a table's row type) keeps its name, and Ferry's takes the first
 * free one of name_2, name_3, …, said as a name change. Asked the same way on a resume, where
 * the earlier attempt's type has the same labels, so the plan comes out the same.
 */
final class EnumTypes {

    private EnumTypes() {
    }

    static List<TablePlan> fit(Connection c, Plan plan, List<Problem> found, Map<String, List<String>> changed)
            throws SQLException {
        List<TablePlan> out = new ArrayList<>();
        Set<String> chosen = new HashSet<>();
        for (TablePlan t : plan.tables()) {
            List<ColumnPlan> cols = new ArrayList<>();
            for (ColumnPlan col : t.columns()) {
                List<String> labels = labels(plan, t, col);
                if (labels == null) {
                    cols.add(col);
                    continue;
                }
                String planned = unquote(col.type().sql());
                String name = free(c, plan.schema(), planned, labels, chosen);
                chosen.add(name);
                if (!name.equals(planned)) {
                    String where = t.source().name() + "." + col.source().name();
                    found.add(new Problem(t.source().name(), col.source().name(), Problem.Kind.NAME_CHANGED, 0, "rename",
                            List.of(name), "The enum type of " + where + " is named " + name + ": schema " + plan.schema()
                            + " has a type " + planned + " already, with other values, and it stays as it is."));
                    changed.computeIfAbsent("its enum type is " + name + " (" + planned + " is taken)", k -> new ArrayList<>())
                            .add(where);
                }
                cols.add(new ColumnPlan(col.source(), col.target(), new PgType(col.type().kind(),
                        Naming.qualified(plan.schema(), name)), col.rule(), col.conversion(), col.identity(), col.defaultSql(),
                        col.profile(), col.fix(), col.generated(), col.collation()));
            }
            out.add(t.withColumns(List.copyOf(cols)));
        }
        return out;
    }

    /** Whether the plan has an enum type to make. */
    static boolean any(Plan plan) {
        return plan.taken().stream().anyMatch(s -> s.kind() == Suggestion.Kind.ENUM);
    }

    /** The planned name when it is free or an enum of these labels; else the first such of name_2, name_3, …. */
    private static String free(Connection c, String schema, String planned, List<String> labels, Set<String> chosen)
            throws SQLException {
        for (int k = 1; ; k++) {
            String name = k == 1 ? planned : within(planned, "_" + k);
            if (chosen.contains(name)) {
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement(Sql.query("type-named"))) {
                ps.setString(1, schema);
                ps.setString(2, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return name;
                    }
                    Array there = rs.getArray(2);
                    if ("e".equals(rs.getString(1)) && List.of((Object[]) there.getArray()).equals(List.copyOf(labels))) {
                        return name;
                    }
                }
            }
        }
    }

    /** The name with the suffix, cut to PostgreSQL's 63 bytes first (the server would cut the suffix off). */
    private static String within(String name, String suffix) {
        String base = name;
        while ((base + suffix).getBytes(java.nio.charset.StandardCharsets.UTF_8).length > Naming.MAX_BYTES) {
            base = base.substring(0, base.offsetByCodePoints(base.codePointCount(0, base.length()), -1));
        }
        return base + suffix;
    }

    /** The name as the plan holds it: as Naming.quote wrote it, quoted only when it must be. */
    private static String unquote(String sql) {
        return sql.startsWith("\"") ? sql.substring(1, sql.length() - 1).replace("\"\"", "\"") : sql;
    }

    private static List<String> labels(Plan plan, TablePlan t, ColumnPlan c) {
        return plan.taken().stream().filter(s -> s.kind() == Suggestion.Kind.ENUM && s.table().equals(t.source().name())
                && s.column().equals(c.source().name())).map(Suggestion::details).findFirst().orElse(null);
    }
}
