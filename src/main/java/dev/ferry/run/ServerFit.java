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
import java.util.List;

/**
 * The two parts of a plan only the server can settle, settled before anything is created (and
 * the same way again on a resume, so the plan's digest matches):
 * <ul>
 * <li>COLLATE NOCASE columns get Ferry's ICU collation; a server without ICU gives them citext
 * when that extension is installed, else they compare exactly and that is reported.</li>
 * <li>A generated column whose expression PostgreSQL refuses (tried on a temporary table that
 * is never committed) becomes a plain column holding SQLite's values, reported.</li>
 * </ul>
 */
final class ServerFit {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServerFit.class);

    private ServerFit() {
    }

    static Plan fit(Plan plan, PgTarget target, MigrationListener listener) {
        boolean nocase = Ddl.needsCollation(plan);
        boolean generated = plan.tables().stream().anyMatch(t -> t.columns().stream().anyMatch(c -> !c.copied()));
        if (!nocase && !generated) {
            return plan;
        }
        List<Problem> found = new ArrayList<>();
        List<TablePlan> tables = new ArrayList<>(plan.tables());
        try (Connection c = target.connection()) {
            if (nocase && !icu(c)) {
                String citext = citext(c);
                for (int k = 0; k < tables.size(); k++) {
                    tables.set(k, withoutIcu(tables.get(k), citext, found));
                }
            }
            if (generated) {
                for (int k = 0; k < tables.size(); k++) {
                    tables.set(k, tryGenerated(c, tables.get(k), found));
                }
            }
        } catch (SQLException e) {
            LOG.warn("could not ask the server about collations and generated columns; the plan stays as it is", e);
            return plan;
        }
        if (found.isEmpty() && tables.equals(plan.tables())) {
            return plan;
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
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT n.nspname FROM pg_extension e "
                + "JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'citext'")) {
            return rs.next() ? Naming.quote(rs.getString(1)) + ".citext" : null;
        }
    }

    private static TablePlan withoutIcu(TablePlan t, String citext, List<Problem> found) {
        List<ColumnPlan> cols = new ArrayList<>();
        for (ColumnPlan col : t.columns()) {
            if (!ColumnPlan.NOCASE.equals(col.collation())) {
                cols.add(col);
            } else if (citext != null) {
                cols.add(col.withCollation(null, new PgType(PgType.Kind.TEXT, citext)));
            } else {
                cols.add(col.withCollation(null, col.type()));
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
    private static TablePlan tryGenerated(Connection c, TablePlan t, List<Problem> found) throws SQLException {
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
