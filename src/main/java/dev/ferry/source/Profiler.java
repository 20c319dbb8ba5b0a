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

/**
 * Measures what each column really holds, in one aggregate pass per table run inside SQLite
 * (so no value crosses into Java), and answers the per-value questions the type rules ask.
 */
public final class Profiler {

    /** The row count and a profile of every column of one table. */
    public record TableProfile(long rows, Map<String, ColumnProfile> columns) {
    }

    private final Connection c;

    public Profiler(Connection c) {
        this.c = c;
    }

    /**
     * Most columns hold one storage class (plus NULLs), and for those min(typeof) and max(typeof)
     * say so at a fraction of the cost of counting each class. Only columns that really mix classes
     * get the detailed count, in a second scan.
     */
    public TableProfile profile(Table table) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT count(*)");
        for (Column col : table.columns()) {
            String q = SqliteSource.quote(col.name());
            sql.append(", count(").append(q).append("), min(nullif(typeof(").append(q).append("), 'null')), max(nullif(typeof(").append(q)
                    .append("), 'null')), min(").append(q).append("), max(").append(q).append("), max(length(").append(q).append("))");
        }
        sql.append(" FROM ").append(SqliteSource.quote(table.name()));
        Map<String, ColumnProfile> out = new LinkedHashMap<>();
        List<Column> mixed = new ArrayList<>();
        long rows;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            rs.next();
            rows = rs.getLong(1);
            int i = 2;
            for (Column col : table.columns()) {
                long nonNull = rs.getLong(i);
                String only = onlyClass(rs.getString(i + 1), rs.getString(i + 2));
                if (nonNull == 0) {
                    out.put(col.name(), new ColumnProfile(rows, 0, 0, 0, 0, null, null, null, null));
                } else if (only == null) {
                    mixed.add(col);
                    out.put(col.name(), null);
                } else {
                    Long maxLen = longOrNull(rs, i + 5);
                    out.put(col.name(), new ColumnProfile(rows - nonNull, only.equals("integer") ? nonNull : 0,
                            only.equals("real") ? nonNull : 0, only.equals("text") ? nonNull : 0,
                            only.equals("blob") ? nonNull : 0, only.equals("integer") ? longOrNull(rs, i + 3) : null,
                            only.equals("integer") ? longOrNull(rs, i + 4) : null, only.equals("text") ? maxLen : null,
                            only.equals("blob") ? maxLen : null));
                }
                i += 6;
            }
        }
        if (!mixed.isEmpty()) {
            out.putAll(detailed(table, mixed, rows));
        }
        return new TableProfile(rows, out);
    }

    /** The single storage class between min(typeof) and max(typeof), or null when several fit between. */
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
        StringBuilder sql = new StringBuilder("SELECT 0");
        for (Column col : columns) {
            String q = SqliteSource.quote(col.name());
            sql.append(", count(").append(q).append(')')
                    .append(", sum(typeof(").append(q).append(") = 'integer')")
                    .append(", sum(typeof(").append(q).append(") = 'real')")
                    .append(", sum(typeof(").append(q).append(") = 'text')")
                    .append(", min(CASE WHEN typeof(").append(q).append(") = 'integer' THEN ").append(q).append(" END)")
                    .append(", max(CASE WHEN typeof(").append(q).append(") = 'integer' THEN ").append(q).append(" END)")
                    .append(", max(CASE WHEN typeof(").append(q).append(") = 'text' THEN length(").append(q).append(") END)")
                    .append(", max(CASE WHEN typeof(").append(q).append(") = 'blob' THEN length(").append(q).append(") END)");
        }
        sql.append(" FROM ").append(SqliteSource.quote(table.name()));
        Map<String, ColumnProfile> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            rs.next();
            int i = 2;
            for (Column col : columns) {
                long nonNull = rs.getLong(i), ints = rs.getLong(i + 1), reals = rs.getLong(i + 2), texts = rs.getLong(i + 3);
                out.put(col.name(), new ColumnProfile(rows - nonNull, ints, reals, texts, nonNull - ints - reals - texts,
                        longOrNull(rs, i + 4), longOrNull(rs, i + 5), longOrNull(rs, i + 6), longOrNull(rs, i + 7)));
                i += 8;
            }
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
        String sql = "SELECT " + String.join(", ", parts) + " FROM " + SqliteSource.quote(table.name());
        long[] out = new long[columns.size()];
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            for (int i = 0; i < out.length; i++) {
                out[i] = rs.getLong(i + 1);
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
        try (PreparedStatement ps = c.prepareStatement(sql)) {
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

    private static Long longOrNull(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }
}
