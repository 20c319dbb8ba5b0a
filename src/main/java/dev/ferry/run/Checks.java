package dev.ferry.run;

import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.Naming;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The CHECK constraints, tables in parallel: each added NOT VALID first, then validated; rows
 * SQLite let in that break the check are counted and reported, never dropped. Tables that were
 * there before the run keep their own checks.
 */
final class Checks {

    private final Plan plan;
    private final Attempts attempts;
    private final int jobs;
    private final Set<String> kept;

    Checks(Plan plan, Attempts attempts, int jobs, Set<String> kept) {
        this.plan = plan;
        this.attempts = attempts;
        this.jobs = jobs;
        this.kept = kept;
    }

    void run() {
        Parallel.map(plan.tables().stream().filter(t -> !kept.contains(t.target()) && !t.checks().isEmpty()).toList(), jobs, t -> {
            t.checks().stream().filter(c -> c.failure() == null).forEach(c -> addCheck(t, c));
            return null;
        });
    }

    private void addCheck(TablePlan t, TablePlan.CheckPlan c) {
        String error = attempts.tryExecuteInSchema(List.of(attempts.ddl().addCheck(t, c)));
        if (error != null) {
            attempts.report(new Problem(t.source().name(), null, Problem.Kind.CHECK_NOT_CREATED, 0, "report",
                    List.of(c.originalSql()), "The check " + c.originalSql() + " on " + t.source().name()
                    + " was not created: PostgreSQL said " + error));
            return;
        }
        if (attempts.tryExecuteInSchema(List.of(attempts.ddl().validateCheck(t, c))) == null) {
            return;
        }
        long count = 0;
        List<String> examples = new ArrayList<>();
        String from = " FROM " + Naming.qualified(plan.schema(), t.target()) + " x WHERE NOT (" + c.expression() + ")";
        try {
            // a connection lost while counting is waited for as the statements are, or the report would say 0
            count = attempts.withConnection(attempt -> {
                examples.clear();
                try (Connection conn = attempts.target().connection(); Statement s = conn.createStatement()) {
                    conn.setAutoCommit(false);
                    s.execute(attempts.ddl().searchPath());
                    long n;
                    try (ResultSet rs = s.executeQuery("SELECT count(*)" + from)) {
                        rs.next();
                        n = rs.getLong(1);
                    }
                    try (ResultSet rs = s.executeQuery("SELECT x::text" + from + " LIMIT 5")) {
                        while (rs.next()) {
                            examples.add(rs.getString(1));
                        }
                    }
                    conn.rollback();
                    return n;
                }
            });
        } catch (SQLException e) {
            examples.add("could not count: " + e.getMessage());
        }
        attempts.report(new Problem(t.source().name(), null, Problem.Kind.CHECK_VIOLATED, count, "not-valid", examples,
                String.format("%,d row%s of %s break the check %s (SQLite let them in). The check exists but is marked "
                        + "NOT VALID, so it applies to new rows only; no row was dropped.", count, count == 1 ? "" : "s",
                        t.target(), c.originalSql())));
    }
}
