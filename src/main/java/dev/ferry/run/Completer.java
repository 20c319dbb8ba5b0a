package dev.ferry.run;

import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.Ddl;
import dev.ferry.postgres.PgTarget;
import dev.ferry.verify.Report;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The complete phase, after the copy and beside the verification: its steps in their order, each a
 * class of its own. A statement PostgreSQL refuses becomes a problem in the report; the run goes on.
 * Only ANALYZE may start earlier, a table at a time as its copy ends ({@link #copied}).
 */
final class Completer {

    private final Plan plan;
    private final Attempts attempts;
    private final int jobs;
    /** Target names of tables that were there before the run: they keep their own keys, indexes and counters. */
    private final Set<String> kept;
    private List<Report.Item> views = List.of();
    private List<Report.Item> triggers = List.of();
    private String statistics;
    private final Statistics analyzed;

    /** {@code stop}: the run stops (cancelled, or its verification gave up), so a lost connection is not waited for. */
    Completer(Plan plan, PgTarget target, Ddl ddl, int jobs, Set<String> kept, MigrationListener listener,
              java.util.function.BooleanSupplier stop) {
        this(plan, target, ddl, jobs, kept, listener, stop, Set.of());
    }

    /** @param analyzed target names of tables analyzed already (see {@link #analyzed()}): not analyzed again */
    Completer(Plan plan, PgTarget target, Ddl ddl, int jobs, Set<String> kept, MigrationListener listener,
              java.util.function.BooleanSupplier stop, Set<String> analyzed) {
        this.plan = plan;
        this.attempts = new Attempts(target, ddl, listener, stop);
        this.jobs = jobs;
        this.kept = kept;
        this.analyzed = new Statistics(plan, attempts, jobs, analyzed);
    }

    /** Target names of the tables whose ANALYZE has run (those {@link #copied} started, once they are done). */
    Set<String> analyzed() {
        return analyzed.analyzed();
    }

    /** Every row of {@code t} is in: what needs no other table starts now, beside the copies still going. */
    void copied(TablePlan t) {
        analyzed.start(t);
    }

    /** The run stopped before {@link #run}: what {@link #copied} started is waited for, nothing more starts. */
    void stop() {
        analyzed.stop();
    }

    /** The most connections the phase uses at once for {@code jobs}: its index builds (see {@link Keys#indexBuilds}). */
    static int indexBuilds(int jobs) {
        return Keys.indexBuilds(jobs);
    }

    /** {@code sequences}: SQLite's AUTOINCREMENT counters, by source table name. */
    void run(Map<String, Long> sequences) {
        analyzed.early(); // beside the checksums, before the keys lock the tables
        new Keys(plan, attempts, jobs, kept).run();
        new IdentityRestarts(plan, attempts, kept).run(sequences);
        new SearchColumns(plan, attempts).run();
        new Checks(plan, attempts, jobs, kept).run();
        views = new Views(plan, attempts).run();
        triggers = new Triggers(plan, attempts, kept).run(); // the rows are in, so COPY fired none of them
        statistics = analyzed.rest();
    }

    /** What the statistics step did, for the user; null before {@link #run}. */
    String statistics() {
        return statistics;
    }

    List<Problem> problems() {
        return attempts.problems();
    }

    List<Report.Item> views() {
        return views;
    }

    List<Report.Item> triggers() {
        return triggers;
    }
}
