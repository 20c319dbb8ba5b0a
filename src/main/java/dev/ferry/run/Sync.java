package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.plan.Plan;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.Ddl;
import dev.ferry.postgres.PgTarget;
import dev.ferry.postgres.TargetTables;
import dev.ferry.sqlite.SqliteSource;
import dev.ferry.verify.Checksums;
import dev.ferry.verify.RowHashes;
import dev.ferry.verify.TableCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.LongStream;

/**
 * The final sync: after a finished migrate, PostgreSQL brought up to the SQLite file's state now by
 * changing only what changed, while the app is stopped. Per table with a key, both sides hash every
 * row at once (PostgreSQL on the server, as verify does) and {@link SyncDiff} narrows them to the
 * rows that differ; a table without a key is compared whole and, when it differs, copied again
 * whole. The changes go in one transaction ({@link SyncApply}): a renamed parent and its children
 * then move together, and a failure changes nothing. Then every table is verified as a migrate
 * verifies it, and the journal notes what PostgreSQL holds now, so the next sync knows it as Ferry's.
 *
 * <p>The plan is the migrate's, rebuilt from the decisions its journal kept ({@link PlanRecord})
 * instead of profiling every value of the file again; the rows written since are checked against
 * those decisions ({@link SyncRecheck}) before anything is written.
 *
 * <p>Refuses, changing nothing, when there is no finished migrate of this file into this schema, when
 * the plan is not the migrate's (other options, or data that now needs other types), and, unless
 * forced, when someone else wrote to the migrated tables since (the journal's note differs).
 */
final class Sync {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Sync.class);

    /**
     * One table compared: both sides' rows and checksums, and what differs (null diff: compared whole).
     * {@code marks}: the file's marks now when the changes were found by them (see {@link SyncMarks}),
     * kept once the table is verified; else null, and {@code why} says why every row was compared.
     * {@code read}: SQLite rows read to find the changes.
     */
    private record Compared(TablePlan table, int[] key, long sqliteRows, long sqliteSum, long rejected, long pgRows,
                            long pgSum, SyncDiff diff, UUID marks, String why, long read, boolean rechecked) {

        Compared(TablePlan table, int[] key, long sqliteRows, long sqliteSum, long rejected, long pgRows, long pgSum,
                 SyncDiff diff, UUID marks, String why, long read) {
            this(table, key, sqliteRows, sqliteSum, rejected, pgRows, pgSum, diff, marks, why, read, false);
        }

        boolean differs() {
            return diff != null ? !diff.empty() : sqliteRows != pgRows || sqliteSum != pgSum;
        }
    }

    /** Said when the plan comes from the migration's journal instead of reading the file's every value. */
    static final String PLANNED_FROM_JOURNAL = "Planned from the migration's decisions in Ferry's journal; only the rows "
            + "that changed since are checked against them";

    private Sync() {
    }

    static SyncResult run(Options options, MigrationListener listener, boolean force, long start,
                          Set<MigrateChoices.Choice> given) {
        SqliteSource source = SqliteSource.open(options.source());
        SourceStamp stamp = SourceStamp.of(source.file());
        Ddl ddl = new Ddl(options.schema());
        try (PgTarget target = PgTarget.connect(options.target(), options.password(),
                Checksums.connectionsFor(options.jobs()) + options.jobs() + 2)) {
            // a connection lost anywhere in the sync is waited for, then the sync starts over: it
            // compares afresh, and the tables a try before may have changed are known as its own
            Set<String> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
            return Faults.retry("syncing " + source.file().getFileName(), Faults.Stopped.SYNCING, target,
                    Faults.quiet(listener), () -> false, attempt -> once(options, listener, force, start, source,
                            stamp, ddl, target, written, given));
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "PostgreSQL refused the sync: " + e.getMessage(),
                    "See the details.", e);
        }
    }

    /**
     * One try of the sync. {@code written}: tables whose changes a try before committed or may have
     * (the connection was lost during the COMMIT); one that now equals SQLite is not taken for
     * someone else's writes, though the journal's note of it is older.
     */
    private static SyncResult once(Options options, MigrationListener listener, boolean force, long start,
                                   SqliteSource source, SourceStamp stamp, Ddl ddl, PgTarget target, Set<String> written,
                                   Set<MigrateChoices.Choice> given) {
        Journal.RunInfo run = migrated(target, stamp, options.schema(), options);
        listener.on(new MigrationEvent.PhaseStarted(MigrationEvent.Phase.PREFLIGHT));
        PlanRecord kept = recorded(target, run);
        Options taking = options;
        if (kept != null) { // the migration's choices the user did not give again, as verify takes them
            MigrateChoices.Taken taken = kept.choices().take(options, given);
            taking = taken.options();
            taken.say(listener); // a choice given otherwise is then refused below, with what to leave out
        }
        PlanRecord recorded = kept != null && kept.madeWith(taking) ? kept : null;
        if (recorded != null) {
            listener.on(new MigrationEvent.Note(PLANNED_FROM_JOURNAL));
        }
        Plan plan = Planner.plan(source, taking, listener, recorded);
        listener.on(new MigrationEvent.PhaseFinished(MigrationEvent.Phase.PREFLIGHT, Migration.since(start)));
        LOG.info("{} ms: planned ({})", (System.nanoTime() - start) / 1_000_000, recorded != null
                ? "from the migration's decisions" : "profiled anew");
        Plan fitted = ServerFit.fit(plan, target, MigrationListener.NONE);
        if (!Runner.digest(ddl.script(fitted)).equals(run.planDigest())) {
            throw new FerryException(FerryException.Kind.USAGE, "The tables Ferry would make from " + source.file()
                    .getFileName() + " now are not the ones the migration made (run " + run.id() + "): other options, "
                    + "or data that now needs other column types. Nothing was changed.", "Sync takes the migration's "
                    + "--names, --type, --exclude and --on-problem by itself: leave out those you gave, or give the "
                    + "migration's (and its --leave-out); if the data itself now "
                    + "needs other types, migrate again (--if-exists replace) instead of syncing.");
        }
        if (!RowHashes.usable(target)) {
            throw new FerryException(FerryException.Kind.TARGET, "This PostgreSQL (" + target.serverVersion() + ") "
                    + "cannot compute Ferry's row checksums, which the sync compares. Nothing was changed.",
                    "The sync needs PostgreSQL 14 or later; migrate again (--if-exists replace) instead.");
        }
        Map<String, Journal.Verified> noted = noted(target, run);
        List<String> notNoted = fitted.tables().stream().map(TablePlan::target).filter(n -> !noted.containsKey(n)).toList();
        if (!notNoted.isEmpty()) {
            throw new FerryException(FerryException.Kind.USAGE, "The migration (run " + run.id() + ") did not create "
                    + (notNoted.size() == 1 ? "table " : "tables ") + String.join(", ", notNoted) + ", so the sync cannot "
                    + "tell Ferry's rows there from others'. Nothing was changed.", "Sync brings up to date the tables a "
                    + "migrate created; leave the others out with --exclude.");
        }
        Set<String> there = Creator.existing(target, fitted.schema(), noted.keySet());
        List<String> gone = fitted.tables().stream().map(TablePlan::target).filter(n -> !there.contains(n)).toList();
        if (!gone.isEmpty()) {
            throw othersWrote(gone, true);
        }

        Map<String, SyncMarks.Stored> marks = marks(target, run, noted);
        listener.on(new MigrationEvent.Note("Comparing " + fitted.tables().size() + " table"
                + (fitted.tables().size() == 1 ? "" : "s") + (marks.isEmpty() ? " row by row (checksums on both sides)"
                : ": by the rows' stored records in the file where the migration noted them, else row by row")));
        List<Compared> compared = Parallel.map(fitted.tables(), options.jobs(), t -> compare(t, source, target, ddl,
                options.jobs(), listener, marks.get(t.target()), run.id(), recorded != null));
        List<String> others = compared.stream().filter(c -> {
            Journal.Verified v = noted.get(c.table().target());
            return c.pgRows() != v.rows() || c.pgSum() != v.checksum();
        }).map(c -> c.table().target()).toList();
        if (!others.isEmpty() && !force) {
            throw othersWrote(others, false);
        }
        if (!others.isEmpty()) {
            listener.on(new MigrationEvent.Note("Overwriting what others wrote to " + String.join(", ", others)
                    + " since the migration, as asked (--force)."));
        }
        LOG.info("{} ms: compared {} tables", (System.nanoTime() - start) / 1_000_000, compared.size());
        List<Compared> changed = compared.stream().filter(Compared::differs).toList();
        if (recorded != null) { // the rows written since are the ones the migrate's decisions were not made for
            for (Compared c : changed.stream().filter(c -> !c.rechecked()).toList()) {
                SyncRecheck.check(c.table(), c.diff() == null ? null : LongStream.concat(
                        LongStream.of(c.diff().inserts()), LongStream.of(c.diff().updates())).toArray(), source);
            }
            LOG.info("{} ms: checked the changed rows against the migration's decisions",
                    (System.nanoTime() - start) / 1_000_000);
        }
        Applied applied = Applied.NOTHING;
        if (!changed.isEmpty()) {
            applied = apply(fitted, changed, source, stamp, target, ddl, listener, written);
            LOG.info("{} ms: wrote the changes to {} tables", (System.nanoTime() - start) / 1_000_000, changed.size());
        }
        Applied done = applied;
        List<SyncResult.Table> tables = Parallel.map(compared, options.jobs(), c -> verify(c, target, ddl, done));
        note(target, run, tables, marks, compared, done.xid(), source, stamp);
        LOG.info("{} ms: verified", (System.nanoTime() - start) / 1_000_000);
        return new SyncResult(tables, Migration.since(start));
    }

    /** The finished migrate of this file into this schema that the sync continues; refuses when there is none. */
    private static Journal.RunInfo migrated(PgTarget target, SourceStamp stamp, String schema, Options options) {
        try (Connection c = target.connection()) {
            if (Journal.exists(c)) {
                for (Journal.RunInfo r : Journal.runs(c, schema, null)) {
                    if (!r.sourcePath().equals(stamp.path().toString()) || r.status() == Journal.Status.UNDONE) {
                        continue;
                    }
                    if (r.status() == Journal.Status.DONE) {
                        return r;
                    }
                    throw new FerryException(FerryException.Kind.TARGET, "The migration of " + stamp.path().getFileName()
                            + " into schema " + schema + " (run " + r.id() + ") did not finish, so there is nothing to "
                            + "bring up to date yet. Nothing was changed.", "Finish it first: " + Migration.RESUME_ADVICE);
                }
            }
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not read its journal (schema " + Journal.SCHEMA
                    + ") in database " + target.address().database() + ".", "See the details. Nothing was changed.", e);
        }
        throw new FerryException(FerryException.Kind.TARGET, "Ferry has no finished migration of " + stamp.path()
                + " into schema " + schema + " of " + options.target() + ", so there is nothing to sync. Nothing was changed.",
                "Migrate the file first (ferry migrate), with the same path; sync then brings over what changed since.");
    }

    /** The migrate's decisions and the suggestions it took, when its journal has them; else null. */
    private static PlanRecord recorded(PgTarget target, Journal.RunInfo run) {
        try (Connection c = target.connection()) {
            return PlanRecord.parse(Journal.plan(c, run.id()));
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not read its journal of the migration.",
                    "See the details. Nothing was changed.", e);
        }
    }

    private static Map<String, Journal.Verified> noted(PgTarget target, Journal.RunInfo run) {
        try (Connection c = target.connection()) {
            return Journal.verified(c, run.id());
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not read its journal of the migration.",
                    "See the details. Nothing was changed.", e);
        }
    }

    static FerryException othersWrote(List<String> tables, boolean dropped) {
        String which = (tables.size() == 1 ? "table " : "tables ") + String.join(", ", tables);
        return new FerryException(FerryException.Kind.TARGET, dropped
                ? "Someone dropped " + which + " in PostgreSQL since the migration. The sync changed nothing."
                : "Someone else wrote to " + which + " in PostgreSQL since the migration: there are rows Ferry did not "
                + "write (or rows it wrote were changed or deleted). The sync changed nothing, so they are not lost.",
                dropped ? "Migrate again (--if-exists replace) to make them anew."
                        : "Find out who writes there (an app already pointed at PostgreSQL?). To make those tables equal to "
                        + "SQLite anyway, and lose what was written there, sync again with --force.")
                .tagged(dropped ? "sync-dropped" : "sync-others");
    }

    /** The tables' marks as the journal has them, those alone that describe what it noted the table held. */
    private static Map<String, SyncMarks.Stored> marks(PgTarget target, Journal.RunInfo run, Map<String, Journal.Verified> noted) {
        try (Connection c = target.connection()) {
            return SyncMarks.stored(c, run.id(), noted);
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not read its journal of the migration.",
                    "See the details. Nothing was changed.", e);
        }
    }

    /**
     * One table compared: by its marks when it has them and PostgreSQL provably still holds what
     * Ferry wrote ({@link #byMarks}); else both sides hashed at once, every row, and the rows that
     * differ narrowed down by {@link SyncDiff}.
     */
    private static Compared compare(TablePlan t, SqliteSource source, PgTarget target, Ddl ddl, int jobs,
                                    MigrationListener listener, SyncMarks.Stored marks, UUID run, boolean recheck) {
        long s = System.nanoTime();
        listener.on(new MigrationEvent.TableStarted(t.source().name(), t.rows()));
        int[] key = key(t);
        String[] why = {key == null ? "it has no key to match rows by" : !SyncMarks.eligible(t)
                ? "its key is not SQLite's rowid, so its rows cannot be matched by their stored records"
                : "Ferry has no stored records of it (the file could not be read page by page when they were to be taken, "
                + "a forced sync replaced the rows they described, or an older Ferry migrated it)"};
        Compared out = marks != null && SyncMarks.eligible(t) ? byMarks(t, key, marks, source, target, ddl, run, why, recheck) : null;
        if (out != null) {
            LOG.info("{} ms: {} compared by its marks, {} rows read", (System.nanoTime() - s) / 1_000_000, t.target(),
                    out.read());
        } else if (key == null) {
            CompletableFuture<Checksums.Sum> pg = CompletableFuture.supplyAsync(() -> Checksums.target(t, target, ddl), Sync::beside);
            Checksums.Sum sq = Checksums.source(t, source);
            Checksums.Sum pgSum = join(pg);
            out = new Compared(t, null, sq.rows(), sq.checksum(), sq.rejected(), pgSum.rows(), pgSum.checksum(), null,
                    null, why[0], sq.rows() + sq.rejected());
        } else {
            CompletableFuture<RowHashes.Side> pg = CompletableFuture.supplyAsync(() -> RowHashes.target(t, key, target, ddl),
                    Sync::beside);
            RowHashes.Side sq = SyncSource.read(t, key, source, jobs);
            RowHashes.Side pgSide = join(pg);
            SyncDiff diff = SyncDiff.of(sq, pgSide);
            LOG.info("{} ms: {} compared, {} rows in SQLite, {} in PostgreSQL", (System.nanoTime() - s) / 1_000_000,
                    t.target(), sq.size(), pgSide.size());
            out = new Compared(t, diff == null ? null : key, sq.size(), sq.checksum(), sq.rejected(), pgSide.size(),
                    pgSide.checksum(), diff, null, why[0], sq.size() + sq.rejected());
        }
        listener.on(new MigrationEvent.TableFinished(t.source().name(), out.sqliteRows(), Migration.since(s)));
        return out;
    }

    /**
     * One table compared by its marks: the file walked now and merged with the stored marks by
     * rowid, while PostgreSQL proves it still holds just what Ferry wrote; then only the rows whose
     * record is new, changed or gone are read (SQLite's by rowid in the walk's read transaction,
     * PostgreSQL's by key) and matched by {@link SyncDiff}. Every other row is as the marks describe
     * it on both sides, so the noted rows and checksum stand for them. Null, with {@code why} said,
     * when the shortcut does not hold: the caller then compares every row.
     */
    private static Compared byMarks(TablePlan t, int[] key, SyncMarks.Stored marks, SqliteSource source, PgTarget target,
                                    Ddl ddl, UUID run, String[] why, boolean recheck) {
        CompletableFuture<String> ours = CompletableFuture.supplyAsync(() -> SyncMarks.stillFerrys(t, marks, target, ddl),
                Sync::beside);
        try (Connection sq = source.connect()) {
            sq.setAutoCommit(false); // one read transaction for the walk and the rows read after it
            try {
                long s = System.nanoTime();
                SyncMarks.Changes changes = SyncMarks.changes(t, marks, sq, source, target, run);
                long walked = System.nanoTime();
                String notOurs = join(ours);
                long proven = System.nanoTime();
                if (notOurs != null) {
                    why[0] = notOurs;
                    return null;
                }
                // the new and changed records checked against the migration's decisions beside the rows' reading;
                // a misfit among them is looked for again among the rows that really differ, after the compare
                CompletableFuture<Boolean> fit = recheck && changes.changed().length > 0 ? CompletableFuture.supplyAsync(
                        () -> fitsDecisions(t, changes.changed(), source), Sync::beside) : null;
                long[] keys = LongStream.concat(LongStream.of(changes.changed()), LongStream.of(changes.gone())).toArray();
                // PostgreSQL's rows by key on a thread of their own while this one reads SQLite's
                CompletableFuture<RowHashes.Side> pg = keys.length == 0 ? CompletableFuture.completedFuture(
                        new RowHashes.Side()) : CompletableFuture.supplyAsync(() -> RowHashes.target(t, key, target, ddl,
                        SyncMarks.whereKeys(t, key[0], keys)), Sync::beside);
                RowHashes.Side sqSide = SyncSource.rows(t, key, sq, changes.changed());
                RowHashes.Side pgSide = join(pg);
                SyncDiff diff = SyncDiff.of(sqSide, pgSide);
                if (diff == null) {
                    why[0] = "its key did not tell its changed rows apart";
                    return null;
                }
                LOG.info("{}: {} rows in the file, {} records new or changed, {} gone; {} rows read from PostgreSQL "
                        + "(walk and marks {} ms, PostgreSQL's proof waited for {} ms, rows read {} ms)", t.target(),
                        changes.rows(), changes.changed().length, changes.gone().length, pgSide.size(),
                        (walked - s) / 1_000_000, (proven - walked) / 1_000_000, (System.nanoTime() - proven) / 1_000_000);
                boolean rechecked = recheck && (fit == null || join(fit));
                return new Compared(t, key, marks.rows() - diff.deletes().length + diff.inserts().length,
                        marks.checksum() - diff.removed() + diff.added(), sqSide.rejected(), marks.rows(), marks.checksum(),
                        diff, changes.marks(), null, sqSide.size() + sqSide.rejected(), rechecked);
            } finally {
                sq.rollback();
            }
        } catch (dev.ferry.sqlite.RecordMarks.Unreadable e) {
            why[0] = "the file could not be read page by page with certainty (" + e.getMessage() + ")";
            LOG.warn("{}: compared row by row: {}", t.target(), why[0]);
            return null;
        } catch (SQLException | java.io.IOException e) {
            throw new FerryException(FerryException.Kind.SOURCE, "Ferry could not compare table " + t.source().name()
                    + " by its stored records.", "See the details; nothing was changed.", e);
        }
    }

    /**
     * Whether every one of these rows fits the migration's decisions ({@link SyncRecheck}); false on
     * a misfit or a read that failed, which the sync's own check after the compare then tells.
     */
    private static boolean fitsDecisions(TablePlan t, long[] rowids, SqliteSource source) {
        try {
            SyncRecheck.check(t, rowids, source);
            return true;
        } catch (FerryException e) {
            return false;
        }
    }

    /**
     * The positions of the columns that tell the table's rows apart: its primary key (a rowid alias
     * is one), when every column of it travels; null when there is none, or no rowid to fetch a
     * changed row by (WITHOUT ROWID): such a table is compared, and replaced, whole.
     */
    static int[] key(TablePlan t) {
        List<String> pk = t.source().primaryKey();
        if (pk.isEmpty() || t.source().rowidName() == null) {
            return null;
        }
        int[] key = new int[pk.size()];
        for (int k = 0; k < key.length; k++) {
            key[k] = -1;
            for (int i = 0; i < t.columns().size(); i++) {
                if (t.columns().get(i).source().name().equalsIgnoreCase(pk.get(k)) && t.columns().get(i).copied()) {
                    key[k] = i;
                }
            }
            if (key[k] < 0) {
                return null;
            }
        }
        return key;
    }

    /**
     * Every change in one transaction: updates and inserts parents first, then deletes children
     * first (a parent's delete may cascade), identities moved; committed only when the SQLite file
     * is still the one compared.
     */
    private static Applied apply(Plan plan, List<Compared> changed, SqliteSource source, SourceStamp stamp, PgTarget target,
                                 Ddl ddl, MigrationListener listener, Set<String> touched) {
        List<TargetTables.Reference> refs = plan.foreignKeys().stream()
                .filter(f -> f.skipReason() == null && f.parent() != null)
                .map(f -> new TargetTables.Reference(f.table().target(), f.parent().target(), false, f.columns())).toList();
        List<Compared> order = new ArrayList<>();
        LoadOrder.levels(changed, c -> c.table().target(), refs).forEach(order::addAll);
        Set<String> names = new LinkedHashSet<>(order.stream().map(c -> c.table().target()).toList());
        listener.on(new MigrationEvent.Note("Writing the changes to " + String.join(", ", names) + " in one transaction"));
        try (Connection c = target.connection()) {
            c.setAutoCommit(false);
            SyncApply apply = new SyncApply(c, ddl, source);
            try {
                apply.prepare(names);
                boolean cascades = apply.cascades();
                Map<String, Checksums.Sum> written = new TreeMap<>();
                long s = System.nanoTime();
                for (Compared t : order) {
                    if (t.diff() == null) {
                        apply.replace(t.table());
                    } else {
                        Checksums.Sum back = apply.upsert(t.table(), t.key(), t.diff(), !cascades
                                && t.pgRows() >= readBackRows());
                        if (back != null) {
                            written.put(t.table().target(), back);
                        }
                    }
                    LOG.info("{} ms: wrote {}'s new and changed rows", (System.nanoTime() - s) / 1_000_000, t.table().target());
                }
                for (int i = order.size() - 1; i >= 0; i--) {
                    if (order.get(i).diff() != null) {
                        apply.delete(order.get(i).table(), order.get(i).diff().deletes());
                    }
                }
                Map<String, Long> sequences = plan.catalog().sequences();
                for (Compared t : order) {
                    apply.moveIdentity(t.table(), sequences.getOrDefault(t.table().source().name(), 0L));
                }
                LOG.info("{} ms: deleted rows, moved identities", (System.nanoTime() - s) / 1_000_000);
                apply.finish();
                LOG.info("{} ms: foreign keys checked", (System.nanoTime() - s) / 1_000_000);
                if (source.readsFileDirectly() && !SourceStamp.of(source.file()).fingerprint().equals(stamp.fingerprint())) {
                    throw new FerryException(FerryException.Kind.SOURCE, "The SQLite file changed while Ferry synced it: "
                            + "the app (or another program) still writes to it. Nothing was changed in PostgreSQL.",
                            "Stop the app, then sync again.");
                }
                long xid = apply.transaction();
                touched.addAll(names); // before the COMMIT: a connection lost during it leaves the outcome unknown
                c.commit();
                List<String> left = apply.restore();
                if (!left.isEmpty()) {
                    listener.on(new MigrationEvent.Note("The changes are in, but Ferry could not put back the foreign keys' "
                            + "and triggers' usual state. Run these statements: " + String.join("; ", left)));
                }
                return new Applied(written, cascades, xid);
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException lost) {
                    e.addSuppressed(lost); // the connection is gone, and the transaction with it
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.FAILED, "PostgreSQL refused the sync's changes: " + e.getMessage(),
                    "Nothing was changed (the transaction was rolled back). See the details.", e);
        }
    }

    /**
     * A table's check after the sync. An unchanged one stands as compared (every row's checksum had
     * just matched on both sides). A large one written to is checked from the rows written: its
     * checksum as compared, less PostgreSQL's hashes of the rows updated or deleted, plus
     * PostgreSQL's checksum of the rows as written, read back through the key inside the transaction;
     * its rows, those compared less the deleted plus the inserted (each statement's count was
     * checked). Any other written table, and every table when a foreign key's action may have
     * changed rows the sync did not write, is read again whole.
     */
    private static SyncResult.Table verify(Compared c, PgTarget target, Ddl ddl, Applied applied) {
        long s = System.nanoTime();
        TablePlan t = c.table();
        long pgRows = c.pgRows(), pgSum = c.pgSum();
        SyncResult.Proof proof = SyncResult.Proof.COMPARED;
        Checksums.Sum back = applied.written().get(t.target());
        if (c.differs() && back != null) {
            pgRows = c.pgRows() - c.diff().deletes().length + c.diff().inserts().length;
            pgSum = c.pgSum() - c.diff().removed() + back.checksum();
            if (back.rows() != c.diff().inserts().length + c.diff().updates().length) {
                pgRows = -1; // PostgreSQL did not find every row written: not verified
            }
            proof = SyncResult.Proof.WRITTEN_ROWS;
        } else if (c.differs() || applied.cascades()) {
            Checksums.Sum now = Checksums.target(t, target, ddl);
            pgRows = now.rows();
            pgSum = now.checksum();
            proof = SyncResult.Proof.READ_AGAIN;
        }
        TableCheck check = new TableCheck(t.source().name(), t.target(), c.sqliteRows(), pgRows, c.sqliteSum(), pgSum,
                (System.nanoTime() - s) / 1e9, c.rejected());
        boolean byMarks = c.marks() != null;
        if (!c.differs()) {
            return new SyncResult.Table(t.source().name(), t.target(), 0, 0, 0, false, check, proof, byMarks, c.read(),
                    c.why());
        }
        if (c.diff() == null) {
            return new SyncResult.Table(t.source().name(), t.target(), c.sqliteRows(), 0, c.pgRows(), true, check, proof,
                    byMarks, c.read(), c.why());
        }
        return new SyncResult.Table(t.source().name(), t.target(), c.diff().inserts().length, c.diff().updates().length,
                c.diff().deletes().length, false, check, proof, byMarks, c.read(), c.why());
    }

    /**
     * What the writes left for the verification: the written rows' read-back per table, whether keys
     * cascade, and the writing transaction's id as xmin shows it (-1: nothing written).
     */
    private record Applied(Map<String, Checksums.Sum> written, boolean cascades, long xid) {
        static final Applied NOTHING = new Applied(Map.of(), false, -1);
    }

    /**
     * Tables with at least this many rows are verified from the rows written; smaller ones are read
     * again whole, which costs next to nothing (a property lets tests take the other path).
     */
    static long readBackRows() {
        return Long.getLong("ferry.sync.readBackRows", 100_000L);
    }

    /**
     * Notes what each table holds now, so the next sync takes these rows for Ferry's own; and, for
     * the tables compared by their marks, the file's marks now (see {@link SyncMarks#afterSync}),
     * when the file is still the one compared.
     */
    private static void note(PgTarget target, Journal.RunInfo run, List<SyncResult.Table> tables,
                             Map<String, SyncMarks.Stored> marks, List<Compared> compared, long xid, SqliteSource source,
                             SourceStamp stamp) {
        Map<String, Journal.Verified> now = new TreeMap<>();
        tables.forEach(t -> now.put(t.target(), new Journal.Verified(t.check().targetRows(), t.check().targetChecksum())));
        Map<String, UUID> fresh = new TreeMap<>();
        // the file changed during the sync (the app still writes): its marks now may be newer than what was written
        boolean still = !source.readsFileDirectly() || SourceStamp.of(source.file()).fingerprint().equals(stamp.fingerprint());
        for (Compared c : compared) {
            if (c.marks() != null && still) {
                fresh.put(c.table().target(), c.marks());
            }
        }
        try (Connection c = target.connection()) {
            c.setAutoCommit(false);
            Journal.verified(c, run.id(), now);
            SyncMarks.afterSync(c, run.id(), marks, fresh, tables.stream().map(SyncResult.Table::check).toList(), xid);
            c.commit();
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "The sync is done, but Ferry could not note in its journal "
                    + "what the tables hold now; a next sync would take its rows for someone else's.", "See the details; "
                    + "sync again with --force if you need another one.", e);
        }
    }

    /** PostgreSQL's side runs on a thread of its own while this one reads SQLite (the common pool may have one thread). */
    private static void beside(Runnable r) {
        Thread t = new Thread(r, "ferry-sync-postgres");
        t.setDaemon(true);
        t.start();
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }
}
