package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.mapping.ColumnPlan;
import dev.ferry.mapping.PgType;
import dev.ferry.mapping.TablePlan;
import dev.ferry.source.SqliteSource;
import dev.ferry.target.CopyEncoder;
import dev.ferry.target.Ddl;
import dev.ferry.target.PgTarget;
import dev.ferry.verify.RowHasher;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams one table from SQLite into PostgreSQL with COPY. Memory stays bounded: rows go through a
 * small buffer that is flushed as it fills, and every {@code chunkRows} rows are committed. The
 * source checksum is computed from the very values sent, so verification compares like with like.
 */
final class TableCopier {

    private static final int FLUSH_BYTES = 1 << 20;
    private static final long EVENT_NANOS = 200_000_000L;

    /** What the copy of one table read and sent. */
    record Copied(long rows, long checksum, Duration took) {
    }

    private TableCopier() {
    }

    static Copied copy(TablePlan t, SqliteSource source, PgTarget target, Ddl ddl, long chunkRows,
                       MigrationListener listener, AtomicBoolean cancelled) {
        long start = System.nanoTime();
        listener.on(new MigrationEvent.TableStarted(t.source().name(), t.rows()));
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
                .map(c -> SqliteSource.quote(c.source().name())).toList()) + " FROM " + SqliteSource.quote(t.source().name());
        long rows = 0, lastEvent = System.nanoTime();
        try (Connection src = source.connect(); Statement st = src.createStatement(); ResultSet rs = st.executeQuery(select);
             Connection pg = target.connection()) {
            pg.setAutoCommit(false);
            CopyIn copy = pg.unwrap(PGConnection.class).getCopyAPI().copyIn(ddl.copyIn(t));
            long inChunk = 0;
            while (rs.next()) {
                for (int i = 0; i < n; i++) {
                    Object v = rs.getObject(i + 1);
                    Object converted = v == null ? null : convert(v, t, i, kinds[i], rows);
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
                    copy = pg.unwrap(PGConnection.class).getCopyAPI().copyIn(ddl.copyIn(t));
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
                        listener.on(new MigrationEvent.RowsCopied(t.source().name(), rows, t.rows()));
                        lastEvent = now;
                    }
                }
            }
            copy.writeToCopy(enc.buffer(), 0, enc.size());
            copy.endCopy();
            pg.commit();
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.FAILED, "Copying table " + t.source().name() + " stopped after "
                    + rows + " rows: " + e.getMessage(), "The rows copied so far are in PostgreSQL; see the details.", e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        listener.on(new MigrationEvent.RowsCopied(t.source().name(), rows, t.rows()));
        listener.on(new MigrationEvent.TableFinished(t.source().name(), rows, took));
        return new Copied(rows, hasher.sum(), took);
    }

    private static Object convert(Object v, TablePlan t, int i, PgType.Kind kind, long row) {
        ColumnPlan c = t.columns().get(i);
        try {
            return dev.ferry.mapping.ValueConverter.convert(v, kind, c.conversion());
        } catch (RuntimeException e) {
            throw new FerryException(FerryException.Kind.FAILED, "Row " + (row + 1) + " of table " + t.source().name()
                    + " has a value in column " + c.source().name() + " that does not fit " + c.type().sql() + ": '"
                    + v + "'.", "The file changed since it was checked, or this is a bug in Ferry: please report it.", e);
        }
    }
}
