package dev.ferry.verify;

import dev.ferry.FerryException;
import dev.ferry.mapping.ColumnPlan;
import dev.ferry.mapping.PgType;
import dev.ferry.mapping.TablePlan;
import dev.ferry.mapping.ValueConverter;
import dev.ferry.source.SqliteSource;
import dev.ferry.target.Ddl;
import dev.ferry.target.PgTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import java.io.IOException;

/**
 * Counts and checksums a table on either side. The target is read with COPY TO STDOUT (the fastest
 * way out of PostgreSQL); the source is read and converted exactly as the copy converts it.
 */
public final class Checksums {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Checksums.class);

    /** Rows and order-independent checksum of one side of one table. */
    public record Sum(long rows, long checksum) {
    }

    private Checksums() {
    }

    public static Sum target(TablePlan t, PgTarget target, Ddl ddl) {
        long start = System.nanoTime();
        RowHasher hasher = new RowHasher(jsonColumns(t));
        try (Connection c = target.connection()) {
            CopyOut copy = c.unwrap(PGConnection.class).getCopyAPI().copyOut(ddl.copyOutBinary(t));
            BinaryRowReader reader = new BinaryRowReader(copy, kinds(t));
            for (Object[] row = reader.next(); row != null; row = reader.next()) {
                for (Object v : row) {
                    hasher.value(v);
                }
                hasher.endRow();
            }
            while (copy.isActive() && copy.readFromCopy() != null) {
                // read to the end of the COPY so the connection goes back to the pool ready for the next query
            }
        } catch (SQLException | IOException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not read table " + t.target()
                    + " back from PostgreSQL to check it.", "See the details; the data itself is not affected.", e);
        }
        LOG.info("{} ms: read back {} rows of {} to verify", (System.nanoTime() - start) / 1_000_000, hasher.rows(), t.target());
        return new Sum(hasher.rows(), hasher.sum());
    }

    public static Sum source(TablePlan t, SqliteSource source) {
        RowHasher hasher = new RowHasher(jsonColumns(t));
        String select = "SELECT " + String.join(", ", t.columns().stream()
                .map(c -> SqliteSource.quote(c.source().name())).toList()) + " FROM " + SqliteSource.quote(t.source().name());
        try (Connection c = source.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select)) {
            int n = t.columns().size();
            while (rs.next()) {
                for (int i = 0; i < n; i++) {
                    ColumnPlan col = t.columns().get(i);
                    Object v = rs.getObject(i + 1);
                    hasher.value(v == null ? null : ValueConverter.convert(v, col.type().kind(), col.conversion()));
                }
                hasher.endRow();
            }
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.SOURCE, "Ferry could not read table " + t.source().name()
                    + " from the SQLite file to check it.", "See the details.", e);
        }
        return new Sum(hasher.rows(), hasher.sum());
    }

    static PgType.Kind[] kinds(TablePlan t) {
        return t.columns().stream().map(c -> c.type().kind()).toArray(PgType.Kind[]::new);
    }

    static boolean[] jsonColumns(TablePlan t) {
        boolean[] out = new boolean[t.columns().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.columns().get(i).type().kind() == PgType.Kind.JSONB;
        }
        return out;
    }
}
