package dev.ferry.sqlite;

import dev.ferry.schema.Table;
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
import java.util.stream.Collectors;

/**
 * Runs one aggregate SELECT over a table, split into rowid ranges scanned on separate read-only
 * connections when the table is large, and merges the ranges' answers (sums add, minima and maxima
 * compare). SQLite scans a table on one core; this lets profiling use all of them.
 */
final class RangeScan {

    /** {@code -Dferry.traceScans=true} prints each scan's aggregates and time to stderr. */
    static final boolean TRACE = Boolean.getBoolean("ferry.traceScans");
    private final SqliteSource source;
    private final Connection single;
    private final int threads;
    /** When above 0, every aggregate reads only a sample of this many rows (see {@link #sampleFrom}). */
    private final int sampleRows;

    RangeScan(SqliteSource source, Connection single, int threads) {
        this(source, single, threads, 0);
    }

    RangeScan(SqliteSource source, Connection single, int threads, int sampleRows) {
        this.source = source;
        this.single = single;
        this.threads = Math.max(1, threads);
        this.sampleRows = sampleRows;
    }

    /** The same scan, reading only a sample of {@code rows} rows of each table. */
    RangeScan sampled(int rows) {
        return new RangeScan(source, single, threads, rows);
    }

    /** How many slices a sample is taken in, spread evenly over the table's rowids. */
    static final int SAMPLE_SLICES = 32;

    /**
     * The FROM clause of a sample: {@link #SAMPLE_SLICES} runs of consecutive rows, the first at the
     * table's start and the others spread evenly over its rowids, each found by a seek (no row
     * between them is read). Spread, not the first rows alone: an app's data changes shape over the
     * years (a date format, a column it began to fill later), and the newest rows are at the end.
     * Slices of a small table may overlap; a row counted twice changes no class, range or length.
     */
    private String sampleFrom(Table table) throws SQLException {
        String name = SqliteSource.quote(table.name()), rowid = table.rowidName();
        if (rowid == null) { // no rowid to seek by: the first rows in the key's order
            return " FROM (SELECT * FROM " + name + " LIMIT " + sampleRows + ")";
        }
        long lo, hi;
        try (Lease l = lease(); Statement s = l.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT min(" + rowid + "), max(" + rowid + ") FROM " + name)) {
            rs.next();
            lo = rs.getLong(1);
            hi = rs.getLong(2);
        }
        int n = Math.min(SAMPLE_SLICES, sampleRows), each = sampleRows / n;
        long step = Math.max(1, hi / n - lo / n); // (divided first: no overflow)
        List<String> slices = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            slices.add("SELECT * FROM (SELECT * FROM " + name + " WHERE " + rowid + " >= " + (lo + step * i) + " ORDER BY "
                    + rowid + " LIMIT " + each + ")");
        }
        return " FROM (" + String.join(" UNION ALL ", slices) + ")";
    }

    /** A connection for one query: the shared one, or a fresh read-only one closed afterwards. */
    record Lease(Connection connection, boolean owned) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            if (owned) {
                connection.close();
            }
        }
    }

    Lease lease() throws SQLException {
        return single != null ? new Lease(single, false) : new Lease(source.connect(), true);
    }

    /** Rows per range: small enough that the two connections share the work evenly to the end. */
    private static final long RANGE_ROWS = 65_536;

    /**
     * @param firstRows when above 0, only the table's first rows are looked at (no split)
     * @param rangeRows at most this many rows per range (bulk text checks keep ranges small)
     */
    Object[] aggregate(Table table, List<Profiler.Agg> aggs, int firstRows, long rangeRows) throws SQLException {
        if (aggs.isEmpty()) {
            return new Object[0];
        }
        String list = aggs.stream().map(Profiler.Agg::sql).collect(Collectors.joining(", "));
        String from = " FROM " + SqliteSource.quote(table.name());
        long started = TRACE ? System.nanoTime() : 0;
        List<Object[]> parts = java.util.Collections.synchronizedList(new ArrayList<>());
        String rowid = table.rowidName();
        if (firstRows > 0 || rowid == null || sampleRows > 0) { // (no name reads the rowid: the table is read whole)
            if (firstRows > 0) {
                from = " FROM (SELECT * FROM " + SqliteSource.quote(table.name()) + " LIMIT " + firstRows + ")";
            } else if (sampleRows > 0) {
                from = sampleFrom(table);
            }
            try (Lease l = lease(); Statement s = l.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT " + list + from)) {
                rs.next();
                parts.add(reduce(aggs, rs, aggs.size()));
            }
        } else {
            eachRange(table, "SELECT " + list + from + " WHERE " + rowid + " BETWEEN ? AND ?", Math.min(RANGE_ROWS, rangeRows),
                    rs -> parts.add(reduce(aggs, rs, aggs.size())));
        }
        if (TRACE) {
            System.err.printf("scan %s in %d ranges, %d ms: %s%n", table.name(), parts.size(),
                    (System.nanoTime() - started) / 1_000_000, list.length() > 4000 ? list.substring(0, 4000) + "..." : list);
        }
        return merge(aggs, parts);
    }

    /** One range's answers, each already in the form that merges: a joined text becomes 1 when unclean. */
    private static Object[] reduce(List<Profiler.Agg> aggs, ResultSet rs, int width) throws SQLException {
        Object[] out = new Object[width];
        for (int i = 0; i < width; i++) {
            Object v = rs.getObject(i + 1);
            if (aggs.get(i).merge() == Profiler.Agg.Merge.UNCLEAN) {
                v = v instanceof byte[] b && !dev.ferry.value.Utf8.safe(b) ? 1L : 0L;
            }
            out[i] = v instanceof Integer n ? Long.valueOf(n) : v;
        }
        return out;
    }

    /** A range's result row, read while its statement is open. */
    @FunctionalInterface
    interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code select} (which ends in {@code WHERE <table.rowidName()> BETWEEN ? AND ?}) over
     * consecutive rowid ranges of at most {@code rangeRows} rows, on up to {@code threads}
     * connections, handing each range's single result row to {@code each} (called from several
     * threads at once). Only for a table whose rowid a name reads.
     */
    void eachRange(Table table, String select, long rangeRows, RowHandler each) throws SQLException {
        long lo, hi, count;
        String rowid = table.rowidName(), from = " FROM " + SqliteSource.quote(table.name());
        try (Lease l = lease(); Statement s = l.connection().createStatement(); ResultSet rs = s.executeQuery(
                "SELECT min(" + rowid + "), max(" + rowid + "), count(*)" + from)) {
            rs.next();
            if (rs.getObject(1) == null) {
                return;
            }
            lo = rs.getLong(1);
            hi = rs.getLong(2);
            count = rs.getLong(3);
        }
        // Rowids are distinct integers, so a span of rangeRows rowids holds at most rangeRows rows.
        // Where they are dense (1, 2, 3, ...) equal spans make ranges of about that many rows. Where
        // they are sparse (random 64-bit ids, say Discord's), equal spans would be nearly all empty
        // and next to endless, so each range ends where a seek finds the rowid rangeRows rows on.
        long span = hi - lo; // negative when it overflows: sparse by any measure
        Ranges ranges = new Ranges(lo, hi, rangeRows, span >= 0 && span / 2 <= count ? null : "SELECT " + rowid + from
                + " WHERE " + rowid + " >= ? ORDER BY " + rowid + " LIMIT 1 OFFSET " + rangeRows);
        java.util.concurrent.Callable<Void> worker = () -> {
            try (Lease l = single != null ? lease() : new Lease(source.connect(), true);
                 java.sql.PreparedStatement ps = l.connection().prepareStatement(select)) {
                for (long[] r = ranges.next(l.connection()); r != null; r = ranges.next(l.connection())) {
                    ps.setLong(1, r[0]);
                    ps.setLong(2, r[1]);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        each.accept(rs);
                    }
                }
            }
            return null;
        };
        int n = single != null || count < 2 * rangeRows ? 1 : threads;
        if (n == 1) {
            try {
                worker.call();
            } catch (SQLException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new SQLException(e);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(worker));
            }
            for (Future<Void> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while reading " + table.name(), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SQLException se ? se : new SQLException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object[] merge(List<Profiler.Agg> aggs, List<Object[]> parts) {
        Object[] out = new Object[aggs.size()];
        for (int i = 0; i < out.length; i++) {
            Profiler.Agg.Merge m = aggs.get(i).merge();
            Object acc = m == Profiler.Agg.Merge.SUM || m == Profiler.Agg.Merge.UNCLEAN ? (Object) 0L : null;
            for (Object[] p : parts) {
                Object v = p[i];
                if (m == Profiler.Agg.Merge.SUM || m == Profiler.Agg.Merge.UNCLEAN) {
                    acc = (Long) acc + Profiler.num(v);
                } else if (v != null && (acc == null || (v.getClass() == acc.getClass() && v instanceof Comparable
                        && (m == Profiler.Agg.Merge.MIN ? ((Comparable) v).compareTo(acc) < 0
                        : ((Comparable) v).compareTo(acc) > 0)))) {
                    acc = v; // values of different storage classes are not compared: they only matter for integers
                }
            }
            out[i] = acc;
        }
        return out;
    }


    /**
     * Hands out consecutive rowid ranges {first, last} to the scan's threads, null when none is
     * left: equal spans for dense rowids, or (with {@code seek}) ranges whose ends a seek finds,
     * the rowid a range's worth of rows on, for sparse ones.
     */
    private static final class Ranges {
        private final long hi;
        private final long step;
        private final String seek;
        private long cursor;
        private boolean done;

        Ranges(long lo, long hi, long step, String seek) {
            this.cursor = lo;
            this.hi = hi;
            this.step = step;
            this.seek = seek;
        }

        synchronized long[] next(Connection c) throws SQLException {
            if (done) {
                return null;
            }
            long first = cursor, last = seek == null ? first + step - 1 : seekEnd(c, first);
            if (last < first || last >= hi) { // (past the end, or past Long.MAX_VALUE)
                last = hi;
                done = true;
            } else {
                cursor = last + 1;
            }
            return new long[] {first, last};
        }

        private long seekEnd(Connection c, long first) throws SQLException {
            try (java.sql.PreparedStatement ps = c.prepareStatement(seek)) {
                ps.setLong(1, first);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) - 1 : hi;
                }
            }
        }
    }
}
