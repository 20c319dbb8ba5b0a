package dev.ferry.verify;

import dev.ferry.FerryException;
import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType.Kind;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.Ddl;
import dev.ferry.postgres.Naming;
import dev.ferry.postgres.PgTarget;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * Each row's hash in PostgreSQL, with verify's very definition ({@link RowHasher}, computed by
 * PostgreSQL itself as {@link ServerChecksum} does), and the hash of its key columns: what a final
 * sync compares with the same hashes of SQLite's rows to find the rows that changed. Summed, a side's row hashes are verify's checksum of
 * the table, so the same pass also proves the tables that did not change. Only 24 bytes a row leave
 * PostgreSQL; its values stay where they are.
 */
public final class RowHashes {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RowHashes.class);

    /**
     * One side of one table: per row its key's hash, its row hash and where to find it again
     * (SQLite's rowid, or PostgreSQL's ctid as block &lt;&lt; 16 | offset). Kept in chunks of
     * {@value #CHUNK} rows, so growing never copies and a large table costs 24 bytes a row, once.
     */
    public static final class Side {
        private static final int SHIFT = 16;
        private static final int CHUNK = 1 << SHIFT;
        private final List<long[]> keys = new ArrayList<>();
        private final List<long[]> rows = new ArrayList<>();
        private final List<long[]> places = new ArrayList<>();
        private int size;
        private long rejected;

        /** The parts of one side of a table as one; each part's chunks are let go of as soon as they are copied. */
        public static Side merge(List<Side> parts) {
            Side all = new Side();
            for (int p = 0; p < parts.size(); p++) {
                Side part = parts.get(p);
                for (int c = 0; c < part.keys.size(); c++) {
                    int n = Math.min(CHUNK, part.size - c * CHUNK);
                    long[] k = part.keys.get(c), r = part.rows.get(c), pl = part.places.get(c);
                    for (int i = 0; i < n; i++) {
                        all.add(k[i], r[i], pl[i]);
                    }
                    part.keys.set(c, null);
                    part.rows.set(c, null);
                    part.places.set(c, null);
                }
                all.rejected += part.rejected;
                parts.set(p, null);
            }
            return all;
        }

        /** Counts a row the user's choices keep out of PostgreSQL. */
        public void reject() {
            rejected++;
        }

        public void add(long key, long row, long place) {
            int at = size & (CHUNK - 1);
            if (at == 0) {
                keys.add(new long[CHUNK]);
                rows.add(new long[CHUNK]);
                places.add(new long[CHUNK]);
            }
            int c = size >>> SHIFT;
            keys.get(c)[at] = key;
            rows.get(c)[at] = row;
            places.get(c)[at] = place;
            size++;
        }

        public int size() {
            return size;
        }

        public long key(int i) {
            return keys.get(i >>> SHIFT)[i & (CHUNK - 1)];
        }

        public long row(int i) {
            return rows.get(i >>> SHIFT)[i & (CHUNK - 1)];
        }

        public long place(int i) {
            return places.get(i >>> SHIFT)[i & (CHUNK - 1)];
        }

        /** SQLite rows the user's choices send to the rejects file instead (never in PostgreSQL). */
        public long rejected() {
            return rejected;
        }

        /** Verify's checksum of the side: the sum of its row hashes. */
        public long checksum() {
            long sum = 0;
            for (int i = 0; i < size; i++) {
                sum += row(i);
            }
            return sum;
        }
    }

    private RowHashes() {
    }

    /** Whether PostgreSQL hashes rows exactly as Ferry does (14 or later, same byte order); else no sync. */
    public static boolean usable(PgTarget target) {
        return ServerChecksum.usable(target);
    }

    /** PostgreSQL's ctid as {@link Side#place} holds it, written as PostgreSQL reads a tid: "(block,offset)". */
    public static String tid(long place) {
        return "(" + (place >>> 16) + "," + (place & 0xFFFF) + ")";
    }

    /**
     * The rows of a table in PostgreSQL, hashed by the server in block ranges at once (as verify
     * reads a large table) and sent back as binary COPY.
     *
     * @param key the positions of the key's columns in the table's columns
     */
    public static Side target(TablePlan t, int[] key, PgTarget target, Ddl ddl) {
        long start = System.nanoTime();
        Side side = targetParts(t, key, target, ddl);
        LOG.info("{} ms: PostgreSQL hashed {} rows of {}", (System.nanoTime() - start) / 1_000_000, side.size(), t.target());
        return side;
    }

    /**
     * Only the rows of a table that {@code where} picks (" WHERE ..."), in one read: a final sync
     * that already knows which keys changed hashes just those.
     */
    public static Side target(TablePlan t, int[] key, PgTarget target, Ddl ddl, String where) {
        return targetPart(t, key, target, ddl, where, 1);
    }

    private static Side targetParts(TablePlan t, int[] key, PgTarget target, Ddl ddl) {
        List<String> ranges = Checksums.blockRanges(t, target, ddl);
        if (ranges.size() == 1) {
            return targetPart(t, key, target, ddl, ranges.get(0), 1);
        }
        ExecutorService pool = Executors.newFixedThreadPool(ranges.size());
        try {
            List<Future<Side>> futures = new ArrayList<>();
            ranges.forEach(r -> futures.add(pool.submit(() -> targetPart(t, key, target, ddl, r, ranges.size()))));
            List<Side> parts = new ArrayList<>();
            for (Future<Side> f : futures) {
                parts.add(f.get());
            }
            return Side.merge(parts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(FerryException.Kind.INTERRUPTED, "The sync was interrupted before it changed anything.", null, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The SELECT of ctid, key hash and row hash per row, as ServerChecksum hashes a row. */
    static String select(TablePlan t, int[] key, String qualifiedName, String where) {
        List<Kind> kinds = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (ColumnPlan c : t.columns()) {
            kinds.add(c.type().kind());
            columns.add(Naming.quote(c.target()));
        }
        List<Kind> keyKinds = new ArrayList<>();
        List<String> keyColumns = new ArrayList<>();
        for (int k : key) {
            keyKinds.add(kinds.get(k));
            keyColumns.add(columns.get(k));
        }
        // OFFSET 0 keeps each hash computed once, though the outer SELECT names it twice
        return "COPY (SELECT ctid, hashint8extended(k, k), hashint8extended(h, h) FROM (SELECT ctid, hash_record_extended("
                + ServerChecksum.rowExpression(keyKinds, keyColumns) + ", 0) AS k, hash_record_extended("
                + ServerChecksum.rowExpression(kinds, columns) + ", 0) AS h FROM " + qualifiedName + where
                + " OFFSET 0) AS r) TO STDOUT (FORMAT binary)";
    }

    private static Side targetPart(TablePlan t, int[] key, PgTarget target, Ddl ddl, String where, int parts) {
        Side side = new Side();
        try (Connection c = target.connection();
             PGCopyInputStream copy = new PGCopyInputStream(c.unwrap(PGConnection.class),
                     select(t, key, ddl.qualifiedName(t), where));
             DataInputStream in = new DataInputStream(new BufferedInputStream(copy, 1 << 16))) {
            in.skipNBytes(11 + 4); // PGCOPY signature and flags
            in.skipNBytes(in.readInt()); // header extension
            while (in.readShort() != -1) { // each row: 3 fields, each its length then its bytes
                in.readInt();
                long block = in.readInt() & 0xFFFFFFFFL;
                long offset = in.readShort() & 0xFFFF;
                in.readInt();
                long k = in.readLong();
                in.readInt();
                side.add(k, in.readLong(), block << 16 | offset);
            }
            while (copy.read() != -1) {
                // to the end of the COPY, so the connection goes back to the pool ready
            }
            return side;
        } catch (SQLException | IOException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not read the row checksums of table "
                    + t.target() + " from PostgreSQL.", "See the details; nothing was changed.", e);
        }
    }
}
