package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.mapping.ColumnPlan;
import dev.ferry.mapping.PgType;
import dev.ferry.mapping.TablePlan;
import dev.ferry.mapping.ValueConverter;
import dev.ferry.source.SqliteSource;
import dev.ferry.target.CopyEncoder;
import dev.ferry.target.Ddl;
import dev.ferry.target.PgTarget;
import dev.ferry.verify.RowHasher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

    /** Copies what is left of {@code part} and adds it to its table's progress. */
    static void copy(UUID run, CopyPart part, SqliteSource source, PgTarget target, Ddl ddl, long chunkRows,
                     MigrationListener listener, BooleanSupplier stop) {
        TablePlan t = part.table();
        part.progress().started(listener);
        if (part.done()) {
            part.progress().partDone(listener, part.rowsBefore(), 0);
            return;
        }
        if (stop.getAsBoolean()) {
            throw cancelledDuring(t);
        }
        int n = t.columns().size(), first = part.rowid() == null ? 1 : 2;
        PgType.Kind[] kinds = new PgType.Kind[n];
        boolean[] json = new boolean[n];
        for (int i = 0; i < n; i++) {
            kinds[i] = t.columns().get(i).type().kind();
            json[i] = kinds[i] == PgType.Kind.JSONB;
        }
        RowHasher hasher = new RowHasher(json);
        CopyEncoder enc = new CopyEncoder();
        Long lastRowid = part.after();
        long rows = 0, reported = 0, lastEvent = System.nanoTime();
        try (Connection src = source.connect(); Statement st = src.createStatement(); ResultSet rs = st.executeQuery(part.select());
             Connection pg = target.connection(); PreparedStatement journal = PartJournal.progressStatement(pg)) {
            pg.setAutoCommit(false);
            CopyIn copy = pg.unwrap(PGConnection.class).getCopyAPI().copyIn(ddl.copyIn(t));
            long inChunk = 0, chunkBytes = 0;
            while (rs.next()) {
                if (first == 2) {
                    lastRowid = rs.getLong(1);
                }
                for (int i = 0; i < n; i++) {
                    Object v = rs.getObject(i + first);
                    Object converted = v == null ? null : convert(v, t, i, kinds[i]);
                    enc.value(converted);
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
                    part.progress().copied(listener, rows - reported);
                    reported = rows;
                    lastEvent = System.nanoTime();
                    inChunk = 0;
                    chunkBytes = 0;
                    if (stop.getAsBoolean()) {
                        throw cancelledDuring(t); // right after a commit: nothing in flight to drop
                    }
                    copy = pg.unwrap(PGConnection.class).getCopyAPI().copyIn(ddl.copyIn(t));
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
                        reported = rows;
                        lastEvent = now;
                    }
                }
            }
            commit(copy, enc, journal, run, part, lastRowid, part.rowsBefore() + rows, true, pg);
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.FAILED, "Copying table " + t.source().name() + " stopped: "
                    + e.getMessage(), "The rows copied so far are kept and recorded. Once the cause is fixed, continue "
                    + "with --resume (or Resume in the wizard), or remove them with ferry undo.", e);
        }
        part.progress().copied(listener, rows - reported);
        part.progress().partDone(listener, part.rowsBefore() + rows, hasher.sum());
    }

    /** The chunk's rows and its journal line, in one transaction. */
    private static void commit(CopyIn copy, CopyEncoder enc, PreparedStatement journal, UUID run, CopyPart part,
                               Long lastRowid, long rows, boolean done, Connection pg) throws SQLException {
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
