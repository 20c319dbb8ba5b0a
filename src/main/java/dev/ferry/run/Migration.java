package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.plan.Plan;
import dev.ferry.run.MigrationEvent.Phase;
import dev.ferry.sqlite.SqliteSource;
import dev.ferry.postgres.Ddl;
import dev.ferry.postgres.PgTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A whole run, phase by phase: preflight, create, copy, complete, verify; and the journal's side
 * of it: finding an unfinished run, resuming it, undoing a run. The one public entry to the
 * engine for both faces.
 */
public final class Migration {

    static final String RESUME_ADVICE = "Continue where it stopped with the same command plus --resume (or Resume in "
            + "the wizard), or remove what was copied with ferry undo.";

    private final Options options;
    private final MigrationListener listener;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile UUID runId;

    /** An unfinished run of this file into this schema: whether the file changed since, whether a Ferry still works on it. */
    public record Unfinished(Journal.RunInfo run, boolean sourceChanged, boolean busy) {
    }

    public Migration(Options options, MigrationListener listener) {
        this.options = options;
        this.listener = listener == null ? MigrationListener.NONE : listener;
    }

    /** Asks a running copy to stop after the rows in flight; what was committed stays, resumable. Safe from any thread. */
    public void cancel() {
        cancelled.set(true);
    }

    /** The journal's id of the run started or resumed by {@link #run} or {@link #resume}, once known. */
    public UUID runId() {
        return runId;
    }

    /** Reads and profiles the source and decides everything; touches no database but the SQLite file. */
    public Plan preflight() {
        long start = System.nanoTime();
        listener.on(new MigrationEvent.PhaseStarted(Phase.PREFLIGHT));
        SqliteSource source = SqliteSource.open(options.source());
        // SQLite's own check reads every page once; it runs beside the profiling, which reads them too
        java.util.concurrent.CompletableFuture<Void> check = java.util.concurrent.CompletableFuture.runAsync(source::check);
        Plan plan;
        try {
            plan = Planner.plan(source, options, listener);
        } catch (RuntimeException e) {
            joinCheck(check); // a damaged file explains a failed plan better than the plan's own error
            throw e;
        }
        joinCheck(check);
        plan.problems().forEach(p -> listener.on(new MigrationEvent.ProblemFound(p)));
        listener.on(new MigrationEvent.PhaseFinished(Phase.PREFLIGHT, since(start)));
        return plan;
    }

    /** The newest unfinished run of this source file into this schema, if any. Changes nothing. */
    public Optional<Unfinished> findUnfinished() {
        SourceStamp stamp = SourceStamp.of(SqliteSource.open(options.source()).file());
        try (PgTarget target = PgTarget.connect(options.target(), options.password(), 2)) {
            return Optional.ofNullable(unfinished(target, stamp, options.schema()));
        }
    }

    /** A new run. Refuses, changing nothing, while an unfinished run of the same file into the same schema exists. */
    public Result run(Plan plan) {
        return execute(plan, false);
    }

    /** Continues the newest unfinished run of this file into this schema (or starts a new run when there is none). */
    public Result resume(Plan plan) {
        return execute(plan, true);
    }

    /** Drops what run {@code id} (null: the newest not undone into this schema) created; see {@link Undo}. */
    public Undo undo(UUID id, boolean force) {
        try (PgTarget target = PgTarget.connect(options.target(), options.password(), 2)) {
            Undo undo = Undo.find(target, options.schema(), id);
            undo.apply(target, force);
            return undo;
        }
    }

    /** Verification alone: both sides read and checksummed, nothing written. */
    public Result verify(Plan plan) {
        return Verification.verify(plan, options, listener);
    }

    private Result execute(Plan plan, boolean resume) {
        long runStart = System.nanoTime();
        if (plan.schema().equals(Journal.SCHEMA)) {
            throw new FerryException(FerryException.Kind.USAGE, "Schema " + Journal.SCHEMA + " is where Ferry keeps its "
                    + "journal; it cannot hold migrated tables.", "Choose another schema.");
        }
        List<dev.ferry.plan.Problem> stops = plan.problems().stream()
                .filter(p -> dev.ferry.plan.Problem.STOP.equals(p.resolution())).toList();
        if (!stops.isEmpty()) {
            throw new FerryException(FerryException.Kind.FAILED, "Ferry stopped before writing anything, as you chose for "
                    + stops.size() + " problem" + (stops.size() == 1 ? "" : "s") + ": " + stops.get(0).message(),
                    "Choose another resolution (--on-problem " + stops.get(0).kind().id() + "=" + stops.get(0).kind()
                    .resolutions().get(0) + ", or in the wizard's Review step), or fix the data in SQLite.");
        }
        SqliteSource source = SqliteSource.open(options.source());
        SourceStamp stamp = SourceStamp.of(source.file());
        Ddl ddl = new Ddl(plan.schema());
        // the copy's jobs, or (at the end) the verification's readers beside the index builds, plus
        // the main thread's own statements
        int connections = dev.ferry.verify.Checksums.connectionsFor(options.jobs()) + Completer.indexBuilds(options.jobs()) + 2;
        try (PgTarget target = PgTarget.connect(options.target(), options.password(), connections)) {
            Privileges.check(target, plan.schema());
            plan = ServerFit.fit(plan, target, listener);
            String digest = Runner.digest(ddl.script(plan));
            Journal.RunInfo continuing = Refusals.check(unfinished(target, stamp, plan.schema()), resume, digest,
                    options, listener);
            UUID id = continuing == null ? UUID.randomUUID() : continuing.id();
            try (RunLock lock = RunLock.take(target, id)) {
                if (lock == null) {
                    throw Refusals.busy(options, plan.schema());
                }
                runId = id;
                Runner runner = new Runner(plan, options, listener, cancelled, source, target, ddl);
                try {
                    return runner.run(id, continuing, stamp, digest, runStart);
                } catch (RuntimeException e) {
                    boolean stopped = e instanceof FerryException f && f.kind() == FerryException.Kind.INTERRUPTED;
                    mark(target, id, stopped ? Journal.Status.CANCELLED : Journal.Status.FAILED);
                    throw e;
                }
            } catch (SQLException e) {
                throw new FerryException(FerryException.Kind.TARGET, "Ferry could not take hold of its run in PostgreSQL.",
                        "See the details. Nothing was changed.", e);
            }
        }
    }

    private static Unfinished unfinished(PgTarget target, SourceStamp stamp, String schema) {
        try (Connection c = target.connection()) {
            if (!Journal.exists(c)) {
                return null;
            }
            for (Journal.RunInfo r : Journal.runs(c, schema, null)) {
                if (r.unfinished() && r.sourcePath().equals(stamp.path().toString())) {
                    return new Unfinished(r, !r.fingerprint().equals(stamp.fingerprint()), RunLock.busy(target, r.id()));
                }
            }
            return null;
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not read its journal (schema "
                    + Journal.SCHEMA + ") in database " + target.address().database() + ".", "See the details. Nothing was changed.", e);
        }
    }

    /** Best effort: when the server is gone the run stays "running", which a resume accepts just the same. */
    private static void mark(PgTarget target, UUID id, Journal.Status status) {
        try (Connection c = target.connection()) {
            if (Journal.exists(c)) {
                Journal.mark(c, id, status);
            }
        } catch (SQLException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Migration.class).warn("could not mark run {} {}", id, status, e);
        }
    }

    private static void joinCheck(java.util.concurrent.CompletableFuture<Void> check) {
        try {
            check.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
