package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.plan.Plan;
import dev.ferry.run.MigrationEvent.Phase;
import dev.ferry.sqlite.Backup;
import dev.ferry.sqlite.IntegrityCheck;
import dev.ferry.sqlite.SqliteSource;
import dev.ferry.postgres.Ddl;
import dev.ferry.postgres.PgTarget;
import dev.ferry.postgres.Secret;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.verify.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A whole run, phase by phase: preflight, create, copy, complete, verify; and the journal's side
 * of it: finding an unfinished run, resuming it, undoing a run. The one public entry to the
 * engine for both faces: what a face needs beside a run (a look at the source, a backup, the
 * connection test, creating the database, a rehearsal's private server, undo's preview) is here
 * too, as static methods where no run's options exist yet. The faces hold no JDBC, SQL or file
 * copying of their own; they show what these return.
 */
public final class Migration {

    /** The tag of a failure where a value does not fit the type the user chose: undo, not resume, is the way on. */
    public static final String CHOSEN_TYPE_MISFIT = CopyColumn.CHOSEN_TYPE_MISFIT;

    static final String RESUME_ADVICE = "Continue where it stopped with the same command plus --resume (or Resume in "
            + "the wizard), or remove what was copied with ferry undo.";

    private final Options options;
    private final MigrationListener listener;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile UUID runId;
    /** Rows of each table the last preflight planned from (0: every row), for a table planned again during the copy. */
    private volatile int sampleRows;
    /** SQLite's check of the file that {@link #preflightForCopy} left going beside the run; the run joins it. */
    private volatile IntegrityCheck pendingCheck;
    /** Runs on the check's thread before SQLite's check starts: a test holds the check back with it, so the copy is first. */
    volatile Runnable beforeCheck = () -> { };

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
        return preflight(0, false);
    }

    /**
     * The plan a migrate starts from without reading every value first: each large table planned
     * from a sample of its rows; the copy then checks every value on its own read of it, and a table
     * whose values turn out not to fit is planned again from all of them, its problems told as
     * {@link #preflight()} tells them, and copied again (see Runner). The final plan, its types and
     * its problems, are the same as {@link #preflight()}'s. Appending to, emptying or filling
     * tables that exist keeps them, so those runs plan from every value first.
     *
     * <p>SQLite's own check of the file is not waited for either: it goes on beside the run that
     * follows, which joins it before calling itself done. A damaged file is told in the same words
     * all the same, and what the run made by then is undone (see {@link #damaged}).
     */
    public Plan preflightForCopy() {
        boolean creates = options.ifExists() == Options.IfExists.FAIL || options.ifExists() == Options.IfExists.REPLACE;
        return preflight(creates ? Planner.SAMPLE_ROWS : 0, true);
    }

    /** {@link #preflightForCopy()} with samples of {@code rows} rows (tests make them small, so the re-plan is seen). */
    Plan preflight(int sampleRows) {
        return preflight(sampleRows, true);
    }

    /** @param checkBeside leave SQLite's check going for the run to join, instead of waiting for it here */
    private Plan preflight(int sampleRows, boolean checkBeside) {
        this.sampleRows = sampleRows;
        long start = System.nanoTime();
        listener.on(new MigrationEvent.PhaseStarted(Phase.PREFLIGHT));
        SqliteSource source = SqliteSource.open(options.source());
        // SQLite's own check reads every page once; it runs beside the planning (and the copy), on its own connection
        IntegrityCheck check = source.checkBeside(beforeCheck);
        Plan plan;
        try {
            plan = Planner.plan(source, options, listener, null, sampleRows, java.util.Set.of());
            if (options.dataOnly()) {
                plan = DataOnly.plan(plan, source, options, listener);
            }
        } catch (RuntimeException e) {
            check.join(); // a damaged file explains a failed plan better than the plan's own error
            throw e;
        }
        if (checkBeside) {
            IntegrityCheck earlier = pendingCheck;
            if (earlier != null) {
                earlier.stop(); // a plan made again: its own check replaces the first one's
            }
            pendingCheck = check;
        } else {
            check.join();
        }
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

    /**
     * The final sync after a finished migrate of this file (see {@link Sync}): PostgreSQL brought up to
     * the file's state now, changing only the rows that changed, in one transaction, then verified.
     * Plans from the migrate's decisions kept in the journal (see {@link PlanRecord}), or, for a run
     * that kept none, as {@link #preflight()} does without SQLite's quick_check: the migrate checked
     * the file, the sync reads every row of it again (SQLite reports a damaged page it reads), and
     * the app waits.
     * Refuses, changing nothing, when someone else wrote to the tables since, unless {@code force}.
     */
    public SyncResult sync(boolean force) {
        // the wizard's own options are the migration's; only suggestions it has none of are taken again
        java.util.Set<MigrateChoices.Choice> given = java.util.EnumSet.allOf(MigrateChoices.Choice.class);
        if (options.suggestions().isEmpty()) {
            given.remove(MigrateChoices.Choice.SUGGEST);
        }
        return sync(force, given);
    }

    /**
     * {@link #sync(boolean)}, taking again the migration's choices (kept in its journal) that are not
     * in {@code given}, the choices the user gave (see {@link MigrateChoices}).
     */
    public SyncResult sync(boolean force, Set<MigrateChoices.Choice> given) {
        return Sync.run(options, listener, force, System.nanoTime(), given);
    }

    /**
     * SQLite's meaning for view {@code view} of {@code result} (a created view whose rows differ because
     * PostgreSQL compares moments where SQLite compared stored text): made again and proven again, see
     * {@link ViewMeaning}. The result with that view's new line; the tables are not touched.
     */
    public Result useSqliteMeaning(Result result, String view) {
        return withMeaning(result, view, true);
    }

    /** {@code result} with view {@code view} given PostgreSQL's meaning again (when it had SQLite's) and proven. */
    public Result usePostgresMeaning(Result result, String view) {
        return withMeaning(result, view, false);
    }

    private Result withMeaning(Result result, String view, boolean sqlite) {
        Report.Item item = result.views().stream().filter(v -> v.name().equals(view)).findFirst()
                .orElseThrow(() -> new FerryException(FerryException.Kind.USAGE, "There is no view named " + view
                        + " in this run.", "The names are the views' names in SQLite; `ferry inspect` lists them."));
        try (PgTarget target = PgTarget.connect(options.target(), options.password(), 2)) {
            ViewMeaning meaning = new ViewMeaning(result.plan(), options, target, SqliteSource.open(options.source()));
            Report.Item changed = sqlite ? meaning.useSqlite(item) : meaning.usePostgres(item);
            return result.withViews(result.views().stream().map(v -> v == item ? changed : v).toList());
        }
    }

    /** Verification alone: both sides read and checksummed, nothing written. */
    public Result verify(Plan plan) {
        return Verification.verify(plan, options, listener);
    }

    /**
     * Verification against the tables this file's newest finished migrate into this schema made:
     * plans by itself, taking again the choices that migrate was made with (--names, --type,
     * --on-problem, --suggest, --exclude) where the user gave none; {@code given} names those the user
     * gave (they win, and a Note says when they are not the migrate's). See {@link Verification}.
     */
    public Result verifyAsMigrated(Set<MigrateChoices.Choice> given) {
        return Verification.verifyAsMigrated(options, given, listener);
    }

    /**
     * What a command's first steps load, loaded now: the logging (its configuration read once) and
     * SQLite's native library (unpacked into the temp folder first), about 0.4 s. A face calls this
     * on a thread of its own as it starts, beside its own single-threaded start-up (picocli, JavaFX),
     * instead of the run doing it on its path. Not PostgreSQL's driver nor Jackson: they are needed
     * during the plan, when both cores are busy already. Changes nothing; safe from any thread.
     */
    public static void warmUp() {
        org.slf4j.LoggerFactory.getLogger(Migration.class);
        SqliteSource.loadLibrary();
    }

    /** The SQL a run would execute for this plan, as one script: what a dry run prints and the wizard's Review shows. */
    public static String script(Plan plan) {
        return new Ddl(plan.schema()).script(plan);
    }

    /**
     * A first look at the SQLite file for the wizard's source card (sizes, rows per table, SQLite's
     * checks); null when {@code progress} says stop.
     */
    public static SourceSummary summarize(Path file, SourceSummary.Progress progress) {
        return SourceSummary.read(file, progress);
    }

    /**
     * Writes a checked copy of the SQLite file to {@code to} before a run (see {@link Backup}): never
     * over an existing file, and into a folder that exists, so a mistyped path is told, not made.
     */
    public static void backUp(Path source, Path to) {
        Backup.write(SqliteSource.open(source), to);
    }

    /** {@link #backUp}, making the folder first: the wizard suggests one in its data folder that may not exist yet. */
    public static void backUpMakingFolder(Path source, Path to) {
        Path folder = to.toAbsolutePath().normalize().getParent();
        try {
            if (folder != null) {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            // Backup.write names the folder it cannot write into
        }
        backUp(source, to);
    }

    /** Creates the address's database (--create-database); true when made, false when it was there already. */
    public static boolean createDatabase(TargetAddress address, Secret secret) {
        return PgTarget.createDatabase(address, secret);
    }

    /** Connects once and lets go: a wrong password or an unreachable server is thrown, in plain words. */
    public static void connectOnce(TargetAddress address, Secret secret) {
        PgTarget.connect(address, secret, 1).close();
    }

    /** The wizard's Test connection: one connection, and what the user needs to know before a run. */
    public static ConnectionTest testConnection(TargetAddress address, Secret secret, List<String> sourceTables) {
        return ConnectionTest.run(address, secret, sourceTables);
    }

    /** Which of these tables and views already exist in the schema of the target. */
    public static List<String> existing(TargetAddress address, Secret secret, String schema, Set<String> names) {
        try (PgTarget target = PgTarget.connect(address, secret, 1)) {
            return List.copyOf(Creator.existing(target, schema, names));
        }
    }

    /**
     * check-app: the app's statements in {@code folder} found, judged against {@code plan} (made from
     * the same options) and proven on the PostgreSQL database the options aim at, where the plan's
     * tables must already be; {@code driver} null to guess it from the app's imports. Writes nothing.
     */
    public static dev.ferry.verify.AppReport checkApp(Path folder, Plan plan, Options options, String driver) {
        return AppCheck.check(folder, plan, options, driver, dev.ferry.translate.AppStatementTranslator.DEFAULT);
    }

    /** Starts a private, temporary PostgreSQL to rehearse in; the caller closes it. */
    public static Rehearsal startRehearsal() {
        return Rehearsal.start();
    }

    /**
     * What undoing run {@code id} (null: the newest not undone into {@code schema}) would drop, and
     * whether rows were added since; changes nothing. Pass it to {@link #undo(TargetAddress, Secret, Undo, boolean)}.
     */
    public static Undo undoPreview(TargetAddress address, Secret secret, String schema, UUID id) {
        try (PgTarget target = PgTarget.connect(address, secret, 2)) {
            return Undo.find(target, schema, id);
        }
    }

    /** Drops what a previewed run created; rows added since stop it (nothing dropped) unless {@code force}. */
    public static Undo undo(TargetAddress address, Secret secret, Undo preview, boolean force) {
        try (PgTarget target = PgTarget.connect(address, secret, 2)) {
            preview.apply(target, force);
            return preview;
        }
    }

    /**
     * A run, with SQLite's check of the file that {@link #preflightForCopy} left going joined before
     * the run is called done. A damaged file (found by the check, or by the copy reading a damaged
     * page) stops the run; what it made is undone and the damage told, as a preflight tells it.
     */
    private Result execute(Plan plan, boolean resume) {
        IntegrityCheck check = pendingCheck;
        pendingCheck = null;
        if (check != null && check.damaged()) {
            check.join(); // found before anything was made: told now
        }
        runId = null;
        if (check != null) {
            check.whenDamaged(() -> cancelled.set(true)); // the copy stops at its next rows, as on a cancel
        }
        try {
            return execute(plan, resume, check);
        } catch (RuntimeException e) {
            FerryException damage = damaged(e, check);
            if (damage == null) {
                throw e;
            }
            throw damage;
        }
    }

    private Result execute(Plan plan, boolean resume, IntegrityCheck check) {
        long runStart = System.nanoTime();
        if (plan.schema().equals(Journal.SCHEMA)) {
            throw new FerryException(FerryException.Kind.USAGE, "Schema " + Journal.SCHEMA + " is where Ferry keeps its "
                    + "journal; it cannot hold migrated tables.", "Choose another schema.");
        }
        List<dev.ferry.plan.Problem> stops = plan.problems().stream()
                .filter(p -> dev.ferry.plan.Problem.STOP.equals(p.resolution())).toList();
        if (!stops.isEmpty() && options.dataOnly()) {
            throw new FerryException(FerryException.Kind.FAILED, "Ferry stopped before writing anything: " + stops.size()
                    + " column" + (stops.size() == 1 ? "" : "s") + " of SQLite cannot go into the existing tables as they "
                    + "are. " + stops.get(0).message(), stops.get(0).kind() == dev.ferry.plan.Problem.Kind.UNSAFE_TEXT
                    ? "Repair such text (--on-problem unsafe-text=repair) or move its rows to the rejects file "
                    + "(--on-problem unsafe-text=reject), or fix the data in SQLite."
                    : "Store such values as NULL (--on-problem does-not-fit=null) or "
                    + "move their rows to the rejects file (--on-problem does-not-fit=reject), fix the data in SQLite, "
                    + "or change the column in the app's migration.");
        }
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
            Privileges.check(target, plan.schema(), !options.dataOnly());
            Unfinished earlier = unfinished(target, stamp, plan.schema());
            PlanRecord.Sampling sampling = resume && earlier != null ? sampling(target, earlier.run().id()) : null;
            java.util.Set<String> replanned = sampling == null ? java.util.Set.of() : sampling.replanned();
            if (sampling != null) {
                // that run planned from samples: the same samples, and the tables it planned again from
                // every value, make its plan again (every value of a sampled table is still checked)
                sampleRows = sampling.rows();
                plan = Planner.plan(source, options, MigrationListener.NONE, null, sampleRows, replanned);
            }
            // what a later sync plans from, before the server's fitting
            String record = PlanRecord.of(plan, options, sampleRows, replanned);
            plan = ServerFit.fit(plan, target, listener);
            String digest = Runner.digest(ddl.script(plan));
            Journal.RunInfo continuing = Refusals.check(earlier, resume, digest, options, listener);
            UUID id = continuing == null ? UUID.randomUUID() : continuing.id();
            try (RunLock lock = RunLock.take(target, id)) {
                if (lock == null) {
                    throw Refusals.busy(options, plan.schema());
                }
                runId = id;
                Runner runner = new Runner(plan, sampleRows, replanned, options, listener, cancelled, source, target, ddl, record);
                if (check != null) {
                    runner.beforeDone(check::join);
                }
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

    /** How an unfinished run planned from samples (see {@link PlanRecord#sampling}); null when it read every value. */
    private static PlanRecord.Sampling sampling(PgTarget target, UUID run) {
        try (Connection c = target.connection()) {
            return PlanRecord.sampling(Journal.plan(c, run));
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not read its journal (schema "
                    + Journal.SCHEMA + ") in database " + target.address().database() + ".", "See the details. Nothing was changed.", e);
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

    /**
     * When the run stopped because the file is damaged (SQLite's check said so, or the copy met a
     * damaged page): what the run made is undone through its journal, as ferry undo would, and the
     * damage returned to be told; null when the run stopped for another reason (the check stops too).
     */
    private FerryException damaged(RuntimeException e, IntegrityCheck check) {
        FerryException damage = IntegrityCheck.damage(options.source(), e);
        if (damage == null && check != null && check.damaged()) {
            try {
                check.join();
            } catch (FerryException found) {
                damage = found;
            }
        }
        if (check != null) {
            check.stop(); // nothing more to learn from it
        }
        if (damage == null) {
            return null;
        }
        if (e != damage) {
            damage.addSuppressed(e);
        }
        UUID made = runId;
        if (made != null) {
            try (PgTarget target = PgTarget.connect(options.target(), options.password(), 2)) {
                Undo undo = Undo.find(target, options.schema(), made);
                undo.apply(target, false);
                listener.on(new MigrationEvent.Note("Ferry removed what this run had made in PostgreSQL (run " + made
                        + "), since the SQLite file it came from is damaged."));
            } catch (RuntimeException undoFailed) {
                damage.addSuppressed(undoFailed);
                org.slf4j.LoggerFactory.getLogger(Migration.class).warn("could not undo run {} of a damaged file", made, undoFailed);
                listener.on(new MigrationEvent.Note("Ferry could not remove what this run had made in PostgreSQL: "
                        + undoFailed.getMessage() + " ferry undo --run " + made + " removes it."));
            }
        }
        return damage;
    }

    static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
