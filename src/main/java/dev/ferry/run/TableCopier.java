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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Streams one part of a table (all of it, or a rowid range of a large one) from SQLite into
 * PostgreSQL with COPY. Memory stays bounded: rows go through a small buffer flushed as it fills,
 * and every {@code chunkRows} rows are committed. The source checksum is computed from the very
 * values sent, so verification compares like with like.
 */
final class TableCopier {

    private static final int FLUSH_BYTES = 1 << 20;
    private static final long EVENT_NANOS = 200_000_000L;

    private TableCopier() {
    }

    /** Copies the rows of {@code part} and adds them to its table's progress. */
    static void copy(CopyPart part, SqliteSource source, PgTarget target, Ddl ddl, long chunkRows,
                     MigrationListener listener, AtomicBoolean cancelled) {
        TablePlan t = part.table();
        part.progress().started(listener);
        int n = t.columns().size();
        PgType.Kind[] kinds = new PgType.Kind[n];
        boolean[] json = new boolean[n];
        for (int i = 0; i < n; i++) {
            kinds[i] = t.columns().get(i).type().kind();
            json[i] = kinds[i] == PgType.Kind.JSONB;
        }
        RowHasher hasher = new RowHasher(json);
        CopyEncoder enc = new CopyEncoder();
        String select = "SELECT " + String.join(", ", t.columns().stream()
                .map(c -> SqliteSource.quote(c.source().name())).toList()) + " FROM " + SqliteSource.quote(t.source().name())
                + part.where();
        long rows = 0, reported = 0, lastEvent = System.nanoTime();
        try (Connection src = source.connect(); Statement st = src.createStatement(); ResultSet rs = st.executeQuery(select);
             Connection pg = target.connection()) {
            pg.setAutoCommit(false);
            var copy = pg.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(ddl.copyIn(t));
            long inChunk = 0;
            while (rs.next()) {
                for (int i = 0; i < n; i++) {
                    Object v = rs.getObject(i + 1);
                    Object converted = v == null ? null : convert(v, t, i, kinds[i]);
                    enc.value(converted);
                    hasher.value(converted);
                }
                enc.endRow();
                hasher.endRow();
                rows++;
                if (enc.size() >= FLUSH_BYTES) {
                    copy.writeToCopy(enc.buffer(), 0, enc.size());
                    enc.reset();
                }
                if (++inChunk >= chunkRows) {
                    copy.writeToCopy(enc.buffer(), 0, enc.size());
                    enc.reset();
                    copy.endCopy();
                    pg.commit();
                    inChunk = 0;
                    copy = pg.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(ddl.copyIn(t));
                }
                if ((rows & 1023) == 0) {
                    if (cancelled.get()) {
                        copy.cancelCopy();
                        pg.rollback();
                        throw new FerryException(FerryException.Kind.INTERRUPTED, "The copy was cancelled during table "
                                + t.source().name() + ".", "Run the same command again to start over.");
                    }
                    long now = System.nanoTime();
                    if (now - lastEvent > EVENT_NANOS) {
                        part.progress().copied(listener, rows - reported);
                        reported = rows;
                        lastEvent = now;
                    }
                }
            }
            copy.writeToCopy(enc.buffer(), 0, enc.size());
            copy.endCopy();
            pg.commit();
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.FAILED, "Copying table " + t.source().name() + " stopped: "
                    + e.getMessage(), "The rows copied so far are in PostgreSQL; see the details.", e);
        }
        part.progress().copied(listener, rows - reported);
        part.progress().partDone(listener, rows, hasher.sum());
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
