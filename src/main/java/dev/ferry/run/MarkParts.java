package dev.ferry.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A table's marks (rowid and record hash per row, see {@link SyncMarks}) in the journal's
 * ferry_journal.mark_parts, written and read a part of 256 KB at a time, so a table of tens of
 * millions of rows never has its whole list in memory. A part holds, per row, the rowid's distance
 * from the row before (zigzag varint, from 0 at each part's start) and the hash's 8 bytes.
 */
final class MarkParts {

    /**
     * Bytes of a part before it goes to the journal (a row takes 9 to 18): under half of G1's 1 MB
     * region in the migrate's 256 MB heap, so no part is a "humongous" object, which the collector
     * keeps apart (4 MB parts raised the migrate's peak heap from 170 to 222 MB at 2 M rows, 1 MB
     * parts to 234-240 MB).
     */
    static int partBytes() {
        return Integer.getInteger("ferry.sync.markPartBytes", 256 << 10); // a property lets tests make many parts
    }

    private MarkParts() {
    }

    /**
     * Writes one table's marks, in rowid order, each full part in its own statement on a thread of
     * its own, so the walk goes on filling the next part meanwhile (one part in flight at most).
     */
    static final class Writer {
        private final Connection pg;
        private final java.util.concurrent.ExecutorService sender = java.util.concurrent.Executors.newSingleThreadExecutor(
                r -> {
                    Thread t = new Thread(r, "ferry-marks-send");
                    t.setDaemon(true);
                    return t;
                });
        private java.util.concurrent.Future<?> inFlight;
        private final UUID run;
        private final UUID id = UUID.randomUUID();
        private final int full = partBytes();
        private final byte[] buf = new byte[full + 32];
        private int size;
        private int part;
        private long previous;
        private long rows;

        /** {@code pg}: a connection of its own, in autocommit: each part is kept as soon as it is written. */
        Writer(Connection pg, UUID run) {
            this.pg = pg;
            this.run = run;
        }

        UUID id() {
            return id;
        }

        long rows() {
            return rows;
        }

        void add(long rowid, long hash) throws SQLException {
            long d = rowid - previous;
            long z = (d << 1) ^ (d >> 63);
            while ((z & ~0x7FL) != 0) {
                buf[size++] = (byte) ((z & 0x7F) | 0x80);
                z >>>= 7;
            }
            buf[size++] = (byte) z;
            for (int s = 56; s >= 0; s -= 8) {
                buf[size++] = (byte) (hash >>> s);
            }
            previous = rowid;
            rows++;
            if (size >= full) {
                flush();
            }
        }

        /** Writes what is left (an empty table still gets its one empty part, so the marks exist), and waits for it. */
        void finish() throws SQLException {
            try {
                if (size > 0 || part == 0) {
                    flush();
                }
                sent();
            } finally {
                sender.shutdown();
            }
        }

        private void flush() throws SQLException {
            sent();
            byte[] bytes = java.util.Arrays.copyOf(buf, size);
            int number = part++;
            inFlight = sender.submit(() -> {
                try (PreparedStatement ps = pg.prepareStatement(Sql.query("insert-mark-part"))) {
                    ps.setObject(1, id);
                    ps.setObject(2, run);
                    ps.setInt(3, number);
                    ps.setBytes(4, bytes);
                    ps.executeUpdate();
                }
                return null;
            });
            size = 0;
            previous = 0;
        }

        /** Waits for the part in flight; its failure is the caller's. */
        private void sent() throws SQLException {
            if (inFlight == null) {
                return;
            }
            try {
                inFlight.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while keeping marks", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof SQLException se ? se : new SQLException(e.getCause());
            } finally {
                inFlight = null;
            }
        }

        /** Stops sending when the walk failed (the parts sent are left for the journal's clean-up). */
        void abandon() {
            sender.shutdownNow();
        }
    }

    /** Reads one table's marks back in rowid order, a part at a time. */
    static final class Reader implements AutoCloseable {
        private final Connection pg;
        private final PreparedStatement ps;
        private final ResultSet rs;
        private byte[] buf = new byte[0];
        private int at;
        private long rowid;
        private long hash;

        /** {@code pg}: a connection of its own for as long as the reader is open (it holds a cursor). */
        Reader(Connection pg, UUID id) throws SQLException {
            this.pg = pg;
            pg.setAutoCommit(false); // so the driver fetches a few parts at a time instead of all at once
            ps = pg.prepareStatement(Sql.query("mark-parts"));
            ps.setFetchSize(8); // 2 MB a round trip, not one trip per part
            ps.setObject(1, id);
            rs = ps.executeQuery();
        }

        /** Steps to the next row; false at the end. */
        boolean next() throws SQLException {
            while (at >= buf.length) {
                if (!rs.next()) {
                    return false;
                }
                buf = rs.getBytes(1);
                at = 0;
                rowid = 0;
            }
            long z = 0;
            int shift = 0;
            byte b;
            do {
                b = buf[at++];
                z |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            rowid += (z >>> 1) ^ -(z & 1);
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (buf[at++] & 0xFF);
            }
            hash = h;
            return true;
        }

        long rowid() {
            return rowid;
        }

        long hash() {
            return hash;
        }

        @Override
        public void close() throws SQLException {
            try {
                rs.close();
                ps.close();
                pg.commit();
            } finally {
                pg.setAutoCommit(true);
            }
        }
    }
}
