package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.mapping.Plan;
import dev.ferry.mapping.Problem;
import dev.ferry.mapping.TablePlan;
import dev.ferry.run.MigrationEvent.Phase;
import dev.ferry.source.SqliteSource;
import dev.ferry.target.Ddl;
import dev.ferry.target.Naming;
import dev.ferry.target.PgTarget;
import dev.ferry.verify.Checksums;
import dev.ferry.verify.TableCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A whole run, phase by phase: preflight, create, copy, complete, verify. The one public entry
 * to the engine for both faces.
 */
public final class Migration {

    private final Options options;
    private final MigrationListener listener;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public Migration(Options options, MigrationListener listener) {
        this.options = options;
        this.listener = listener == null ? MigrationListener.NONE : listener;
    }

    /** Asks a running copy to stop at the next row batch; safe from any thread. */
    public void cancel() {
        cancelled.set(true);
    }

    /** Reads and profiles the source and decides everything; touches no database but the SQLite file. */
    public Plan preflight() {
        long start = System.nanoTime();
        listener.on(new MigrationEvent.PhaseStarted(Phase.PREFLIGHT));
        Plan plan = Planner.plan(SqliteSource.open(options.source()), options, listener);
        plan.problems().forEach(p -> listener.on(new MigrationEvent.ProblemFound(p)));
        listener.on(new MigrationEvent.PhaseFinished(Phase.PREFLIGHT, since(start)));
        return plan;
    }

    public Result run(Plan plan) {
        long runStart = System.nanoTime();
        SqliteSource source = SqliteSource.open(options.source());
        Ddl ddl = new Ddl(plan.schema());
        try (PgTarget target = PgTarget.connect(options.target(), options.password(), options.jobs() + 1)) {
            long start = System.nanoTime();
            listener.on(new MigrationEvent.PhaseStarted(Phase.CREATE));
            create(plan, target, ddl);
            listener.on(new MigrationEvent.PhaseFinished(Phase.CREATE, since(start)));

            start = System.nanoTime();
            listener.on(new MigrationEvent.PhaseStarted(Phase.COPY));
            List<CopyPart> parts = CopyPart.plan(plan.tables(), source, options.jobs());
            Parallel.map(parts, options.jobs(), p -> {
                TableCopier.copy(p, source, target, ddl, options.chunkRows(), listener, cancelled);
                return null;
            });
            Map<TablePlan, CopyPart.Progress> copied = new java.util.IdentityHashMap<>();
            parts.forEach(p -> copied.put(p.table(), p.progress()));
            List<TablePlan> bySize = new ArrayList<>(plan.tables());
            bySize.sort(Comparator.comparingLong(TablePlan::rows).reversed());
            listener.on(new MigrationEvent.PhaseFinished(Phase.COPY, since(start)));

            // Keys and indexes are built while the tables are read back for verification: the two
            // compete for no lock (see Ddl.index) and together keep every core busy.
            long completeStart = System.nanoTime();
            listener.on(new MigrationEvent.PhaseStarted(Phase.COMPLETE));
            listener.on(new MigrationEvent.PhaseStarted(Phase.VERIFY));
            CompletableFuture<List<TableCheck>> verification = CompletableFuture.supplyAsync(() -> {
                List<TableCheck> checks = Parallel.map(bySize, options.jobs(), t -> {
                    long s = System.nanoTime();
                    CopyPart.Progress c = copied.get(t);
                    Checksums.Sum sum = Checksums.target(t, target, ddl);
                    return new TableCheck(t.source().name(), t.target(), c.rows(), sum.rows(), c.checksum(), sum.checksum(),
                            (c.took().toNanos() + System.nanoTime() - s) / 1e9);
                });
                listener.on(new MigrationEvent.PhaseFinished(Phase.VERIFY, since(completeStart)));
                return checks;
            }, runnable -> new Thread(runnable, "ferry-verify").start());
            Completer completer = new Completer(plan, target, ddl, options.jobs());
            completer.run(plan.catalog().sequences());
            completer.problems().forEach(p -> listener.on(new MigrationEvent.ProblemFound(p)));
            listener.on(new MigrationEvent.PhaseFinished(Phase.COMPLETE, since(completeStart)));
            List<TableCheck> checks = join(verification);
            List<Problem> problems = new ArrayList<>(plan.problems());
            problems.addAll(completer.problems());
            return result(plan, inPlanOrder(plan, checks), problems, completer.views(), since(runStart), target);
        }
    }

    /** Verification alone: both sides read and checksummed, nothing written. */
    public Result verify(Plan plan) {
        long runStart = System.nanoTime();
        SqliteSource source = SqliteSource.open(options.source());
        Ddl ddl = new Ddl(plan.schema());
        try (PgTarget target = PgTarget.connect(options.target(), options.password(), options.jobs() + 1)) {
            listener.on(new MigrationEvent.PhaseStarted(Phase.VERIFY));
            Set<String> missing = new LinkedHashSet<>(plan.tables().stream().map(TablePlan::target).toList());
            missing.removeAll(existing(target, plan, missing));
            List<TableCheck> checks = Parallel.map(plan.tables(), options.jobs(), t -> {
                long s = System.nanoTime();
                listener.on(new MigrationEvent.TableStarted(t.source().name(), t.rows()));
                Checksums.Sum src = Checksums.source(t, source);
                Checksums.Sum dst = missing.contains(t.target()) ? new Checksums.Sum(0, 0) : Checksums.target(t, target, ddl);
                listener.on(new MigrationEvent.TableFinished(t.source().name(), src.rows(), since(s)));
                return new TableCheck(t.source().name(), t.target(), src.rows(), dst.rows(), src.checksum(), dst.checksum(),
                        (System.nanoTime() - s) / 1e9);
            });
            listener.on(new MigrationEvent.PhaseFinished(Phase.VERIFY, since(runStart)));
            return result(plan, checks, plan.problems(), List.of(), since(runStart), target);
        }
    }

    private Result result(Plan plan, List<TableCheck> checks, List<Problem> problems, List<dev.ferry.verify.Report.Item> views,
                          Duration took, PgTarget target) {
        List<dev.ferry.verify.Report.Item> triggers = plan.triggers().stream().map(t -> new dev.ferry.verify.Report.Item(t.name(), null,
                "skipped", "Ferry does not translate triggers yet", t.sql())).toList();
        boolean ok = checks.stream().allMatch(TableCheck::checksumMatch);
        return new Result(ok ? Result.Status.DONE : Result.Status.DIFFERENT, plan, checks, List.copyOf(problems),
                List.copyOf(views), triggers, took, target.serverVersion(), target.encrypted());
    }

    private void create(Plan plan, PgTarget target, Ddl ddl) {
        Set<String> names = new LinkedHashSet<>(plan.tables().stream().map(TablePlan::target).toList());
        plan.views().forEach(v -> names.add(v.target()));
        try (Connection c = target.connection()) {
            Set<String> existing = existing(target, plan, names);
            if (!existing.isEmpty() && options.ifExists() == Options.IfExists.FAIL) {
                throw new FerryException(FerryException.Kind.TARGET, "These tables already exist in schema " + plan.schema()
                        + " of " + options.target().database() + ": " + String.join(", ", existing) + ".",
                        "Nothing was changed. Use --if-exists replace to drop and recreate them, or --schema NAME to "
                                + "migrate into another schema.");
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(ddl.createSchema());
                // views first, then all tables in one statement, so keys between them do not block the drop
                List<String> tables = new ArrayList<>();
                for (String name : existing) {
                    if (plan.views().stream().anyMatch(v -> v.target().equals(name))) {
                        s.execute("DROP VIEW " + Naming.qualified(plan.schema(), name));
                    } else {
                        tables.add(name);
                    }
                }
                if (!tables.isEmpty()) {
                    s.execute(ddl.dropTables(tables));
                }
                for (TablePlan t : plan.tables()) {
                    s.execute(ddl.createTable(t));
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "PostgreSQL refused to create the tables: " + e.getMessage(),
                    "Check that user '" + options.target().user() + "' may create tables in schema " + plan.schema() + ".", e);
        }
    }

    private static Set<String> existing(PgTarget target, Plan plan, Set<String> names) {
        try {
            return target.existingTables(plan.schema(), names);
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not list the tables of schema "
                    + plan.schema() + ".", "See the details.", e);
        }
    }

    private static List<TableCheck> inPlanOrder(Plan plan, List<TableCheck> checks) {
        return plan.tables().stream().map(t -> checks.stream().filter(c -> c.source().equals(t.source().name()))
                .findFirst().orElseThrow()).toList();
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
