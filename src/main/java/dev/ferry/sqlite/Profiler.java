package dev.ferry.sqlite;

import dev.ferry.schema.Column;
import dev.ferry.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures what columns really hold with aggregate queries run inside SQLite (no value crosses
 * into Java). Every question about a table is asked as a list of aggregates answered by one scan;
 * a large table is scanned in rowid ranges on several connections at once (see {@link RangeScan}).
 */
public final class Profiler {

    /** The row count and a profile of every column of one table. */
    public record TableProfile(long rows, Map<String, ColumnProfile> columns) {
    }

    /** One aggregate of a scan and how results of several ranges combine. */
    public record Agg(Merge merge, String sql) {
        /** UNCLEAN: the joined text of a bulk text check (see {@link #bulkText}), merged as a count of unclean ranges. */
        public enum Merge { SUM, MIN, MAX, UNCLEAN }

        public static Agg sum(String sql) {
            return new Agg(Merge.SUM, sql);
        }
    }

    /**
     * What planning asks of one column in a table's first scan (see {@link #firstScan}).
     *
     * @param presumed  the storage class the declared type makes likely ("integer", "real", "text",
     *                  "blob"), or null when it suggests none and the classes are counted
     * @param range     whether the least and greatest integer matter (a presumed integer column)
     * @param question  a test of one value (SQL, the column quoted), whose misfits the scan counts; or null
     * @param checkText whether to count text PostgreSQL's text cannot store (NUL bytes, invalid UTF-8)
     */
    public record Ask(Column column, String presumed, boolean range, String question, boolean checkText) {
    }

    /**
     * What the first scan found of one column.
     *
     * @param misfits the values failing the question, or null when none was asked or the column held
     *                other classes than presumed (the question was then asked too soon)
     * @param unsafe  text values PostgreSQL's text cannot store, when asked
     */
    public record Found(ColumnProfile profile, Long misfits, long unsafe) {
    }

    /** The row count and what one scan found of each column (see {@link FirstScan}). */
    public record FirstScanResult(long rows, List<Found> columns) {
    }

    private final RangeScan scan;

    /** Profiles over one connection, one scan at a time. */
    public Profiler(Connection connection) {
        try {
            SqliteSource.addFunctions(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("SQLite refused Ferry's functions", e);
        }
        this.scan = new RangeScan(null, connection, 1);
    }

    /** Profiles with up to {@code threads} read-only connections of the source at once. */
    public Profiler(SqliteSource source, int threads) {
        this.scan = new RangeScan(source, null, threads);
    }

    private Profiler(RangeScan scan) {
        this.scan = scan;
    }

    /**
     * The same profiler answering every question from a sample of about {@code rows} rows of each
     * table, spread over it (see RangeScan#sampleFrom): what a plan made before the copy reads;
     * the copy then checks every value against it (see TypePlanner#guards).
     */
    public Profiler sampled(int rows) {
        return new Profiler(scan.sampled(rows));
    }

    /** The table's row count: SQLite counts a table's cells without reading its values. */
    public long rows(Table table) throws SQLException {
        try (RangeScan.Lease lease = scan.lease(); java.sql.Statement st = lease.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + SqliteSource.quote(table.name()))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Answers all aggregates with one scan of the table (split into ranges when large). */
    public Object[] aggregate(Table table, List<Agg> aggs) throws SQLException {
        long bulk = aggs.stream().filter(a -> a.merge() == Agg.Merge.UNCLEAN).count();
        return scan.aggregate(table, aggs, 0, bulk == 0 ? Long.MAX_VALUE : Math.max(64, BULK_BYTES / (BULK_VALUE_BYTES * bulk)));
    }

    /** The same aggregates over the first {@code rows} rows only: cheap evidence before a full scan. */
    public Object[] aggregateFirst(Table table, List<Agg> aggs, int rows) throws SQLException {
        return scan.aggregate(table, aggs, rows, Long.MAX_VALUE);
    }

    /**
     * Profiles the table's columns and answers what planning asks of each in as few scans as the data
     * allows: one, when every column holds what its declared type suggests (see {@link FirstScan}).
     */
    public FirstScanResult firstScan(Table table, List<Ask> asks) throws SQLException {
        return FirstScan.run(this, table, asks);
    }

    /** How many non-null values of a column among the table's first {@code rows} fail the test. */
    public long misfitsInFirst(Table table, String column, String test, int rows) throws SQLException {
        return num(aggregateFirst(table, List.of(misfits(column, test)), rows)[0]);
    }

    /** The profile of a column whose non-null values are all of one storage class. */
    public static ColumnProfile oneClass(String cls, long rows, long nonNull, Long min, Long max) {
        return new ColumnProfile(rows - nonNull, cls.equals("integer") ? nonNull : 0, cls.equals("real") ? nonNull : 0,
                cls.equals("text") ? nonNull : 0, cls.equals("blob") ? nonNull : 0,
                nonNull > 0 ? min : null, nonNull > 0 ? max : null, null, null);
    }

    public TableProfile profile(Table table) throws SQLException {
        List<Agg> aggs = new ArrayList<>(List.of(Agg.sum("count(*)")));
        table.columns().forEach(c -> aggs.addAll(storageAggs(c)));
        Object[] r = aggregate(table, aggs);
        long rows = ((Number) r[0]).longValue();
        Map<String, ColumnProfile> out = new LinkedHashMap<>();
        List<Column> mixed = new ArrayList<>();
        for (int k = 0; k < table.columns().size(); k++) {
            Column col = table.columns().get(k);
            ColumnProfile p = storageProfile(r, 1 + STORAGE_AGGS * k, rows);
            out.put(col.name(), p);
            if (p == null) {
                mixed.add(col);
            }
        }
        out.putAll(detailed(table, mixed, rows));
        return new TableProfile(rows, out);
    }

    /** How many aggregates {@link #storageAggs} adds per column. */
    public static final int STORAGE_AGGS = 6;

    /**
     * Most columns hold one storage class (plus NULLs): min and max of typeof say so at a fraction
     * of the cost of counting each class.
     */
    public static List<Agg> storageAggs(Column col) {
        String q = SqliteSource.quote(col.name());
        char affinity = col.affinity();
        return List.of(Agg.sum("count(" + q + ")"), new Agg(Agg.Merge.MIN, "min(nullif(typeof(" + q + "), 'null'))"),
                new Agg(Agg.Merge.MAX, "max(nullif(typeof(" + q + "), 'null'))"),
                new Agg(Agg.Merge.MIN, affinity == 'T' ? "NULL" : "min(" + q + ")"),
                new Agg(Agg.Merge.MAX, affinity == 'T' ? "NULL" : "max(" + q + ")"),
                new Agg(Agg.Merge.MAX, affinity == 'T' || affinity == 'B' ? "max(length(" + q + "))" : "NULL"));
    }

    /** The profile from {@link #storageAggs} results, or null when the column mixes storage classes. */
    public static ColumnProfile storageProfile(Object[] r, int i, long rows) {
        long nonNull = ((Number) r[i]).longValue();
        if (nonNull == 0) {
            return new ColumnProfile(rows, 0, 0, 0, 0, null, null, null, null);
        }
        String only = onlyClass((String) r[i + 1], (String) r[i + 2]);
        if (only == null) {
            return null;
        }
        Long len = r[i + 5] instanceof Number n ? n.longValue() : null;
        boolean ints = only.equals("integer");
        return new ColumnProfile(rows - nonNull, ints ? nonNull : 0, only.equals("real") ? nonNull : 0,
                only.equals("text") ? nonNull : 0, only.equals("blob") ? nonNull : 0,
                ints ? ((Number) r[i + 3]).longValue() : null, ints ? ((Number) r[i + 4]).longValue() : null,
                only.equals("text") ? len : null, only.equals("blob") ? len : null);
    }

    /** The single storage class between min(typeof) and max(typeof), or null when several lie between. */
    private static String onlyClass(String min, String max) {
        List<String> between = new ArrayList<>();
        for (String k : List.of("blob", "integer", "real", "text")) {
            if (min != null && k.compareTo(min) >= 0 && k.compareTo(max) <= 0) {
                between.add(k);
            }
        }
        return between.size() == 1 ? between.get(0) : null;
    }

    /** Counts each storage class of columns that mix them (a second, slower scan, for those columns only). */
    public Map<String, ColumnProfile> detailed(Table table, List<Column> columns, long rows) throws SQLException {
        Map<String, ColumnProfile> out = new LinkedHashMap<>();
        if (columns.isEmpty()) {
            return out;
        }
        List<Agg> aggs = new ArrayList<>();
        for (Column col : columns) {
            String q = SqliteSource.quote(col.name());
            aggs.add(Agg.sum("count(" + q + ")"));
            for (String k : List.of("integer", "real", "text")) {
                aggs.add(Agg.sum("sum(typeof(" + q + ") = '" + k + "')"));
            }
            aggs.add(new Agg(Agg.Merge.MIN, "min(CASE WHEN typeof(" + q + ") = 'integer' THEN " + q + " END)"));
            aggs.add(new Agg(Agg.Merge.MAX, "max(CASE WHEN typeof(" + q + ") = 'integer' THEN " + q + " END)"));
            aggs.add(new Agg(Agg.Merge.MAX, "max(CASE WHEN typeof(" + q + ") = 'text' THEN length(" + q + ") END)"));
            aggs.add(new Agg(Agg.Merge.MAX, "max(CASE WHEN typeof(" + q + ") = 'blob' THEN length(" + q + ") END)"));
        }
        Object[] r = aggregate(table, aggs);
        for (int k = 0; k < columns.size(); k++) {
            int i = 8 * k;
            long nonNull = num(r[i]), ints = num(r[i + 1]), reals = num(r[i + 2]), texts = num(r[i + 3]);
            out.put(columns.get(k).name(), new ColumnProfile(rows - nonNull, ints, reals, texts,
                    nonNull - ints - reals - texts, numOrNull(r[i + 4]), numOrNull(r[i + 5]), numOrNull(r[i + 6]),
                    numOrNull(r[i + 7])));
        }
        return out;
    }

    /** The aggregate counting non-null values of a column that fail a predicate. */
    public static Agg misfits(String column, String predicate) {
        String q = SqliteSource.quote(column);
        return Agg.sum("sum(CASE WHEN " + q + " IS NULL THEN 0 WHEN coalesce((" + predicate + "), 0) THEN 0 ELSE 1 END)");
    }

    /** For each (column, predicate) pair, how many non-null values fail the predicate; one scan for all. */
    public long[] countMisfits(Table table, List<String> columns, List<String> predicates) throws SQLException {
        List<Agg> aggs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            aggs.add(misfits(columns.get(i), predicates.get(i)));
        }
        Object[] r = aggregate(table, aggs);
        long[] out = new long[r.length];
        for (int i = 0; i < r.length; i++) {
            out[i] = num(r[i]);
        }
        return out;
    }

    /** Up to {@code limit} distinct values of a column that fail the predicate, as text for the report. */
    public List<String> examples(Table table, String column, String predicate, int limit) throws SQLException {
        String q = SqliteSource.quote(column);
        String sql = "SELECT DISTINCT CASE WHEN typeof(" + q + ") = 'blob' THEN 'x''' || hex(" + q + ") || '''' ELSE "
                + "CAST(" + q + " AS TEXT) END FROM " + SqliteSource.quote(table.name()) + " WHERE " + q
                + " IS NOT NULL AND NOT coalesce((" + predicate + "), 0) LIMIT ?";
        List<String> out = new ArrayList<>();
        try (RangeScan.Lease lease = scan.lease(); PreparedStatement ps = lease.connection().prepareStatement(sql)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String v = rs.getString(1);
                    out.add(v.length() > 80 ? v.substring(0, 77) + "..." : v);
                }
            }
        }
        return out;
    }

    /** Up to {@code limit} distinct values for which {@code predicate} holds, as bytes shown with {@link dev.ferry.value.Utf8#show}. */
    public List<String> byteExamples(Table table, String column, String predicate, int limit) throws SQLException {
        String q = SqliteSource.quote(column);
        String sql = "SELECT DISTINCT CAST(" + q + " AS BLOB) FROM " + SqliteSource.quote(table.name()) + " WHERE "
                + predicate + " LIMIT ?";
        List<String> out = new ArrayList<>();
        try (RangeScan.Lease lease = scan.lease(); PreparedStatement ps = lease.connection().prepareStatement(sql)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String v = dev.ferry.value.Utf8.show(rs.getBytes(1));
                    out.add(v.length() > 80 ? v.substring(0, 77) + "..." : v);
                }
            }
        }
        return out;
    }

    /** Up to {@code limit} distinct text values of the column PostgreSQL's text cannot store, shown as bytes. */
    public List<String> unsafeTextExamples(Table table, Column c, int limit) throws SQLException {
        return byteExamples(table, c.name(), SqliteSource.unsafeTextSql(SqliteSource.quote(c.name())), limit);
    }

    /** Text values longer than this (in bytes) are checked one by one; shorter ones in bulk. */
    private static final int BULK_VALUE_BYTES = 1024;
    /** At most this many bytes of text in one bulk check. */
    private static final long BULK_BYTES = 8L << 20;

    /**
     * For each column, how many of its text values PostgreSQL's text cannot hold exactly (a NUL byte,
     * bytes that are not UTF-8). SQLite has no such test, and a Java function called per value costs
     * about 2 µs on a busy machine, so the values are checked in bulk: SQLite joins a range of rows'
     * short text values with newlines ({@code group_concat} copies bytes as they are, NULs included)
     * and the joined bytes are checked at once. A newline can neither complete nor start a UTF-8
     * sequence, so the joined bytes are clean exactly when every value is. Long values are checked one
     * by one; only a column found unclean is counted value by value, for the report.
     */
    public long[] unsafeText(Table table, List<Column> columns, java.util.function.Predicate<Column> hasBlobs)
            throws SQLException {
        long[] out = new long[columns.size()];
        if (columns.isEmpty()) {
            return out;
        }
        boolean[] unclean = new boolean[columns.size()];
        if (table.rowidName() == null) {
            java.util.Arrays.fill(unclean, true); // no rowid ranges to keep the joined text small: count value by value
        } else {
            List<Agg> aggs = new ArrayList<>();
            columns.forEach(c -> aggs.add(bulkText(c, hasBlobs.test(c))));
            Object[] r = aggregate(table, aggs);
            for (int k = 0; k < columns.size(); k++) {
                unclean[k] = num(r[k]) > 0;
            }
        }
        for (int k = 0; k < columns.size(); k++) {
            if (unclean[k]) {
                out[k] = countUnsafe(table, columns.get(k));
            }
        }
        return out;
    }

    /**
     * The bulk check of one column for text PostgreSQL cannot store, as an aggregate to scan with
     * others (see {@link #unsafeText}); its merged result is 0 when every value is clean. Only for
     * tables with a rowid: the ranges keep each joined text small.
     */
    public static Agg bulkText(Column c, boolean hasBlobs) {
        String q = SqliteSource.quote(c.name());
        // a long value is checked on its own; one that fails adds a byte that is never UTF-8
        String value = "iif(octet_length(" + q + ") <= " + BULK_VALUE_BYTES + ", " + q + ", iif(ferry_utf8_ok(CAST("
                + q + " AS BLOB)), NULL, CAST(x'ff' AS TEXT)))";
        // numbers join as their ASCII digits; a column holding blobs too joins its text alone (typeof costs)
        return new Agg(Agg.Merge.UNCLEAN, "CAST(group_concat(" + (hasBlobs ? "CASE WHEN typeof(" + q + ") = 'text' THEN "
                + value + " END" : value) + ", char(10)) AS BLOB)");
    }

    /** How many text values of the column PostgreSQL cannot store, value by value (for a column the bulk check found unclean). */
    public long countUnsafe(Table table, Column c) throws SQLException {
        return countMisfits(table, List.of(c.name()), List.of("NOT " + SqliteSource.unsafeTextSql(SqliteSource.quote(c.name()))))[0];
    }

    static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static Long numOrNull(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }
}
