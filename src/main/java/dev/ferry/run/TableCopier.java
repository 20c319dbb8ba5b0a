package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.plan.PgType;
import dev.ferry.plan.RowFixer;
import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.BinaryCopyEncoder;
import dev.ferry.postgres.CopyEncoder;
import dev.ferry.postgres.Ddl;
import dev.ferry.postgres.PgTarget;
import dev.ferry.postgres.RowEncoder;
import dev.ferry.sqlite.SqliteSource;
import dev.ferry.verify.RowHasher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Streams one part of a table from SQLite into PostgreSQL with COPY. Each row goes through one
 * {@link ColumnStep} per column (read, convert, hash, encode), made once when the part starts.
 * Memory stays bounded, and every chunk commits together with the journal's note of its last rowid
 * (see {@link ChunkedCopy}), so an interruption loses at most the chunk in flight and a resume
 * repeats none. The source checksum is computed from the very values sent, so verification
 * compares like with like.
 */
final class TableCopier {

    private static final long EVENT_NANOS = 200_000_000L;

    /**
     * What every part of a run copies with.
     *
     * @param binary binary COPY (into the tables the run creates), else COPY text
     */
    record Job(UUID run, SqliteSource source, PgTarget target, Ddl ddl, long chunkRows, MigrationListener listener,
               BooleanSupplier stop, Rejects rejects, boolean binary) {
    }

    /** What one try got done, for the next try after a lost connection. */
    private static final class Tally {
        long committed; // rows this try committed
        long shown;     // rows it showed as copied
    }

    private TableCopier() {
    }

    /**
     * Copies what is left of {@code part} and adds it to its table's progress. A lost connection
     * is tried again after a pause (see {@link Faults}), from where the journal says the part stands;
     * the count of tries starts afresh whenever a try got a chunk in.
     */
    static void copy(UUID run, CopyPart part, SqliteSource source, PgTarget target, Ddl ddl, long chunkRows,
                     MigrationListener listener, BooleanSupplier stop, Rejects rejects, boolean binary) {
        copy(new Job(run, source, target, ddl, chunkRows, listener, stop, rejects, binary), part);
    }

    static void copy(Job job, CopyPart part) {
        TablePlan t = part.table();
        MigrationListener listener = job.listener();
        part.progress().started(listener);
        int tries = 0;
        boolean reload = false;
        long shown = 0; // rows of this part shown as copied when the last try failed
        for (CopyPart p = part; ; ) {
            if (p.done()) {
                p.progress().partDone(listener, p.rowsBefore(), 0);
                return;
            }
            if (job.stop().getAsBoolean()) {
                throw cancelledDuring(t);
            }
            Tally tally = new Tally();
            try {
                if (reload) {
                    p = Faults.reload(job.run(), p, job.target(), job.ddl().schema());
                    p.progress().retried();
                    p.progress().copied(listener, p.rowsBefore() - shown); // take back rows shown but rolled back
                    reload = false;
                    continue; // the journal may say the part was done after all
                }
                attempt(job, p, tally);
                return;
            } catch (SQLException e) {
                if (!Faults.isTransient(e)) {
                    throw new FerryException(FerryException.Kind.FAILED, "Copying table " + t.source().name() + " stopped: "
                            + e.getMessage(), "The rows copied so far are kept and recorded. Once the cause is fixed, continue "
                            + "with --resume (or Resume in the wizard), or remove them with ferry undo.", e);
                }
                if (!reload) {
                    shown = p.rowsBefore() + tally.shown;
                }
                tries = tally.committed > 0 ? 1 : tries + 1; // a try that got a chunk in makes this a new fault
                reload = true;
                org.slf4j.LoggerFactory.getLogger(TableCopier.class).warn("copy of {} {} lost its connection ({}); try {} of {}",
                        t.target(), p.part(), e.getSQLState(), tries, Faults.BACKOFF_MILLIS.length, e);
                if (tries > Faults.BACKOFF_MILLIS.length) {
                    throw Faults.gaveUp(t, job.target(), e);
                }
                listener.on(new MigrationEvent.Note("The connection to PostgreSQL was lost while copying table "
                        + t.source().name() + "; trying again in " + Faults.BACKOFF_MILLIS[tries - 1] / 1000 + " s (try "
                        + tries + " of " + Faults.BACKOFF_MILLIS.length + ")."));
                if (!Faults.backoff(tries - 1, job.stop())) {
                    throw cancelledDuring(t);
                }
            }
        }
    }

    /**
     * One try at the part: the rows after the last committed one, each through its columns' steps,
     * committed chunk by chunk together with the journal's note of the chunk's last rowid.
     */
    private static void attempt(Job job, CopyPart part, Tally tally) throws SQLException {
        TablePlan t = part.table();
        boolean rowids = part.rowid() != null; // the query reads the rowid first
        RowFixer fixer = RowFixer.of(t);
        // a table planned from a sample: SQLite checks each row's values beside them (the select's last value)
        int guardAt = dev.ferry.plan.SampleGuard.sql(t) == null ? 0
                : (rowids ? 2 : 1) + t.columns().size() + RowFixer.flagSql(t).size();
        RowHasher hasher = new RowHasher(kinds(t, false));
        // a table with an array column goes as text, which PostgreSQL parses into the array
        RowEncoder enc = job.binary() && t.columns().stream().noneMatch(ColumnPlan::textCopyOnly)
                ? new BinaryCopyEncoder(kinds(t, true)) : new CopyEncoder();
        List<RowFixer.Change> changes = new ArrayList<>(); // this chunk's, written to the rejects file when it commits
        Long lastRowid = part.after();
        long rows = 0, rejected = 0, reported = 0, lastEvent = System.nanoTime(), began = lastEvent;
        try (Connection src = job.source().connect(); Statement st = src.createStatement();
             ResultSet rs = st.executeQuery(part.select());
             Connection pg = job.target().connection(); PreparedStatement journal = PartJournal.progressStatement(pg)) {
            pg.setAutoCommit(false);
            // a JSON column's guard is checked on the checksum's parse, SQLite asked again only for a doubtful value
            ColumnStep[] steps = ColumnStep.of(t, rowids ? 2 : 1, fixer, rowids ? new GuardRecheck(src, t) : null);
            ChunkedCopy copy = new ChunkedCopy(pg, job.ddl().copyIn(t) + enc.copyOptions(), enc, job.chunkRows());
            try {
                while (rs.next()) {
                    long rowid = 0;
                    if (rowids) {
                        lastRowid = rowid = rs.getLong(1);
                    }
                    if (guardAt > 0) {
                        int misfit = rs.getInt(guardAt);
                        if (misfit != 0) {
                            throw new Replan(t.source().name(), "Column " + t.columns().get(misfit - 1).source().name()
                                    + " of table " + t.source().name() + (rowids ? " (row with rowid " + rowid + ")" : "")
                                    + " holds a value its sample did not show");
                        }
                    }
                    if (fixer != null && !fixer.check(rs, rowids ? 2 : 1, rowid, changes::add)) {
                        rejected++;
                        continue;
                    }
                    for (ColumnStep step : steps) {
                        step.copy(rs, enc, hasher, rowid);
                    }
                    enc.endRow();
                    hasher.endRow();
                    rows++;
                    if (copy.rowDone()) {
                        copy.end();
                        PartJournal.progress(journal, job.run(), part, lastRowid, part.rowsBefore() + rows, false);
                        if (!job.binary()) {
                            PartJournal.loaded(pg, job.run(), part);
                        }
                        pg.commit();
                        job.rejects().write(changes);
                        changes.clear();
                        tally.committed = rows;
                        part.progress().copied(job.listener(), rows - reported);
                        reported = tally.shown = rows;
                        lastEvent = System.nanoTime();
                        if (job.stop().getAsBoolean()) {
                            throw cancelledDuring(t); // right after a commit: nothing in flight to drop
                        }
                        copy.next();
                    }
                    if ((rows & 1023) == 0) {
                        if (job.stop().getAsBoolean()) {
                            throw cancelledDuring(t); // the chunk in flight is dropped below
                        }
                        long now = System.nanoTime();
                        if (now - lastEvent > EVENT_NANOS) {
                            part.progress().copied(job.listener(), rows - reported);
                            reported = tally.shown = rows;
                            lastEvent = now;
                        }
                    }
                }
                copy.end();
                PartJournal.progress(journal, job.run(), part, lastRowid, part.rowsBefore() + rows, true);
                if (!job.binary()) { // a table that was there before: undo of a data-only run finds its rows by this
                    PartJournal.loaded(pg, job.run(), part);
                }
                pg.commit();
                job.rejects().write(changes);
            } catch (RuntimeException | SQLException e) {
                // a COPY left open would hold the connection until it is closed; SQLite's own failure
                // to read a row (a damaged page) leaves it open as much as ours do
                copy.abandon();
                throw e;
            }
            tally.committed = rows;
        }
        // ferry.log's line for the run's timeline (docs/benchmark.md): when each part's copy ended
        org.slf4j.LoggerFactory.getLogger(TableCopier.class).info("{} ms: copied {} rows of {} {}",
                (System.nanoTime() - began) / 1_000_000, rows, t.target(), part.part());
        part.progress().copied(job.listener(), rows - reported);
        part.progress().rejected(rejected);
        part.progress().partDone(job.listener(), part.rowsBefore() + rows, hasher.sum());
    }

    private static FerryException cancelledDuring(TablePlan t) {
        return new FerryException(FerryException.Kind.INTERRUPTED, "The migration was cancelled while copying table "
                + t.source().name() + ". The rows copied so far are kept.", Migration.RESUME_ADVICE);
    }

    /** Each column's planned kind: of every column (the checksum's), or of those the COPY lists (PostgreSQL computes the others). */
    private static PgType.Kind[] kinds(TablePlan t, boolean copiedOnly) {
        return t.columns().stream().filter(c -> !copiedOnly || c.copied()).map(c -> c.type().kind()).toArray(PgType.Kind[]::new);
    }
}
