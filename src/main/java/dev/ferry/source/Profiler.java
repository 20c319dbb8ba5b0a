package dev.ferry.source;

import dev.ferry.schema.Column;
import dev.ferry.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures what each column really holds with aggregate queries run inside SQLite (no value
 * crosses into Java), and answers the per-value questions the type rules ask. A large table is
 * scanned in rowid ranges on several connections at once, so profiling uses every core.
 */
public final class Profiler {

    /** The row count and a profile of every column of one table. */
    public record TableProfile(long rows, Map<String, ColumnProfile> columns) {
    }

    private static final long SPLIT_ROWS = 200_000;
    private final SqliteSource source;
    private final Connection single;
    private final int threads;

    /** Profiles over one connection, one scan at a time. */
    public Profiler(Connection connection) {
        this(null, connection, 1);
    }

    /** Profiles with up to {@code threads} read-only connections of the source at once. */
    public Profiler(SqliteSource source, int threads) {
        this(source, null, threads);
    }

    private Profiler(SqliteSource source, Connection single, int threads) {
        this.source = source;
        this.single = single;
        this.threads = Math.max(1, threads);
    }

    /**
     * Most columns hold one storage class (plus NULLs): min and max of typeof say so at a fraction
     * of the cost of counting each class. Columns that really mix classes get a detailed count.
     */
    public TableProfile profile(Table table) throws SQLException {
        StringBuilder sql = new StringBuilder("count(*)");
        for (Column col : table.columns()) {
            String q = SqliteSource.quote(col.name());
            char affinity = col.affinity();
            sql.append(", count(").append(q).append("), min(nullif(typeof(").append(q).append("), 'null')), max(nullif(typeof(")
                    .append(q).append("), 'null')), ").append(affinity == 'T' ? "NULL, NULL" : "min(" + q + "), max(" + q + ")")
                    .append(", ").append(affinity == 'T' || affinity == 'B' ? "max(length(" + q + "))" : "NULL");
        }
        List<long[]> counts = new ArrayList<>();
        List<String[]> types = new ArrayList<>();
        for (Object[] part : scan(table, sql.toString(), 1 + 6 * table.columns().size())) {
            long[] c = new long[part.length];
            String[] t = new String[part.length];
            for (int i = 0; i < part.length; i++) {
                if (part[i] instanceof Number n) {
                    c[i] = n.longValue();
                } else if (part[i] instanceof String s) {
                    t[i] = s;
                }
            }
            counts.add(c);
            types.add(t);
        }
        long rows = counts.stream().mapToLong(c -> c[0]).sum();
        Map<String, ColumnProfile> out = new LinkedHashMap<>();
        List<Column> mixed = new ArrayList<>();
        for (int k = 0; k < table.columns().size(); k++) {
            Column col = table.columns().get(k);
            int i = 1 + 6 * k;
            long nonNull = 0;
            String minType = null, maxType = null;
            Long minV = null, maxV = null, maxLen = null;
            for (int r = 0; r < counts.size(); r++) {
                long[] c = counts.get(r);
                String[] t = types.get(r);
                nonNull += c[i];
                if (c[i] > 0) {
                    minType = minType == null || t[i + 1].compareTo(minType) < 0 ? t[i + 1] : minType;
                    maxType = maxType == null || t[i + 2].compareTo(maxType) > 0 ? t[i + 2] : maxType;
                    minV = minV == null ? c[i + 3] : Math.min(minV, c[i + 3]);
                    maxV = maxV == null ? c[i + 4] : Math.max(maxV, c[i + 4]);
                    maxLen = maxLen == null ? c[i + 5] : Math.max(maxLen, c[i + 5]);
                }
            }
            String only = onlyClass(minType, maxType);
            if (nonNull == 0) {
                out.put(col.name(), new ColumnProfile(rows, 0, 0, 0, 0, null, null, null, null));
            } else if (only == null) {
                mixed.add(col);
                out.put(col.name(), null);
            } else {
                boolean ints = only.equals("integer");
                out.put(col.name(), new ColumnProfile(rows - nonNull, ints ? nonNull : 0, only.equals("real") ? nonNull : 0,
                        only.equals("text") ? nonNull : 0, only.equals("blob") ? nonNull : 0, ints ? minV : null,
                        ints ? maxV : null, only.equals("text") ? maxLen : null, only.equals("blob") ? maxLen : null));
            }
        }
        if (!mixed.isEmpty()) {
            out.putAll(detailed(table, mixed, rows));
        }
        return new TableProfile(rows, out);
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

    private Map<String, ColumnProfile> detailed(Table table, List<Column> columns, long rows) throws SQLException {
        List<String> parts = new ArrayList<>();
        for (Column col : columns) {
            String q = SqliteSource.quote(col.name());
            parts.add("count(" + q + "), sum(typeof(" + q + ") = 'integer'), sum(typeof(" + q + ") = 'real'), sum(typeof("
                    + q + ") = 'text'), min(CASE WHEN typeof(" + q + ") = 'integer' THEN " + q + " END), max(CASE WHEN typeof("
                    + q + ") = 'integer' THEN " + q + " END), max(CASE WHEN typeof(" + q + ") = 'text' THEN length(" + q
                    + ") END), max(CASE WHEN typeof(" + q + ") = 'blob' THEN length(" + q + ") END)");
        }
        List<Object[]> ranges = scan(table, String.join(", ", parts), 8 * columns.size());
        Map<String, ColumnProfile> out = new LinkedHashMap<>();
        for (int k = 0; k < columns.size(); k++) {
            long[] sums = new long[4];
            Long[] ext = new Long[4]; // min int, max int, max text length, max blob length
            for (Object[] r : ranges) {
                for (int j = 0; j < 4; j++) {
                    sums[j] += r[8 * k + j] == null ? 0 : ((Number) r[8 * k + j]).longValue();
                    Number v = (Number) r[8 * k + 4 + j];
                    if (v != null) {
                        long x = v.longValue();
                        ext[j] = ext[j] == null ? x : j == 0 ? Math.min(ext[j], x) : Math.max(ext[j], x);
                    }
                }
            }
            out.put(columns.get(k).name(), new ColumnProfile(rows - sums[0], sums[1], sums[2], sums[3],
                    sums[0] - sums[1] - sums[2] - sums[3], ext[0], ext[1], ext[2], ext[3]));
        }
        return out;
    }

    /**
     * For each (column, predicate) pair, how many non-null values of that column fail the
     * predicate. All pairs are answered by one scan of the table.
     */
    public long[] countMisfits(Table table, List<String> columns, List<String> predicates) throws SQLException {
        if (columns.isEmpty()) {
            return new long[0];
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String q = SqliteSource.quote(columns.get(i));
            parts.add("sum(CASE WHEN " + q + " IS NULL THEN 0 WHEN coalesce((" + predicates.get(i) + "), 0) THEN 0 ELSE 1 END)");
        }
        long[] out = new long[columns.size()];
        for (Object[] r : scan(table, String.join(", ", parts), columns.size())) {
            for (int i = 0; i < out.length; i++) {
                out[i] += r[i] == null ? 0 : ((Number) r[i]).longValue();
            }
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
        Connection c = single != null ? single : source.connect();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String v = rs.getString(1);
                    out.add(v.length() > 80 ? v.substring(0, 77) + "..." : v);
                }
            }
        } finally {
            if (single == null) {
                c.close();
            }
        }
        return out;
    }

    /** Runs one aggregate SELECT over the table, split into rowid ranges when it is large; one result row per range. */
    private List<Object[]> scan(Table table, String selectList, int width) throws SQLException {
        String from = " FROM " + SqliteSource.quote(table.name());
        List<String> wheres = new ArrayList<>();
        if (single == null && threads > 1 && !table.withoutRowid()) {
            try (Connection c = source.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT min(rowid), max(rowid)" + from)) {
                rs.next();
                long lo = rs.getLong(1), hi = rs.getLong(2);
                if (hi - lo > SPLIT_ROWS) {
                    long step = (hi - lo) / threads + 1;
                    for (long start = lo; start <= hi; start += step) {
                        wheres.add(" WHERE rowid BETWEEN " + start + " AND " + Math.min(hi, start + step - 1));
                    }
                }
            }
        }
        if (wheres.isEmpty()) {
            wheres.add("");
        }
        if (wheres.size() == 1) {
            Connection c = single != null ? single : source.connect();
            try {
                List<Object[]> one = new ArrayList<>();
                one.add(row(c, "SELECT " + selectList + from + wheres.get(0), width));
                return one;
            } finally {
                if (single == null) {
                    c.close();
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(wheres.size());
        try {
            List<Future<Object[]>> futures = new ArrayList<>();
            for (String where : wheres) {
                futures.add(pool.submit(() -> {
                    try (Connection c = source.connect()) {
                        return row(c, "SELECT " + selectList + from + where, width);
                    }
                }));
            }
            List<Object[]> out = new ArrayList<>();
            for (Future<Object[]> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while profiling " + table.name(), e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof SQLException se ? se : new SQLException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Object[] row(Connection c, String sql, int width) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            Object[] out = new Object[width];
            for (int i = 0; i < width; i++) {
                out[i] = rs.getObject(i + 1);
            }
            return out;
        }
    }
}
