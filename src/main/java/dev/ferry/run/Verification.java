package dev.ferry.run;

import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.TablePlan;
import dev.ferry.run.MigrationEvent.Phase;
import dev.ferry.sqlite.SqliteSource;
import dev.ferry.postgres.Ddl;
import dev.ferry.postgres.PgTarget;
import dev.ferry.verify.Checksums;
import dev.ferry.verify.Report;
import dev.ferry.verify.TableCheck;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Verification on its own (the verify command), and the Result every run ends with. */
final class Verification {

    private Verification() {
    }

    /** Verification alone: both sides read and checksummed, nothing written. */
    static Result verify(Plan plan, Options options, MigrationListener listener) {
        long runStart = System.nanoTime();
        SqliteSource source = SqliteSource.open(options.source());
        Ddl ddl = new Ddl(plan.schema());
        try (PgTarget target = PgTarget.connect(options.target(), options.password(),
                dev.ferry.verify.Checksums.connectionsFor(options.jobs()) + 1)) {
            listener.on(new MigrationEvent.PhaseStarted(Phase.VERIFY));
            Set<String> missing = new LinkedHashSet<>(plan.tables().stream().map(TablePlan::target).toList());
            missing.removeAll(Creator.existing(target, plan.schema(), missing));
            List<TableCheck> checks = Parallel.map(plan.tables(), options.jobs(), t -> {
                long s = System.nanoTime();
                listener.on(new MigrationEvent.TableStarted(t.source().name(), t.rows()));
                Checksums.Sum src = Checksums.source(t, source);
                Checksums.Sum dst = missing.contains(t.target()) ? new Checksums.Sum(0, 0) : Checksums.target(t, target, ddl);
                listener.on(new MigrationEvent.TableFinished(t.source().name(), src.rows(), Migration.since(s)));
                return new TableCheck(t.source().name(), t.target(), src.rows(), dst.rows(), src.checksum(), dst.checksum(),
                        (System.nanoTime() - s) / 1e9, src.rejected());
            });
            listener.on(new MigrationEvent.PhaseFinished(Phase.VERIFY, Migration.since(runStart)));
            List<Report.Item> views = dev.ferry.verify.Proofs.existingViews(plan, target);
            List<Report.Item> triggers = dev.ferry.verify.Proofs.existingTriggers(plan, target);
            return result(plan, checks, plan.problems(), views, triggers, Migration.since(runStart), target, source);
        }
    }

    /**
     * The run's result; with {@code source}, every created view is run on both sides and every created
     * trigger fired in a rolled-back transaction first (a difference is reported, the exit stays the tables').
     */
    static Result result(Plan plan, List<TableCheck> checks, List<Problem> problems, List<Report.Item> views,
                         List<Report.Item> triggers, Duration took, PgTarget target, SqliteSource source) {
        if (source != null) {
            views = dev.ferry.verify.Proofs.views(plan, source, target, views);
            triggers = dev.ferry.verify.Proofs.triggers(plan, target, triggers);
        }
        boolean ok = checks.stream().allMatch(TableCheck::checksumMatch);
        return new Result(ok ? Result.Status.DONE : Result.Status.DIFFERENT, plan, checks, List.copyOf(problems),
                List.copyOf(views), triggers, took, target.serverVersion(), target.encrypted());
    }

    static List<TableCheck> inPlanOrder(Plan plan, List<TableCheck> checks) {
        return plan.tables().stream().map(t -> checks.stream().filter(c -> c.source().equals(t.source().name()))
                .findFirst().orElseThrow()).toList();
    }
}
