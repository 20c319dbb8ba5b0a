package dev.ferry.run;

import dev.ferry.postgres.RowEncoder;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One part's rows as a series of COPY streams on one connection, a stream per chunk. Memory stays
 * bounded: the encoder's buffer is sent on as it fills. A chunk ends after {@code chunkRows} rows or
 * {@link #CHUNK_BYTES} of COPY data; {@link TableCopier} then commits it with its journal line.
 */
final class ChunkedCopy {

    static final long CHUNK_BYTES = 64L << 20;
    private static final int FLUSH_BYTES = 1 << 20;

    private final Connection pg;
    private final String sql;
    private final RowEncoder enc;
    private final long chunkRows;
    private CopyIn copy;
    private long rows;
    private long bytes;

    /** Starts the first chunk's COPY. */
    ChunkedCopy(Connection pg, String sql, RowEncoder enc, long chunkRows) throws SQLException {
        this.pg = pg;
        this.sql = sql;
        this.enc = enc;
        this.chunkRows = chunkRows;
        next();
    }

    /** Counts the row just encoded and sends the buffer on when it has filled; true when the chunk is full. */
    boolean rowDone() throws SQLException {
        if (enc.size() >= FLUSH_BYTES) {
            bytes += enc.size();
            copy.writeToCopy(enc.buffer(), 0, enc.size());
            enc.reset();
        }
        return ++rows >= chunkRows || bytes >= CHUNK_BYTES;
    }

    /** Sends the rest of the chunk and ends its COPY; the rows count once the transaction commits. */
    void end() throws SQLException {
        enc.finish();
        copy.writeToCopy(enc.buffer(), 0, enc.size());
        enc.reset();
        copy.endCopy();
    }

    /** Starts the next chunk's COPY (after the last one committed). */
    void next() throws SQLException {
        copy = pg.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        enc.begin();
        rows = 0;
        bytes = 0;
    }

    /** Drops the chunk in flight (its rows were never committed) so the connection can be used again. */
    void abandon() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            pg.rollback();
        } catch (SQLException e) {
            // the connection is broken anyway; the pool discards it and the journal still says where the part stands
        }
    }
}
