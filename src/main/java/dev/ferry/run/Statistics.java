package dev.ferry.run;

import dev.ferry.plan.Plan;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.Naming;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * ANALYZE of every table the run filled, the last step of the complete phase: without it the app's
 * first queries on the new database run on the planner's guesses (pg_stats stays empty until
 * autovacuum gets round to it). Tables are analyzed several at once; the keys are built by then, so
 * their connections are free. A table PostgreSQL will not analyze is said, never the run's end:
 * autovacuum analyzes it later.
 */
final class Statistics {

    private final Plan plan;
    private final Attempts attempts;
    private final int jobs;

    Statistics(Plan plan, Attempts attempts, int jobs) {
        this.plan = plan;
        this.attempts = attempts;
        this.jobs = jobs;
    }

    /** What was done, in a sentence for the user. */
    String run() {
        long start = System.nanoTime();
        List<TablePlan> tables = plan.tables();
        List<String> failed = Parallel.map(tables, Math.max(1, jobs), this::analyze).stream()
                .filter(t -> t != null).toList();
        double seconds = (System.nanoTime() - start) / 1e9;
        String done = String.format(Locale.ROOT, "Statistics for PostgreSQL's planner gathered (ANALYZE) for %d of %d "
                + "tables in %.1f s.", tables.size() - failed.size(), tables.size(), seconds);
        return failed.isEmpty() ? done : done + " Not for " + String.join(", ", failed)
                + ": PostgreSQL's autovacuum will analyze them later.";
    }

    /** Null when analyzed, else the table's name. */
    private String analyze(TablePlan t) {
        try {
            // a server lost meanwhile is waited for (and given up on resumably) like every statement of the phase
            return attempts.withConnection(attempt -> {
                try (Connection c = attempts.target().connection(); Statement s = c.createStatement()) {
                    s.execute("ANALYZE " + Naming.qualified(plan.schema(), t.target()));
                    return null;
                }
            });
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(Statistics.class).warn("ANALYZE of {} failed", t.target(), e);
            return t.target();
        }
    }
}
