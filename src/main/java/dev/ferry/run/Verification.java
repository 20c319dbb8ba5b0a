package dev.ferry.run;

import dev.ferry.FerryException;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Verification on its own (the verify command), and the Result every run ends with. */
final class Verification {

    /** Said when verify's plan is the migration's decisions, not a new profile of every value. */
    static final String FROM_DECISIONS = "Column types as the migration decided them (Ferry's journal); every value "
            + "is read for the checksums";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Verification.class);

    private Verification() {
    }

    /** Verification alone: both sides read and checksummed, nothing written. */
    static Result verify(Plan plan, Options options, MigrationListener listener) {
        long runStart = System.nanoTime();
        SqliteSource source = SqliteSource.open(options.source());
        try (PgTarget target = PgTarget.connect(options.target(), options.password(),
                Checksums.connectionsFor(options.jobs()) + 1)) {
            return check(plan, options, listener, source, target, runStart);
        }
    }

    /**
     * Verification of the file against the tables of its newest finished migrate into this schema:
     * the choices that migrate was made with ({@link MigrateChoices}, kept in its journal) are taken
     * again where the user gave none ({@code given}: the choices the user gave), and said; a given
     * one that is not the migrate's is the user's, and said too. The plan is then fitted to the
     * server as the migrate fitted it (pgvector's vector(n), collations), so a vector column is
     * compared as the vector it is. Without such a migrate (or a journal Ferry may read) it plans
     * anew from the user's options, as before.
     */
    static Result verifyAsMigrated(Options options, Set<MigrateChoices.Choice> given, MigrationListener listener) {
        long runStart = System.nanoTime();
        SqliteSource source = SqliteSource.open(options.source());
        try (PgTarget target = PgTarget.connect(options.target(), options.password(),
                Checksums.connectionsFor(options.jobs()) + 1)) {
            PlanRecord record = migrated(target, SourceStamp.of(source.file()), options.schema());
            Options taking = options;
            if (record != null) {
                MigrateChoices.Taken taken = record.choices().take(options, given);
                taking = taken.options();
                taken.say(listener);
            }
            Plan planned;
            try {
                planned = plan(source, taking, record, listener);
            } catch (FerryException e) {
                Set<String> again = given.contains(MigrateChoices.Choice.SUGGEST) ? Set.of() : taking.suggestions();
                if (!Suggestions.NOT_OFFERED.equals(e.tag()) || again.isEmpty()) {
                    throw e;
                }
                // the file changed since the migration: a suggestion no longer true of its values is left
                // out, and the tables it changed are compared as the file is now (so they differ)
                Set<String> offered = new LinkedHashSet<>(again);
                Plan bare = plan(source, taking.withSuggestions(Set.of()), null, listener);
                offered.removeIf(w -> bare.suggestions().stream().noneMatch(s -> s.named(w)));
                listener.on(new MigrationEvent.Note("No longer true of the file's values, so not taken again: " + String.join(
                        ", ", again.stream().filter(w -> !offered.contains(w)).sorted().map(w -> "--suggest " + w).toList())));
                taking = taking.withSuggestions(offered);
                planned = plan(source, taking, record, listener);
            }
            Plan plan = ServerFit.fit(planned, target, MigrationListener.NONE);
            return check(plan, taking, listener, source, target, runStart);
        }
    }

    /**
     * The plan record of the newest finished migrate of this file into {@code schema}; null when
     * there is none, or Ferry may not read its journal (verify then plans from the user's options).
     */
    private static PlanRecord migrated(PgTarget target, SourceStamp stamp, String schema) {
        try (Connection c = target.connection()) {
            if (!Journal.exists(c)) {
                return null;
            }
            for (Journal.RunInfo r : Journal.runs(c, schema, null)) {
                if (r.status() == Journal.Status.DONE && r.sourcePath().equals(stamp.path().toString())) {
                    return PlanRecord.parse(Journal.plan(c, r.id()));
                }
            }
            return null;
        } catch (SQLException e) {
            LOG.warn("could not read Ferry's journal; verifying with the options given", e);
            return null;
        }
    }

    /**
     * The plan from the migration's decisions when they were made with these options (said: the
     * types are the migration's), else from every value. Planning from the decisions skips a read of
     * every value before the checksums read them all again: verify takes half the time (2 M rows).
     * A data-only run's decisions are those of the app's tables, which its plan re-reads anyway.
     */
    private static Plan plan(SqliteSource source, Options taking, PlanRecord record, MigrationListener listener) {
        long start = System.nanoTime();
        Plan planned = record != null && record.madeWith(taking) && !taking.dataOnly()
                ? fromDecisions(source, taking, record) : null;
        LOG.info("{} ms: planned ({})", (System.nanoTime() - start) / 1_000_000, planned != null
                ? "from the migration's decisions" : "profiling every value");
        if (planned == null) {
            return new Migration(taking, MigrationListener.NONE).preflight();
        }
        listener.on(new MigrationEvent.Note(FROM_DECISIONS));
        return planned;
    }

    /**
     * The plan made from the migration's decisions instead of profiling every value first; null when
     * the file has a table or column the migration did not see (the profile then plans it).
     */
    private static Plan fromDecisions(SqliteSource source, Options options, PlanRecord record) {
        try {
            return Planner.plan(source, options, MigrationListener.NONE, record);
        } catch (FerryException e) {
            if ("sync-new-table".equals(e.tag()) || "sync-new-column".equals(e.tag())) {
                return null;
            }
            throw e;
        }
    }

    private static Result check(Plan plan, Options options, MigrationListener listener, SqliteSource source,
                                PgTarget target, long runStart) {
        Ddl ddl = new Ddl(plan.schema());
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
