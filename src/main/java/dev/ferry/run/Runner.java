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
import dev.ferry.verify.TableCheck;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** The phases of one run (new or resumed) once Migration has decided it may go: create, copy, complete, verify. */
final class Runner {

    private Plan plan; // a table planned again during the copy changes it (see #replanAndCopy)
    private final int sampleRows;
    private final java.util.Set<String> replanned = new java.util.TreeSet<>();
    private final Options options;
    private final MigrationListener listener;
    private final AtomicBoolean cancelled;
    private final SqliteSource source;
    private final PgTarget target;
    private final Ddl ddl;
    private final Rejects rejects;
    /** The final sync's marks, taken beside verify (see MarkTaking). */
    private MarkTaking marks;
    private String planRecord; // made again when a table is planned again
    private Runnable beforeDone = () -> { };

    /**
     * @param sampleRows how many rows of each table the plan's sampled tables were planned from (0: none was)
     * @param replanned tables a run planned from samples has planned again from all their values (a
     *                  resumed run's, from its journal): they stay so
     * @param planRecord the plan's decisions before the server fitted them (see {@link PlanRecord}), noted once the run is done
     */
    Runner(Plan plan, int sampleRows, java.util.Set<String> replanned, Options options, MigrationListener listener,
           AtomicBoolean cancelled, SqliteSource source, PgTarget target, Ddl ddl, String planRecord) {
        this.plan = plan;
        this.sampleRows = sampleRows;
        this.replanned.addAll(replanned);
        this.planRecord = planRecord;
        this.options = options;
        this.listener = listener;
        this.cancelled = cancelled;
        this.source = source;
        this.target = target;
        this.ddl = ddl;
        this.rejects = new Rejects(options.rejectsFile());
    }

    /** {@code join} runs before the journal is told the run is done: SQLite's check of the file, going on beside the run. */
    void beforeDone(Runnable join) {
        this.beforeDone = join;
    }

    Result run(UUID id, Journal.RunInfo continuing, SourceStamp stamp, String digest, long runStart) {
        long start = System.nanoTime();
        marks = new MarkTaking(source, target, stamp, id);
        listener.on(new MigrationEvent.PhaseStarted(Phase.CREATE));
        List<CopyPart> parts;
        if (continuing == null) {
            String encodingNote = TargetEncoding.check(target, source, plan); // before anything is written
            if (encodingNote != null) {
                listener.on(new MigrationEvent.Note(encodingNote));
            }
            parts = options.dataOnly() ? dataOnlyParts() : CopyPart.plan(plan.tables(), source, options.jobs());
            List<CopyPart> planned = parts;
            creating(attempt -> {
                // the try before may have committed, the connection lost before PostgreSQL could say so
                if (attempt == 0 || !Creator.made(target, id)) {
                    Creator.create(plan, target, ddl, options, id, stamp, digest, planned, sampleRows > 0 ? planRecord : null);
                }
                return null;
            });
        } else {
            parts = creating(attempt -> Resume.prepare(plan, target, continuing)); // one transaction, so it may run again
        }
        Map<String, Journal.Before> kept = creating(attempt -> kept(id));
        listener.on(new MigrationEvent.Note("Run " + id + " (ferry undo --run " + id + " removes what it creates)"));
        if (!kept.isEmpty()) {
            listener.on(new MigrationEvent.Note("Table" + (kept.size() == 1 ? " " : "s ") + String.join(", ", kept.keySet())
                    + " existed already and keep their own keys and indexes; their check compares the rows this run adds "
                    + "(the table now, minus how it was before the run) with the SQLite table."));
        }
        listener.on(new MigrationEvent.PhaseFinished(Phase.CREATE, Migration.since(start)));

        start = System.nanoTime();
        listener.on(new MigrationEvent.PhaseStarted(Phase.COPY));
        // by target: a table planned again during the copy has a new TablePlan and new parts
        Map<String, CopyProgress> copied = new java.util.concurrent.ConcurrentHashMap<>();
        parts.forEach(p -> copied.put(p.table().target(), p.progress()));
        // a server lost now (restarted, failed over) is waited for as during the copy; when one side
        // gives up, the other stops at its next lost connection instead of waiting it out
        AtomicBoolean failed = new AtomicBoolean();
        BooleanSupplier stop = () -> cancelled.get() || failed.get();
        MigrationListener retries = Faults.quiet(listener);
        // each table's check and ANALYZE start once its own copy ends, beside the copies still going (see TableWork)
        TableWork<TableCheck> checks = new TableWork<>("ferry-verify", options.jobs(),
                t -> check(t, copied.get(t.target()), kept.get(t.target()), retries, stop), failed);
        Plan planned = plan;
        Completer early = new Completer(plan, target, ddl, options.jobs(), kept.keySet(), retries, stop);
        try {
            try {
                parts = copy(id, parts, kept.keySet(), copied, t -> {
                    checks.start(t);
                    if (plan == planned) { // after a re-plan, the new plan's completer analyzes what is left
                        early.copied(t);
                    }
                });
            } finally {
                rejects.close();
            }
            if (source.readsFileDirectly() && !SourceStamp.of(source.file()).fingerprint().equals(stamp.fingerprint())) {
                throw new FerryException(FerryException.Kind.SOURCE, "The SQLite file changed while Ferry copied it: another "
                        + "program wrote to it, so the rows in PostgreSQL may mix its state before and after that write.",
                        "Stop the program that writes to " + source.file().getFileName() + " (or switch it to WAL mode, which "
                        + "Ferry reads from a consistent snapshot), then remove this run's tables with ferry undo and run again.");
            }
            if (rejects.lines() > 0) {
                listener.on(new MigrationEvent.Note("Values Ferry changed or moved aside, as you chose, are recorded in "
                        + rejects.file() + "."));
            }
            listener.on(new MigrationEvent.PhaseFinished(Phase.COPY, Migration.since(start)));
            if (cancelled.get()) {
                throw new FerryException(FerryException.Kind.INTERRUPTED, "The migration was cancelled after every row was "
                        + "copied, before keys, indexes and views were made.", Migration.RESUME_ADVICE);
            }
        } catch (RuntimeException e) {
            checks.stop(); // nothing of a stopped run still reads
            marks.stop();
            early.stop();
            throw e;
        }
        Completer completer = early;
        if (plan != planned) { // what the early one analyzed is kept; the new plan's completer does the rest
            early.stop();
            java.util.Set<String> analyzed = new java.util.HashSet<>(early.analyzed());
            plan.tables().stream().filter(t -> replanned.contains(t.source().name())).forEach(t -> analyzed.remove(t.target()));
            completer = new Completer(plan, target, ddl, options.jobs(), kept.keySet(), retries, stop, analyzed);
        }

        // Keys and indexes are built while the tables are read back for verification: the two
        // compete for no lock (see Ddl.index) and together keep every core busy.
        long completeStart = System.nanoTime();
        listener.on(new MigrationEvent.PhaseStarted(Phase.COMPLETE));
        listener.on(new MigrationEvent.PhaseStarted(Phase.VERIFY));
        List<TablePlan> bySize = new ArrayList<>(plan.tables());
        bySize.sort(Comparator.comparingLong(TablePlan::rows).reversed());
        CompletableFuture<List<TableCheck>> verification = CompletableFuture.supplyAsync(() -> {
            try {
                List<TableCheck> all = checks.all(bySize);
                listener.on(new MigrationEvent.PhaseFinished(Phase.VERIFY, Migration.since(completeStart)));
                return all;
            } catch (RuntimeException e) {
                failed.set(true);
                throw e;
            }
        }, runnable -> new Thread(runnable, "ferry-verify").start());
        try {
            completer.run(plan.catalog().sequences());
        } catch (RuntimeException e) {
            failed.set(true);
            try {
                join(verification); // its reads stop too before the run reports
            } catch (RuntimeException also) {
                e.addSuppressed(also);
            }
            throw e;
        }
        completer.problems().forEach(p -> listener.on(new MigrationEvent.ProblemFound(p)));
        listener.on(new MigrationEvent.Note(completer.statistics()));
        listener.on(new MigrationEvent.PhaseFinished(Phase.COMPLETE, Migration.since(completeStart)));
        List<TableCheck> checked = join(verification);
        List<Problem> problems = new ArrayList<>(plan.problems());
        problems.addAll(completer.problems());
        beforeDone.run(); // a damaged file is told, and the run undone, before its verdict is written
        try {
            // tables that were there before hold others' rows too: only the created ones are Ferry's alone
            Map<String, Journal.Verified> verified = new java.util.TreeMap<>();
            checked.stream().filter(t -> !kept.containsKey(t.target()))
                    .forEach(t -> verified.put(t.target(), new Journal.Verified(t.targetRows(), t.targetChecksum())));
            Faults.retry("noting in its journal that the run is finished", target, retries, cancelled::get, attempt -> {
                try (Connection c = target.connection()) {
                    Journal.verified(c, id, verified);
                    marks.note(c, checked, verified.keySet());
                    if (planRecord != null) {
                        Journal.plan(c, id, planRecord);
                    }
                    Journal.mark(c, id, Journal.Status.DONE);
                }
                return null;
            });
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Every row arrived, but Ferry could not note in its "
                    + "journal that the run is finished.", "Run the same command with --resume to finish it properly.", e);
        }
        Result result = Verification.result(plan, Verification.inPlanOrder(plan, checked), problems, completer.views(),
                completer.triggers(), Migration.since(runStart), target, source);
        return rejects.lines() > 0 || Files.exists(rejects.file()) && result.rejectedRows() > 0
                ? result.withRejects(rejects.file()) : result;
    }

    /**
     * Parts in parallel. A part that fails stops the others at their next chunk (their committed
     * rows stay recorded), and that failure, not the others' stopping, is what the run reports.
     * Tables this run created get binary COPY (PostgreSQL parses no text); tables that existed
     * before (--if-exists append, truncate) may have other column types, which text COPY converts to.
     */
    private List<CopyPart> copy(UUID id, List<CopyPart> parts, java.util.Set<String> kept, Map<String, CopyProgress> progress,
                                Consumer<TablePlan> copied) {
        if (!options.dataOnly()) {
            Map<String, String> replans = new java.util.concurrent.ConcurrentHashMap<>();
            copyParts(id, parts, kept, copied, replans);
            return replans.isEmpty() ? parts : replanAndCopy(id, parts, kept, replans, progress, copied);
        }
        // the app's foreign keys are in place: parents are loaded before their children, level by level
        for (List<TablePlan> level : LoadOrder.levels(plan.tables(), references())) {
            List<CopyPart> these = parts.stream().filter(p -> level.contains(p.table())).toList();
            if (!these.isEmpty()) {
                copyParts(id, these, kept, copied, null);
            }
        }
        return parts;
    }

    /**
     * A table whose rows refer to rows of the same table (a comment's parent, an employee's manager)
     * is copied in one part, in SQLite's order, so no part races ahead of the rows it refers to.
     */
    private List<CopyPart> dataOnlyParts() {
        java.util.Set<String> selfReferring = new java.util.HashSet<>();
        references().stream().filter(r -> r.child().equals(r.parent())).forEach(r -> selfReferring.add(r.child()));
        List<CopyPart> parts = new ArrayList<>(CopyPart.plan(plan.tables().stream()
                .filter(t -> !selfReferring.contains(t.target())).toList(), source, options.jobs()));
        parts.addAll(CopyPart.plan(plan.tables().stream().filter(t -> selfReferring.contains(t.target())).toList(), source, 1));
        return parts;
    }

    private List<dev.ferry.postgres.TargetTables.Reference> references() {
        try (Connection c = target.connection()) {
            return dev.ferry.postgres.TargetTables.read(c, plan.schema()).references();
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not read the foreign keys of schema "
                    + plan.schema() + ".", "See the details; " + Migration.RESUME_ADVICE, e);
        }
    }

    /**
     * @param copied  told of a table once the last of its parts is in
     * @param replans where a table planned from a sample whose values turned out not to fit is noted
     *                (target name, then why); its other parts stop, the rest of the run goes on. Null
     *                when no table is planned from a sample.
     */
    private void copyParts(UUID id, List<CopyPart> parts, java.util.Set<String> kept, Consumer<TablePlan> copied,
                           Map<String, String> replans) {
        AtomicBoolean failed = new AtomicBoolean();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        BooleanSupplier stop = () -> cancelled.get() || failed.get();
        try {
            Parallel.map(parts, options.jobs(), p -> {
                String table = p.table().target();
                BooleanSupplier partStop = replans == null ? stop : () -> stop.getAsBoolean() || replans.containsKey(table);
                try {
                    TableCopier.copy(id, p, source, target, ddl, options.chunkRows(), listener, partStop, rejects,
                            !kept.contains(table));
                    if (p.progress().finished() && (replans == null || !replans.containsKey(table))) {
                        copied.accept(p.table());
                    }
                } catch (Replan r) {
                    replans.putIfAbsent(table, r.why);
                } catch (RuntimeException e) {
                    if (replans != null && replans.containsKey(table) && !stop.getAsBoolean()) {
                        return null; // stopped because its table is planned again
                    }
                    if (!stop.getAsBoolean()) {
                        failure.compareAndSet(null, e);
                    }
                    failed.set(true);
                    throw e;
                }
                return null;
            });
        } catch (RuntimeException e) {
            throw failure.get() != null && !cancelled.get() ? failure.get() : e;
        }
    }

    /**
     * Tables whose values did not all fit the plan made from a sample: each is planned again from all
     * its values (the profile inspect shows), its problems told as the preflight tells them, then
     * dropped, created with the new types and copied again; the rest of the plan is made again
     * from the same samples, so it is the same. Returns the run's parts, the new ones in place of
     * those of the tables planned again.
     */
    private List<CopyPart> replanAndCopy(UUID id, List<CopyPart> parts, java.util.Set<String> kept, Map<String, String> replans,
                                         Map<String, CopyProgress> progress, Consumer<TablePlan> copied) {
        java.util.Set<String> again = new java.util.HashSet<>();
        plan.tables().stream().filter(t -> replans.containsKey(t.target())).forEach(t -> again.add(t.source().name()));
        replans.forEach((t, why) -> listener.on(new MigrationEvent.Note(why + ". Ferry had planned that table from a "
                + "sample of its rows; it now reads all of them to plan it again, then copies the table again.")));
        Plan before = plan;
        replanned.addAll(again);
        Plan unfitted = Planner.plan(source, options, MigrationListener.NONE, null, sampleRows, replanned);
        String record = PlanRecord.of(unfitted, options, sampleRows, replanned);
        Plan fresh = ServerFit.fit(unfitted, target, MigrationListener.NONE);
        List<TablePlan> redo = fresh.tables().stream().filter(t -> again.contains(t.source().name())).toList();
        // the tables' own problems, and those of views and keys over them that changed with their types
        List<Problem> found = fresh.problems().stream().filter(p -> !before.problems().contains(p)).toList();
        List<Problem> stops = found.stream().filter(p -> Problem.STOP.equals(p.resolution())).toList();
        if (!stops.isEmpty()) {
            throw new FerryException(FerryException.Kind.FAILED, "Ferry stopped, as you chose for " + stops.size() + " problem"
                    + (stops.size() == 1 ? "" : "s") + " found while copying: " + stops.get(0).message(),
                    "Choose another resolution (--on-problem " + stops.get(0).kind().id() + "=" + stops.get(0).kind()
                    .resolutions().get(0) + "), or fix the data in SQLite; then remove this run's tables with ferry undo "
                    + "and run again.");
        }
        found.forEach(p -> listener.on(new MigrationEvent.ProblemFound(p)));
        List<String> changed = new ArrayList<>();
        for (TablePlan t : redo) {
            TablePlan old = before.tables().stream().filter(o -> o.target().equals(t.target())).findFirst().orElseThrow();
            for (int i = 0; i < t.columns().size(); i++) {
                if (!t.columns().get(i).type().equals(old.columns().get(i).type())) {
                    changed.add(t.source().name() + "." + t.columns().get(i).source().name() + " is "
                            + t.columns().get(i).type().sql() + " (its sample suggested " + old.columns().get(i).type().sql() + ")");
                }
            }
        }
        if (!changed.isEmpty()) {
            listener.on(new MigrationEvent.PlanChanged("The plan changed once all the values were read: "
                    + String.join("; ", changed) + ".", changed.stream().map(c -> c.substring(0, c.indexOf(' '))).toList()));
        }
        List<CopyPart> fresher = CopyPart.plan(redo, source, options.jobs());
        try (Connection c = target.connection()) {
            c.setAutoCommit(false);
            try (java.sql.Statement s = c.createStatement()) {
                s.execute(ddl.dropTables(redo.stream().map(TablePlan::target).toList()));
                s.execute(ddl.searchPath());
                for (TablePlan t : redo) {
                    Creator.createTable(s, ddl, t, options);
                }
            }
            PartJournal.forget(c, id, redo.stream().map(TablePlan::target).toList());
            PartJournal.addParts(c, id, fresher);
            Journal.digest(c, id, digest(ddl.script(fresh)));
            Journal.plan(c, id, record); // a resume plans these tables from all their values again
            c.commit();
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "PostgreSQL refused to create table "
                    + String.join(", ", replans.keySet()) + " again: " + e.getMessage(), Migration.RESUME_ADVICE, e);
        }
        plan = fresh;
        planRecord = record;
        fresher.forEach(p -> progress.put(p.table().target(), p.progress()));
        copyParts(id, fresher, kept, copied, null);
        List<CopyPart> out = new ArrayList<>(parts.stream().filter(p -> !replans.containsKey(p.table().target())).toList());
        out.addAll(fresher);
        return out;
    }

    /** One table's check: the source's checksum (computed while copying), the target's computed by PostgreSQL. */
    private TableCheck check(TablePlan t, CopyProgress c, Journal.Before before, MigrationListener retries, BooleanSupplier stop) {
        long s = System.nanoTime();
        // the inline checksum saw only this attempt's rows: a resumed table is read again whole
        Checksums.Sum src = c.resumed() ? Checksums.source(t, source) : new Checksums.Sum(c.rows(), c.checksum(), c.rejected());
        if (before == null) {
            marks.before(t); // its snapshot before PostgreSQL reads the table; the walk goes on beside the read
        }
        Checksums.Sum sum = Faults.retryUnchecked("checking table " + t.source().name(), target, retries, stop,
                attempt -> before == null ? Checksums.target(t, target, ddl) : added(Checksums.target(t, target, ddl, true), before));
        return new TableCheck(t.source().name(), t.target(), src.rows(), sum.rows(), src.checksum(), sum.checksum(),
                (c.took().toNanos() + System.nanoTime() - s) / 1e9, src.rejected());
    }

    /**
     * {@code work} of the create phase, tried again after the copy's back-offs when the connection
     * is lost; when the server stays away, the run stops resumably (nothing copied yet).
     */
    private <T> T creating(Faults.Work<T> work) {
        try {
            return Faults.retry("creating the tables", Faults.Stopped.CREATING, target, Faults.quiet(listener),
                    cancelled::get, work);
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not read its journal while creating the "
                    + "tables: " + e.getMessage(), "See the details; " + Migration.RESUME_ADVICE, e);
        }
    }

    private Map<String, Journal.Before> kept(UUID id) {
        try (Connection c = target.connection()) {
            return Journal.existing(c, id);
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not read its journal.", "See the details; "
                    + Migration.RESUME_ADVICE, e);
        }
    }

    /**
     * The rows a run added to a table that was there before: checksums are sums over rows, so the
     * table now minus the table before is exactly this run's rows, as long as nobody else wrote to it meanwhile.
     */
    static Checksums.Sum added(Checksums.Sum now, Journal.Before before) {
        return new Checksums.Sum(now.rows() - before.rows(), now.checksum() - before.checksum());
    }

    /** Identifies the run's DDL, so a resume with other names or types is refused. */
    static String digest(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }
}
