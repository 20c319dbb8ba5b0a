package dev.ferry.plan;

import dev.ferry.value.Utf8;

import dev.ferry.sqlite.SqliteSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Carries out, row by row, what the user chose for a table's problem values ({@link Fix}): stores
 * NULL for a value that does not fit, repairs unsafe text, or rejects the row. Every value changed
 * and every row rejected is handed to a sink as a {@link Change}, so nothing moves unrecorded. The
 * copy and the checksum of the source both read rows through this, so they agree on what was sent.
 *
 * <p>Values that do not fit are found by SQLite: the query reads one flag per such column after
 * the columns (see {@link #flagSql}).
 */
public final class RowFixer {

    /**
     * One value changed or one row moved aside, as the rejects file records it.
     *
     * @param key    the row's primary key values, or its rowid
     * @param row    every value of the row when it was rejected, else null
     */
    public record Change(String table, Map<String, Object> key, String column, Object value, String action,
                         String reason, Map<String, Object> row, Object storedAs) {
    }

    private final TablePlan table;
    private final int[] misfitFlag;   // per column: index into the flags, -1 when none
    private final String[] misfitAction, unsafeAction;
    private final boolean[] replaced;
    private final Object[] values;
    private final List<Change> pending = new ArrayList<>();
    private final int[] keyColumns;

    private RowFixer(TablePlan table) {
        this.table = table;
        int n = table.columns().size();
        misfitFlag = new int[n];
        misfitAction = new String[n];
        unsafeAction = new String[n];
        replaced = new boolean[n];
        values = new Object[n];
        int flags = 0;
        for (int i = 0; i < n; i++) {
            Fix f = table.columns().get(i).fix();
            misfitFlag[i] = f != null && f.fitSql() != null ? flags++ : -1;
            misfitAction[i] = f == null ? null : f.misfitAction();
            unsafeAction[i] = f == null ? null : f.unsafeAction();
        }
        List<String> pk = table.source().primaryKey();
        keyColumns = pk == null ? new int[0] : pk.stream().mapToInt(name -> indexOf(table, name)).filter(i -> i >= 0).toArray();
    }

    /** A fixer for the table, or null when none of its columns needs one (the copy's fast path). */
    public static RowFixer of(TablePlan table) {
        return table.columns().stream().anyMatch(c -> c.fix() != null) ? new RowFixer(table) : null;
    }

    /** The extra select expressions the fixer reads after the columns: 1 when a value fits, else 0. */
    public static List<String> flagSql(TablePlan table) {
        List<String> out = new ArrayList<>();
        for (ColumnPlan c : table.columns()) {
            if (c.fix() != null && c.fix().fitSql() != null) {
                String q = SqliteSource.quote(c.source().name());
                out.add("CASE WHEN " + q + " IS NULL OR (" + c.fix().fitSql().replace("{c}", q) + ") THEN 1 ELSE 0 END");
            }
        }
        return out;
    }

    /**
     * Looks at the current row. Returns false when the row is rejected; else {@link #replaced(int)}
     * tells which values to take from {@link #value(int)} instead of the result set. The changes
     * go to {@code sink}.
     *
     * @param first  the result-set index of the table's first column
     * @param rowid  the row's rowid, or 0 when the query has none
     */
    public boolean check(ResultSet rs, int first, long rowid, Consumer<Change> sink) throws SQLException {
        int n = values.length, flagBase = first + n;
        Arrays.fill(replaced, false);
        pending.clear();
        boolean rejected = false;
        for (int i = 0; i < n; i++) {
            if (misfitFlag[i] >= 0 && rs.getInt(flagBase + misfitFlag[i]) == 0) {
                Object raw = raw(rs, first + i);
                String reason = "does not fit " + table.columns().get(i).type().sql();
                if (Problem.NULL.equals(misfitAction[i])) {
                    replaced[i] = true;
                    values[i] = null;
                    pending.add(change(rs, first, rowid, i, raw, Problem.NULL, reason, null));
                } else {
                    rejected = true;
                    pending.add(change(rs, first, rowid, i, raw, Problem.REJECT, reason, null));
                }
                continue;
            }
            if (unsafeAction[i] != null && rs.getObject(first + i) instanceof String) {
                byte[] b = rs.getBytes(first + i);
                if (!Utf8.safe(b)) {
                    String reason = "text with a NUL byte or bytes that are not UTF-8";
                    if (Problem.REPAIR.equals(unsafeAction[i])) {
                        replaced[i] = true;
                        values[i] = Utf8.repair(b);
                        pending.add(change(rs, first, rowid, i, shown(b), Problem.REPAIR, reason, values[i]));
                    } else {
                        rejected = true;
                        pending.add(change(rs, first, rowid, i, shown(b), Problem.REJECT, reason, null));
                    }
                }
            }
        }
        if (rejected) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                row.put(table.columns().get(i).source().name(), raw(rs, first + i));
            }
            for (Change c : pending) {
                if (c.action().equals(Problem.REJECT)) {
                    sink.accept(new Change(c.table(), c.key(), c.column(), c.value(), c.action(), c.reason(), row, null));
                }
            }
            return false;
        }
        pending.forEach(sink);
        return true;
    }

    public boolean replaced(int column) {
        return replaced[column];
    }

    public Object value(int column) {
        return values[column];
    }

    private Change change(ResultSet rs, int first, long rowid, int i, Object raw, String action, String reason, Object storedAs)
            throws SQLException {
        Map<String, Object> key = new LinkedHashMap<>();
        for (int k : keyColumns) {
            key.put(table.columns().get(k).source().name(), raw(rs, first + k));
        }
        if (key.isEmpty()) {
            key.put("rowid", rowid);
        }
        return new Change(table.source().name(), key, table.columns().get(i).source().name(), raw, action, reason, null, storedAs);
    }

    /**
     * A value as SQLite stored it, fit for JSON: numbers as they are, text when it is safe text,
     * else "\\x.." shown bytes; blobs as {"hex": ...}.
     */
    private static Object raw(ResultSet rs, int index) throws SQLException {
        Object v = rs.getObject(index);
        if (v instanceof String) {
            byte[] b = rs.getBytes(index);
            return Utf8.safe(b) ? v : shown(b);
        }
        if (v instanceof byte[] b) {
            return Map.of("hex", HexFormat.of().formatHex(b));
        }
        return v;
    }

    private static Object shown(byte[] b) {
        return Map.of("text", Utf8.show(b), "hex", HexFormat.of().formatHex(b));
    }

    /**
     * A value read for a column of the given type: as {@link ResultSet#getObject}, except text going
     * into bytea, read as the bytes SQLite stored (a Java string would have replaced what is not UTF-8).
     */
    public static Object read(ResultSet rs, int index, PgType.Kind kind) throws SQLException {
        Object v = rs.getObject(index);
        return kind == PgType.Kind.BYTEA && v instanceof String ? rs.getBytes(index) : v;
    }

    private static int indexOf(TablePlan t, String name) {
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).source().name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
