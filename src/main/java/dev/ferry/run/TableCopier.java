package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.plan.ColumnPlan;
import dev.ferry.value.IsoTime;
import dev.ferry.plan.PgType;
import dev.ferry.plan.RowFixer;
import dev.ferry.plan.TablePlan;
import dev.ferry.plan.ValueConverter;
import dev.ferry.sqlite.SqliteSource;
import dev.ferry.postgres.BinaryCopyEncoder;
import dev.ferry.postgres.CopyEncoder;
import dev.ferry.postgres.RowEncoder;
import dev.ferry.postgres.Ddl;
import dev.ferry.postgres.PgTarget;
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
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams one part of a table from SQLite into PostgreSQL with COPY. Memory stays bounded: rows
 * go through a small buffer flushed as it fills. Every chunk (at most {@code chunkRows} rows or
 * {@link #CHUNK_BYTES} of COPY data) commits together with the journal's note of its last rowid,
 * so an interruption loses at most the chunk in flight and a resume repeats none. The source
 * checksum is computed from the very values sent, so verification compares like with like.
 */
final class TableCopier {

    static final long CHUNK_BYTES = 64L << 20;
    private static final int FLUSH_BYTES = 1 << 20;
    private static final long EVENT_NANOS = 200_000_000L;

    private TableCopier() {
    }

    /**
     * Copies what is left of {@code part} and adds it to its table's progress. A lost connection
     * is tried again after a pause (see {@link Faults}), from where the journal says the part stands;
     * the count of tries starts afresh whenever a try got a chunk in.
     */
    static void copy(UUID run, CopyPart part, SqliteSource source, PgTarget target, Ddl ddl, long chunkRows,
                     MigrationListener listener, BooleanSupplier stop, Rejects rejects, boolean binary) {
        TablePlan t = part.table();
        part.progress().started(listener);
        int tries = 0;
        boolean reload = false;
        long shown = 0; // rows of this part shown as copied when the last try failed
        for (CopyPart p = part; ; ) {
            if (p.done()) {
                p.progress().partDone(listener, p.rowsBefore(), 0);
                return;
            }
            if (stop.getAsBoolean()) {
                throw cancelledDuring(t);
            }
            long[] counts = new long[2]; // rows this try committed, rows it showed as copied
            try {
                if (reload) {
                    p = Faults.reload(run, p, target, ddl.schema());
                    p.progress().retried();
                    p.progress().copied(listener, p.rowsBefore() - shown); // take back rows shown but rolled back
                    reload = false;
                    continue; // the journal may say the part was done after all
                }
                attempt(run, p, source, target, ddl, chunkRows, listener, stop, counts, rejects, binary);
                return;
            } catch (SQLException e) {
                if (!Faults.isTransient(e)) {
                    throw new FerryException(FerryException.Kind.FAILED, "Copying table " + t.source().name() + " stopped: "
                            + e.getMessage(), "The rows copied so far are kept and recorded. Once the cause is fixed, continue "
                            + "with --resume (or Resume in the wizard), or remove them with ferry undo.", e);
                }
                if (!reload) {
                    shown = p.rowsBefore() + counts[1];
                }
                tries = counts[0] > 0 ? 1 : tries + 1; // a try that got a chunk in makes this a new fault
                reload = true;
                org.slf4j.LoggerFactory.getLogger(TableCopier.class).warn("copy of {} {} lost its connection ({}); try {} of {}",
                        t.target(), p.part(), e.getSQLState(), tries, Faults.BACKOFF_MILLIS.length, e);
                if (tries > Faults.BACKOFF_MILLIS.length) {
                    throw Faults.gaveUp(t, target, e);
                }
                listener.on(new MigrationEvent.Note("The connection to PostgreSQL was lost while copying table "
                        + t.source().name() + "; trying again in " + Faults.BACKOFF_MILLIS[tries - 1] / 1000 + " s (try "
                        + tries + " of " + Faults.BACKOFF_MILLIS.length + ")."));
                if (!Faults.backoff(tries - 1, stop)) {
                    throw cancelledDuring(t);
                }
            }
        }
    }

    /** One try at the part: every committed chunk's rows go into {@code counts[0]}, rows reported into {@code counts[1]}. */
    private static void attempt(UUID run, CopyPart part, SqliteSource source, PgTarget target, Ddl ddl, long chunkRows,
                                MigrationListener listener, BooleanSupplier stop, long[] counts, Rejects rejects,
                                boolean binary) throws SQLException {
        TablePlan t = part.table();
        int n = t.columns().size(), first = part.rowid() == null ? 1 : 2;
        PgType.Kind[] kinds = new PgType.Kind[n];
        boolean[] bytes = new boolean[n], computed = new boolean[n], stamps = new boolean[n];
        for (int i = 0; i < n; i++) {
            kinds[i] = t.columns().get(i).type().kind();
            bytes[i] = t.columns().get(i).textAsBytes();
            computed[i] = !t.columns().get(i).copied();
            stamps[i] = t.columns().get(i).isoTimestampText();
        }
        RowHasher hasher = new RowHasher(kinds);
        RowEncoder enc = binary ? new BinaryCopyEncoder(copiedKinds(t)) : new CopyEncoder();
        String copySql = ddl.copyIn(t) + enc.copyOptions();
        RowFixer fixer = RowFixer.of(t);
        List<RowFixer.Change> changes = new ArrayList<>(); // this chunk's, written to the rejects file when it commits
        Long lastRowid = part.after();
        long rows = 0, rejected = 0, reported = 0, lastEvent = System.nanoTime();
        try (Connection src = source.connect(); Statement st = src.createStatement(); ResultSet rs = st.executeQuery(part.select());
             Connection pg = target.connection(); PreparedStatement journal = PartJournal.progressStatement(pg)) {
            pg.setAutoCommit(false);
            CopyIn copy = pg.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
            enc.begin();
            long inChunk = 0, chunkBytes = 0;
            try {
                while (rs.next()) {
                    if (first == 2) {
                        lastRowid = rs.getLong(1);
                    }
                    if (fixer != null && !fixer.check(rs, first, lastRowid == null ? 0 : lastRowid, changes::add)) {
                        rejected++;
                        continue;
                    }
                    for (int i = 0; i < n; i++) {
                        if (computed[i]) { // PostgreSQL computes it; SQLite's value is still checked against it
                            Object v = rs.getObject(i + first);
                            hasher.value(v == null ? null : convert(v, t, i, kinds[i]));
                            continue;
                        }
                        if (fixer != null && fixer.replaced(i)) {
                            Object v = fixer.value(i);
                            Object converted = v == null ? null : convert(v, t, i, kinds[i]);
                            encode(enc, converted, t, i);
                            enc.takeDoubtful();
                            hasher.value(converted);
                            continue;
                        }
                        if (bytes[i]) { // text as SQLite stored it: no string built, UTF-8 checked on the way
                            byte[] b = rs.getBytes(i + first);
                            if (b == null) {
                                enc.value(null);
                            } else {
                                enc.utf8(b);
                                if (enc.takeDoubtful()) {
                                    checkText(b, t, i, lastRowid);
                                }
                            }
                            hasher.value(b);
                            continue;
                        }
                        Object v;
                        if (stamps[i]) {
                            // the commonest date-time text, straight from its bytes to microseconds
                            byte[] b = rs.getBytes(i + first);
                            long micros = b == null ? IsoTime.NOT_PLAIN : IsoTime.plainMicros(b);
                            if (micros != IsoTime.NOT_PLAIN) {
                                enc.timestampMicros(micros);
                                hasher.timestampMicros(micros);
                                continue;
                            }
                            v = b == null ? null : new String(b, java.nio.charset.StandardCharsets.UTF_8);
                        } else {
                            v = RowFixer.read(rs, i + first, kinds[i]);
                        }
                        Object converted = v == null ? null : convert(v, t, i, kinds[i]);
                        encode(enc, converted, t, i);
                        if (enc.takeDoubtful()) {
                            checkText(rs.getBytes(i + first), t, i, lastRowid);
                        }
                        hasher.value(converted);
                    }
                    enc.endRow();
                    hasher.endRow();
                    rows++;
                    if (enc.size() >= FLUSH_BYTES) {
                        chunkBytes += enc.size();
                        copy.writeToCopy(enc.buffer(), 0, enc.size());
                        enc.reset();
                    }
                    if (++inChunk >= chunkRows || chunkBytes >= CHUNK_BYTES) {
                        commit(copy, enc, journal, run, part, lastRowid, part.rowsBefore() + rows, false, pg);
                        rejects.write(changes);
                        changes.clear();
                        counts[0] = rows;
                        part.progress().copied(listener, rows - reported);
                        reported = counts[1] = rows;
                        lastEvent = System.nanoTime();
                        inChunk = 0;
                        chunkBytes = 0;
                        if (stop.getAsBoolean()) {
                            throw cancelledDuring(t); // right after a commit: nothing in flight to drop
                        }
                        copy = pg.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
                        enc.begin();
                    }
                    if ((rows & 1023) == 0) {
                        if (stop.getAsBoolean()) {
                            copy.cancelCopy();
                            pg.rollback();
                            throw cancelledDuring(t);
                        }
                        long now = System.nanoTime();
                        if (now - lastEvent > EVENT_NANOS) {
                            part.progress().copied(listener, rows - reported);
                            reported = counts[1] = rows;
                            lastEvent = now;
                        }
                    }
                }
                commit(copy, enc, journal, run, part, lastRowid, part.rowsBefore() + rows, true, pg);
                rejects.write(changes);
            } catch (RuntimeException e) {
                abandon(copy, pg); // a COPY left open would hold the connection until it is closed
                throw e;
            }
            counts[0] = rows;
        }
        part.progress().copied(listener, rows - reported);
        part.progress().rejected(rejected);
        part.progress().partDone(listener, part.rowsBefore() + rows, hasher.sum());
    }

    /** Drops the chunk in flight (its rows were never committed) so the connection can be used again. */
    private static void abandon(CopyIn copy, Connection pg) {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            pg.rollback();
        } catch (SQLException e) {
            // the connection is broken anyway; the pool discards it and the journal still says where the part stands
        }
    }

    /** The chunk's rows and its journal line, in one transaction. */
    private static void commit(CopyIn copy, RowEncoder enc, PreparedStatement journal, UUID run, CopyPart part,
                               Long lastRowid, long rows, boolean done, Connection pg) throws SQLException {
        enc.finish();
        copy.writeToCopy(enc.buffer(), 0, enc.size());
        enc.reset();
        copy.endCopy();
        PartJournal.progress(journal, run, part, lastRowid, rows, done);
        pg.commit();
    }

    private static FerryException cancelledDuring(TablePlan t) {
        return new FerryException(FerryException.Kind.INTERRUPTED, "The migration was cancelled while copying table "
                + t.source().name() + ". The rows copied so far are kept.", Migration.RESUME_ADVICE);
    }

    /**
     * Text PostgreSQL cannot take as it is (a NUL byte), or that was not UTF-8 and would reach it
     * changed, stops the copy with a plain message: never a silent change. (Keeping such text as
     * bytea is the fidelity work's default, still to come.)
     */
    private static void checkText(byte[] original, TablePlan t, int i, long rowid) {
        String where = "Column " + t.columns().get(i).source().name() + " of table " + t.source().name()
                + (rowid > 0 ? " (row with rowid " + rowid + ")" : "");
        for (byte b : original) {
            if (b == 0) {
                throw new FerryException(FerryException.Kind.FAILED, where + " holds text with a NUL byte, which "
                        + "PostgreSQL's text cannot store. Ferry stopped rather than change it.",
                        "Remove the NUL bytes in SQLite (replace(col, char(0), '')) or choose --type for that column as bytea.");
            }
        }
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(original));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new FerryException(FerryException.Kind.FAILED, where + " holds text that is not valid UTF-8; "
                    + "copying it as text would change it. Ferry stopped rather than change it.",
                    "Choose --type for that column as bytea to keep the bytes exactly, or fix the text in SQLite.", e);
        }
    }

    /** The kinds of the columns the COPY lists (PostgreSQL computes the others). */
    private static PgType.Kind[] copiedKinds(TablePlan t) {
        return t.columns().stream().filter(ColumnPlan::copied).map(c -> c.type().kind()).toArray(PgType.Kind[]::new);
    }

    private static void encode(RowEncoder enc, Object v, TablePlan t, int i) {
        try {
            enc.value(v);
        } catch (IllegalArgumentException | ArithmeticException e) {
            ColumnPlan c = t.columns().get(i);
            throw new FerryException(FerryException.Kind.FAILED, "Table " + t.source().name() + " has a value in column "
                    + c.source().name() + " that does not fit " + c.type().sql() + ": '" + v + "' (" + e.getMessage() + ").",
                    "The file changed since it was checked, or this is a bug in Ferry: please report it.", e);
        }
    }

    private static Object convert(Object v, TablePlan t, int i, PgType.Kind kind) {
        ColumnPlan c = t.columns().get(i);
        try {
            return ValueConverter.convert(v, kind, c.conversion());
        } catch (RuntimeException e) {
            throw new FerryException(FerryException.Kind.FAILED, "Table " + t.source().name() + " has a value in column "
                    + c.source().name() + " that does not fit " + c.type().sql() + ": '" + v + "'.",
                    "The file changed since it was checked, or this is a bug in Ferry: please report it.", e);
        }
    }
}
