package dev.ferry.run;

import dev.ferry.translate.SqlPlanner;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.Ddl;
import dev.ferry.postgres.Naming;
import dev.ferry.postgres.PgTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two parts of a plan only the server can settle, settled before anything is created (and
 * the same way again on a resume, so the plan's digest matches):
 * <ul>
 * <li>COLLATE NOCASE columns get Ferry's ICU collation; a server without ICU gives them citext
 * when that extension is installed, else they compare exactly and that is reported.</li>
 * <li>A generated column whose expression PostgreSQL refuses (tried on a temporary table that
 * is never committed) becomes a plain column holding SQLite's values, reported.</li>
 * <li>A vector suggestion taken becomes vector(n) where pgvector is installed; else it stays real[],
 * and the report says how to get vector(n) (see {@link Pgvector}).</li>
 * <li>An enum suggestion's type is named in the schema, and given a free name where a type of its
 * name with other labels is there (see {@link EnumTypes}).</li>
 * </ul>
 * When the plan changes, the listener hears it (a {@link MigrationEvent.PlanChanged}): the user saw
 * the plan before this.
 */
final class ServerFit {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServerFit.class);

    private ServerFit() {
    }

    static Plan fit(Plan plan, PgTarget target, MigrationListener listener) {
        boolean nocase = Ddl.needsCollation(plan);
        boolean generated = plan.tables().stream().anyMatch(t -> t.columns().stream().anyMatch(c -> !c.copied()));
        boolean vectors = plan.taken().stream().anyMatch(s -> s.kind() == dev.ferry.plan.Suggestion.Kind.VECTOR);
        boolean enums = EnumTypes.any(plan);
        if (!nocase && !generated && !vectors && !enums) {
            return plan;
        }
        List<Problem> found = new ArrayList<>();
        Map<String, List<String>> changed = new LinkedHashMap<>(); // why -> the columns changed for it
        List<TablePlan> tables = new ArrayList<>(plan.tables());
        try (Connection c = target.connection()) {
            if (enums) {
                tables = new ArrayList<>(EnumTypes.fit(c, plan, found, changed));
            }
            if (nocase && !icu(c)) {
                String citext = citext(c);
                for (int k = 0; k < tables.size(); k++) {
                    tables.set(k, withoutIcu(tables.get(k), citext, found, changed));
                }
            }
            if (generated) {
                for (int k = 0; k < tables.size(); k++) {
                    tables.set(k, tryGenerated(c, tables.get(k), found, changed));
                }
            }
            if (vectors) {
                Pgvector vector = Pgvector.of(c);
                for (int k = 0; k < tables.size(); k++) {
                    tables.set(k, vector.fit(tables.get(k), plan.taken(), found, changed));
                }
            }
        } catch (SQLException e) {
            LOG.warn("could not ask the server about collations, generated columns and pgvector; the plan stays as it is", e);
            return plan;
        }
        if (found.isEmpty() && tables.equals(plan.tables())) {
            return plan;
        }
        if (!changed.isEmpty()) {
            listener.on(planChanged(changed));
        }
        found.forEach(p -> listener.on(new MigrationEvent.ProblemFound(p)));
        List<Problem> problems = new ArrayList<>(plan.problems());
        problems.addAll(found);
        return plan.withTables(tables).withProblems(problems);
    }

    private static boolean icu(Connection c) throws SQLException {
        if (!Boolean.parseBoolean(System.getProperty("ferry.fit.icu", "true"))) {
            return false; // tests stand in for a server built without ICU
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) > 0 FROM pg_collation WHERE collprovider = 'i'")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** citext's qualified type name when the extension is installed in this database, else null. */
    private static String citext(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(Sql.query("citext-schema"))) {
            return rs.next() ? Naming.quote(rs.getString(1)) + ".citext" : null;
        }
    }

    /** "The plan changed to fit this PostgreSQL: a.b, a.c: why; d.e: why.", naming a few columns for each reason. */
    static MigrationEvent.PlanChanged planChanged(Map<String, List<String>> changed) {
        List<String> parts = new ArrayList<>();
        List<String> all = new ArrayList<>();
        changed.forEach((why, columns) -> {
            all.addAll(columns);
            String names = String.join(", ", columns.subList(0, Math.min(columns.size(), 4)))
                    + (columns.size() > 4 ? " and " + (columns.size() - 4) + " more" : "");
            parts.add(names + ": " + why);
        });
        return new MigrationEvent.PlanChanged("The plan changed to fit this PostgreSQL: " + String.join("; ", parts) + ".", all);
    }

    private static TablePlan withoutIcu(TablePlan t, String citext, List<Problem> found, Map<String, List<String>> changed) {
        List<ColumnPlan> cols = new ArrayList<>();
        for (ColumnPlan col : t.columns()) {
            if (!ColumnPlan.NOCASE.equals(col.collation())) {
                cols.add(col);
            } else if (citext != null) {
                cols.add(col.withCollation(null, new PgType(PgType.Kind.TEXT, citext)));
                changed.computeIfAbsent("citext instead of COLLATE NOCASE, since this server has no ICU collations",
                        k -> new ArrayList<>()).add(t.source().name() + "." + col.source().name());
            } else {
                cols.add(col.withCollation(null, col.type()));
                changed.computeIfAbsent("compared exactly, without COLLATE NOCASE, since this server has neither ICU "
                        + "collations nor citext", k -> new ArrayList<>()).add(t.source().name() + "." + col.source().name());
                found.add(new Problem(t.source().name(), col.source().name(), Problem.Kind.COLLATION_NOT_KEPT, 0, "report",
                        List.of(), "Column " + t.source().name() + "." + col.source().name() + " compares text without "
                        + "regard to case in SQLite (COLLATE NOCASE). This PostgreSQL has no ICU collations and no citext "
                        + "extension, so it compares exactly: 'Bob' and 'bob' differ, also for uniqueness. The values are "
                        + "copied unchanged. An administrator can run CREATE EXTENSION citext before migrating to keep it."));
            }
        }
        return t.withColumns(cols);
    }

    /** Each generated column tried alone on a temporary copy of the table; refused ones become plain columns. */
    private static TablePlan tryGenerated(Connection c, TablePlan t, List<Problem> found, Map<String, List<String>> changed)
            throws SQLException {
        if (t.columns().stream().allMatch(ColumnPlan::copied)) {
            return t;
        }
        List<ColumnPlan> plain = t.columns().stream().map(col -> col.withGenerated(null).withCollation(null, col.type())).toList();
        if (refusal(c, t.withColumns(plain)) != null) {
            return t; // not even the plain table can be tried here (no TEMP privilege?): the create phase will tell
        }
        List<ColumnPlan> cols = new ArrayList<>(t.columns());
        for (int k = 0; k < cols.size(); k++) {
            if (cols.get(k).copied()) {
                continue;
            }
            List<ColumnPlan> trial = new ArrayList<>(plain);
            trial.set(k, plain.get(k).withGenerated(cols.get(k).generated()));
            String error = refusal(c, t.withColumns(trial));
            if (error != null) {
                found.add(SqlPlanner.keptAsData(t, cols.get(k), "PostgreSQL refused the translation ("
                        + cols.get(k).generated() + "): " + error));
                cols.set(k, cols.get(k).withGenerated(null));
                changed.computeIfAbsent("plain columns holding SQLite's computed values, since PostgreSQL refused "
                        + "their expressions", x -> new ArrayList<>()).add(t.source().name() + "." + cols.get(k).source().name());
            }
        }
        return t.withColumns(cols);
    }

    private static String refusal(Connection c, TablePlan t) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute(new Ddl("pg_temp").createTable(t));
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
        }
    }
}
