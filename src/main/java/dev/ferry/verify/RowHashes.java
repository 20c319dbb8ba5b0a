package dev.ferry.verify;

import dev.ferry.FerryException;
import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType.Kind;
import dev.ferry.plan.RowFixer;
import dev.ferry.plan.TablePlan;
import dev.ferry.plan.ValueConverter;
import dev.ferry.postgres.Ddl;
import dev.ferry.postgres.Naming;
import dev.ferry.postgres.PgTarget;
import dev.ferry.sqlite.SqliteSource;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * Each row's hash on either side, with verify's very definition ({@link RowHasher}, computed by
 * PostgreSQL itself as {@link ServerChecksum} does), and the hash of its key columns: what a final
 * sync compares to find the rows that changed. Summed, a side's row hashes are verify's checksum of
 * the table, so the same pass also proves the tables that did not change. Only 24 bytes a row leave
 * PostgreSQL; its values stay where they are.
 */
public final class RowHashes {

    /**
     * One side of one table: per row its key's hash, its row hash and where to find it again
     * (SQLite's rowid, or PostgreSQL's ctid as block &lt;&lt; 16 | offset).
     */
    public static final class Side {
        private long[] keys = new long[1024];
        private long[] rows = new long[1024];
        private long[] places = new long[1024];
        private int size;
        private long rejected;

        void add(long key, long row, long place) {
            if (size == keys.length) {
                int n = Math.max(1024, size + (size >> 1));
                keys = Arrays.copyOf(keys, n);
                rows = Arrays.copyOf(rows, n);
                places = Arrays.copyOf(places, n);
            }
            keys[size] = key;
            rows[size] = row;
            places[size] = place;
            size++;
        }

        void addAll(Side other) {
            for (int i = 0; i < other.size; i++) {
                add(other.keys[i], other.rows[i], other.places[i]);
            }
            rejected += other.rejected;
        }

        public int size() {
            return size;
        }

        public long key(int i) {
            return keys[i];
        }

        public long row(int i) {
            return rows[i];
        }

        public long place(int i) {
            return places[i];
        }

        /** SQLite rows the user's choices send to the rejects file instead (never in PostgreSQL). */
        public long rejected() {
            return rejected;
        }

        /** Verify's checksum of the side: the sum of its row hashes. */
        public long checksum() {
            long sum = 0;
            for (int i = 0; i < size; i++) {
                sum += rows[i];
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
        List<String> ranges = Checksums.blockRanges(t, target, ddl);
        if (ranges.size() == 1) {
            return targetPart(t, key, target, ddl, ranges.get(0));
        }
        ExecutorService pool = Executors.newFixedThreadPool(ranges.size());
        try {
            List<Future<Side>> futures = new ArrayList<>();
            ranges.forEach(r -> futures.add(pool.submit(() -> targetPart(t, key, target, ddl, r))));
            Side all = new Side();
            for (Future<Side> f : futures) {
                all.addAll(f.get());
            }
            return all;
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

    private static Side targetPart(TablePlan t, int[] key, PgTarget target, Ddl ddl, String where) {
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

    /**
     * The rows of a table in SQLite, read and converted exactly as verify reads them ({@link
     * Checksums#source}), with each row's rowid to fetch it again. Rows the user chose to reject are
     * counted, not hashed: they never go to PostgreSQL.
     *
     * @param rowid the name that reads the table's rowid (see {@code Table#rowidName})
     */
    public static Side source(TablePlan t, int[] key, String rowid, SqliteSource source) {
        Kind[] kinds = Checksums.kinds(t);
        Kind[] keyKinds = new Kind[key.length];
        for (int i = 0; i < key.length; i++) {
            keyKinds[i] = kinds[key[i]];
        }
        RowHasher rowHasher = new RowHasher(kinds);
        RowHasher keyHasher = new RowHasher(keyKinds);
        List<String> list = new ArrayList<>();
        list.add(rowid);
        t.columns().forEach(c -> list.add(SqliteSource.quote(c.source().name())));
        list.addAll(RowFixer.flagSql(t));
        String select = "SELECT " + String.join(", ", list) + " FROM " + SqliteSource.quote(t.source().name());
        RowFixer fixer = RowFixer.of(t);
        Side side = new Side();
        int n = t.columns().size();
        Object[] values = new Object[n];
        try (Connection c = source.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select)) {
            while (rs.next()) {
                long id = rs.getLong(1);
                if (fixer != null && !fixer.check(rs, 2, id, change -> { })) {
                    side.rejected++;
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    ColumnPlan col = t.columns().get(i);
                    Object v;
                    if (fixer != null && fixer.replaced(i)) {
                        v = fixer.value(i);
                        v = v == null ? null : ValueConverter.convert(v, col.type().kind(), col.conversion());
                    } else if (col.textAsBytes()) { // as the copy reads it (see TableCopier)
                        v = rs.getBytes(i + 2);
                    } else {
                        v = RowFixer.read(rs, i + 2, col.type().kind());
                        v = v == null ? null : ValueConverter.convert(v, col.type().kind(), col.conversion());
                    }
                    values[i] = v;
                    rowHasher.value(v);
                }
                for (int k : key) {
                    keyHasher.value(values[k]);
                }
                long rowBefore = rowHasher.sum(), keyBefore = keyHasher.sum();
                rowHasher.endRow();
                keyHasher.endRow();
                side.add(keyHasher.sum() - keyBefore, rowHasher.sum() - rowBefore, id);
            }
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.SOURCE, "Ferry could not read table " + t.source().name()
                    + " from the SQLite file to compare it.", "See the details; nothing was changed.", e);
        }
        return side;
    }
}
