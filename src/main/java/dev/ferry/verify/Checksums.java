package dev.ferry.verify;

import dev.ferry.FerryException;
import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.plan.RowFixer;
import dev.ferry.plan.TablePlan;
import dev.ferry.plan.ValueConverter;
import dev.ferry.sqlite.SqliteSource;
import dev.ferry.postgres.Ddl;
import dev.ferry.postgres.PgTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import java.io.IOException;

/**
 * Counts and checksums a table on either side. PostgreSQL computes the target's checksum itself
 * where it can ({@link ServerChecksum}); elsewhere the target is read with COPY TO STDOUT (the
 * fastest way out of PostgreSQL). The source is read and converted exactly as the copy converts it.
 */
public final class Checksums {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Checksums.class);

    /** Rows and order-independent checksum of one side of one table. */
    /** @param rejected source rows the user's choices sent to the rejects file instead */
    public record Sum(long rows, long checksum, long rejected) {

        public Sum(long rows, long checksum) {
            this(rows, checksum, 0);
        }

    }


    private Checksums() {
    }

    /**
     * Counts and checksums a table in PostgreSQL. A large table is done as several block ranges at
     * once (PostgreSQL 14+ scans a ctid range without touching the rest), so it does not leave cores
     * idle while it is the last thing running.
     */
    public static Sum target(TablePlan t, PgTarget target, Ddl ddl) {
        return target(t, target, ddl, false);
    }

    /** {@code asPlanned}: read each column as its planned type (see {@link Ddl#copyOutBinary(TablePlan, String, boolean)}). */
    public static Sum target(TablePlan t, PgTarget target, Ddl ddl, boolean asPlanned) {
        long start = System.nanoTime();
        boolean server = ServerChecksum.usable(target);
        List<String> ranges = blockRanges(t, target, ddl);
        List<Sum> parts = new ArrayList<>();
        if (ranges.size() == 1) {
            parts.add(targetPart(t, target, ddl, ranges.get(0), asPlanned, server));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(ranges.size());
            try {
                List<Future<Sum>> futures = new ArrayList<>();
                ranges.forEach(r -> futures.add(pool.submit(() -> targetPart(t, target, ddl, r, asPlanned, server))));
                for (Future<Sum> f : futures) {
                    parts.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FerryException(FerryException.Kind.INTERRUPTED, "Verification was interrupted.", null, e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        Sum sum = new Sum(parts.stream().mapToLong(Sum::rows).sum(), parts.stream().mapToLong(Sum::checksum).sum());
        LOG.info("{} ms: {} {} rows of {} in {} part(s) to verify", (System.nanoTime() - start) / 1_000_000,
                server ? "PostgreSQL checksummed" : "read back", sum.rows(), t.target(), ranges.size());
        return sum;
    }

    /** The most parts one table is read back in at once, each on a connection of its own. */
    public static int maxParts() {
        return Math.min(4, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Connections the verification of {@code jobs} tables at once may hold together (each large
     * table read in parts): a pool smaller than this would leave a reader waiting, and after the
     * pool's timeout failing, while big tables are read and indexed.
     */
    public static int connectionsFor(int jobs) {
        return jobs * maxParts();
    }

    static List<String> blockRanges(TablePlan t, PgTarget target, Ddl ddl) {
        int parts = maxParts();
        if (parts < 2 || target.serverVersionNum() < 140000) {
            return List.of("");
        }
        try (Connection c = target.connection(); var ps = c.prepareStatement(
                "SELECT pg_relation_size(to_regclass(?)) / current_setting('block_size')::int")) {
            ps.setString(1, ddl.qualifiedName(t));
            try (ResultSet rs = ps.executeQuery()) {
                long blocks = rs.next() ? rs.getLong(1) : 0;
                // 64 MB: below that one reader keeps up (a system property lets tests split small tables too)
                if (blocks < Long.getLong("ferry.verify.splitBlocks", 8192)) {
                    return List.of("");
                }
                List<String> out = new ArrayList<>();
                long step = blocks / parts + 1;
                for (long b = 0; b < blocks; b += step) {
                    out.add(" WHERE ctid >= '(" + b + ",0)'" + (b + step < blocks ? " AND ctid < '(" + (b + step) + ",0)'" : ""));
                }
                return out;
            }
        } catch (SQLException e) {
            return List.of(""); // read it whole
        }
    }

    /**
     * Counts and checksums, on the caller's connection (so inside its transaction), the rows of a
     * table that {@code where} picks, e.g. " AS t WHERE ..."; PostgreSQL computes the checksum
     * (see {@link RowHashes#usable}).
     */
    public static Sum targetRows(Connection c, TablePlan t, Ddl ddl, String where) throws SQLException {
        return ServerChecksum.read(c, ServerChecksum.select(t, ddl.qualifiedName(t), where, false));
    }

    /** {@code server}: PostgreSQL computes the part's checksum; else its rows are read back and hashed here. */
    private static Sum targetPart(TablePlan t, PgTarget target, Ddl ddl, String where, boolean asPlanned, boolean server) {
        try (Connection c = target.connection()) {
            if (server) {
                return ServerChecksum.read(c, ServerChecksum.select(t, ddl.qualifiedName(t), where, asPlanned));
            }
            RowHasher hasher = new RowHasher(kinds(t));
            CopyOut copy = c.unwrap(PGConnection.class).getCopyAPI().copyOut(ddl.copyOutBinary(t, where, asPlanned));
            BinaryRowReader reader = new BinaryRowReader(copy, kinds(t));
            while (reader.hashNext(hasher)) {
                // each row goes straight into the checksum
            }
            while (copy.isActive() && copy.readFromCopy() != null) {
                // read to the end of the COPY so the connection goes back to the pool ready for the next query
            }
            return new Sum(hasher.rows(), hasher.sum());
        } catch (SQLException | IOException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not count and checksum table " + t.target()
                    + " in PostgreSQL to check it.", "See the details; the data itself is not affected.", e);
        }
    }

    public static Sum source(TablePlan t, SqliteSource source) {
        RowHasher hasher = new RowHasher(kinds(t));
        List<String> list = new java.util.ArrayList<>(t.columns().stream().map(c -> SqliteSource.quote(c.source().name())).toList());
        list.addAll(RowFixer.flagSql(t));
        String select = "SELECT " + String.join(", ", list) + " FROM " + SqliteSource.quote(t.source().name());
        RowFixer fixer = RowFixer.of(t);
        long rejected = 0;
        try (Connection c = source.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select)) {
            int n = t.columns().size();
            while (rs.next()) {
                if (fixer != null && !fixer.check(rs, 1, 0, change -> { })) {
                    rejected++;
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    ColumnPlan col = t.columns().get(i);
                    Object v;
                    if (fixer != null && fixer.replaced(i)) {
                        v = fixer.value(i);
                    } else if (col.textAsBytes()) { // as the copy reads it (see TableCopier)
                        hasher.value(rs.getBytes(i + 1));
                        continue;
                    } else {
                        v = RowFixer.read(rs, i + 1, col.type().kind());
                    }
                    hasher.value(v == null ? null : ValueConverter.convert(v, col.type().kind(), col.conversion()));
                }
                hasher.endRow();
            }
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.SOURCE, "Ferry could not read table " + t.source().name()
                    + " from the SQLite file to check it.", "See the details.", e);
        }
        return new Sum(hasher.rows(), hasher.sum(), rejected);
    }

    static PgType.Kind[] kinds(TablePlan t) {
        return t.columns().stream().map(c -> c.type().kind()).toArray(PgType.Kind[]::new);
    }
}
