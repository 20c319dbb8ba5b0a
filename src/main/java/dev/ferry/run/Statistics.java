package dev.ferry.run;

import dev.ferry.plan.Plan;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.Naming;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * ANALYZE of every table the run filled: without it the app's first queries on the new database
 * run on the planner's guesses (pg_stats stays empty until autovacuum gets round to it). A table
 * PostgreSQL will not analyze is said, never the run's end: autovacuum analyzes it later.
 *
 * <p>Most tables are analyzed first, as soon as their own copy ends ({@link #start}), before their
 * keys: ANALYZE and an index build lock each other out on a table, so one of them waits either
 * way, and done first it runs beside the checksums and the copies still going instead of alone on
 * one core at the very end. A table with an index on an expression, or a search column still to
 * add, is analyzed last ({@link #rest}), since ANALYZE gathers statistics of an expression or
 * column only once it exists.
 */
final class Statistics {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Statistics.class);

    private final Plan plan;
    private final Attempts attempts;
    private final int jobs;
    private final List<String> failed = new ArrayList<>();
    private final List<TablePlan> done = new ArrayList<>();
    private final TableWork<String> first;
    /** Target names of the tables analyzed: by this run's statistics before a re-plan, then by these. */
    private final java.util.Set<String> analyzed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private long nanos;
    private volatile long firstStart;

    /**
     * @param already target names of tables analyzed already, by the statistics of the plan before a
     *                table was planned again (see Runner): their rows have not changed since, so they
     *                are not analyzed twice
     */
    Statistics(Plan plan, Attempts attempts, int jobs, java.util.Set<String> already) {
        this.plan = plan;
        this.attempts = attempts;
        this.jobs = jobs;
        this.first = new TableWork<>("ferry-analyze", jobs, this::analyze, new java.util.concurrent.atomic.AtomicBoolean());
        analyzed.addAll(already);
        plan.tables().stream().filter(t -> already.contains(t.target())).forEach(done::add);
    }

    /** Target names of the tables analyzed so far (by these statistics, or before them). */
    java.util.Set<String> analyzed() {
        return java.util.Set.copyOf(analyzed);
    }

    /** {@code t}'s rows are all in: analyzed now, unless the keys and search columns still to come change its statistics. */
    void start(TablePlan t) {
        if (early(t) && !analyzed.contains(t.target())) {
            if (firstStart == 0) {
                firstStart = System.nanoTime();
            }
            first.start(t);
        }
    }

    /** Analyzes the tables {@link #start} would take and has not, and waits for all of them. */
    void early() {
        if (firstStart == 0) {
            firstStart = System.nanoTime();
        }
        List<TablePlan> tables = plan.tables().stream().filter(t -> early(t) && !done.contains(t)).toList();
        first.all(tables).stream().filter(Objects::nonNull).forEach(failed::add);
        done.addAll(tables);
        nanos += System.nanoTime() - firstStart;
    }

    /** The run stops: the tables not analyzed yet are not started, the running ones waited for. */
    void stop() {
        first.stop();
    }

    /** Analyzes the tables {@link #early} left; what was done in both, in a sentence for the user. */
    String rest() {
        analyze(plan.tables().stream().filter(t -> !done.contains(t)).toList());
        int tables = plan.tables().size();
        String said = String.format(Locale.ROOT, "Statistics for PostgreSQL's planner gathered (ANALYZE) for %d of %d "
                + "tables in %.1f s.", tables - failed.size(), tables, nanos / 1e9);
        return failed.isEmpty() ? said : said + " Not for " + String.join(", ", failed)
                + ": PostgreSQL's autovacuum will analyze them later.";
    }

    /** No index of the table is on an expression, and it gets no search column: nothing ANALYZE would miss now. */
    private boolean early(TablePlan t) {
        return !VirtualTables.searchable(plan, t) && plan.indexes().stream()
                .filter(i -> i.table().target().equals(t.target()) && i.skipReason() == null)
                .noneMatch(i -> i.expressions().stream().anyMatch(Objects::nonNull));
    }

    private void analyze(List<TablePlan> tables) {
        long start = System.nanoTime();
        List<String> refused = Parallel.map(tables, Math.max(1, jobs), this::analyze);
        refused.stream().filter(Objects::nonNull).forEach(failed::add);
        done.addAll(tables);
        nanos += System.nanoTime() - start;
    }

    /** Null when analyzed, else the table's name. */
    private String analyze(TablePlan t) {
        String sql = "ANALYZE " + Naming.qualified(plan.schema(), t.target());
        try {
            // a server lost meanwhile is waited for (and given up on resumably) like every statement of the phase
            return attempts.withConnection(attempt -> {
                long start = System.nanoTime();
                try (Connection c = attempts.target().connection(); Statement s = c.createStatement()) {
                    s.execute(sql);
                    analyzed.add(t.target());
                    LOG.info("{} ms: {}", (System.nanoTime() - start) / 1_000_000, sql); // the timeline's line
                    return null;
                }
            });
        } catch (SQLException e) {
            LOG.warn("ANALYZE of {} failed", t.target(), e);
            return t.target();
        }
    }
}
