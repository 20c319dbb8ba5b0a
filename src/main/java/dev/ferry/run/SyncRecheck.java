package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.plan.TablePlan;
import dev.ferry.plan.TypePlanner;
import dev.ferry.sqlite.ColumnProfile;
import dev.ferry.sqlite.SqliteSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * When the sync plans from the migrate's decisions ({@link PlanRecord}) instead of profiling the
 * file again, the rows written since are the only ones those decisions were not made for: each of
 * them is checked here, in SQLite, before anything is written. A value must be of a storage class
 * the column held at the migrate (or its declared type suggests), fit the rule that chose the
 * column's type (unless the column's fix takes care of misfits), lie in an integer type's range,
 * and be text PostgreSQL can store. One that does not stops the sync in plain words.
 */
final class SyncRecheck {

    private static final int BATCH = 5_000; // rowids per SELECT ... WHERE rowid IN (...)

    private SyncRecheck() {
    }

    /** Checks the rows with these rowids (null: every row, for a table replaced whole); throws on the first misfit. */
    static void check(TablePlan t, long[] rowids, SqliteSource source) {
        List<String> tests = new ArrayList<>();
        List<ColumnPlan> tested = new ArrayList<>();
        for (ColumnPlan c : t.columns()) {
            String test = fits(c);
            if (c.copied() && test != null) {
                tests.add(test);
                tested.add(c);
            }
        }
        if (tests.isEmpty() || rowids != null && rowids.length == 0) {
            return;
        }
        StringBuilder which = new StringBuilder("CASE");
        for (int i = 0; i < tests.size(); i++) {
            which.append(" WHEN NOT coalesce((").append(tests.get(i)).append("), 0) THEN ").append(i);
        }
        which.append(" END");
        String rowid = t.source().rowidName();
        String from = " FROM " + SqliteSource.quote(t.source().name());
        List<String> wheres = new ArrayList<>();
        if (rowids == null || rowid == null) {
            wheres.add("");
        } else {
            long[] sorted = rowids.clone();
            Arrays.sort(sorted);
            for (int at = 0; at < sorted.length; at += BATCH) {
                wheres.add(" WHERE " + rowid + " IN (" + Arrays.stream(sorted, at, Math.min(sorted.length, at + BATCH))
                        .mapToObj(Long::toString).collect(Collectors.joining(",")) + ")");
            }
        }
        try (Connection c = source.connect(); Statement s = c.createStatement()) {
            for (String where : wheres) {
                String columns = tested.stream().map(col -> "quote(" + SqliteSource.quote(col.source().name()) + ")")
                        .collect(Collectors.joining(", "));
                String sql = "SELECT * FROM (SELECT " + which + " AS ferry_misfit, " + columns + from + where
                        + ") WHERE ferry_misfit IS NOT NULL LIMIT 1";
                try (ResultSet rs = s.executeQuery(sql)) {
                    if (rs.next()) {
                        int i = rs.getInt(1);
                        throw misfit(t, tested.get(i), rs.getString(i + 2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.SOURCE, "Ferry could not read table " + t.source().name()
                    + " from the SQLite file to check its new rows.", "See the details; nothing was changed.", e);
        }
    }

    /** A SQLite test, true when a value fits the column as the migrate decided it; null when any value does. */
    static String fits(ColumnPlan c) {
        String q = SqliteSource.quote(c.source().name());
        List<String> all = new ArrayList<>();
        ColumnProfile p = c.profile();
        if (p != null) {
            List<String> classes = new ArrayList<>(List.of("'null'"));
            String presumed = TypePlanner.presumedClass(c.source());
            for (String cls : List.of("integer", "real", "text", "blob")) {
                if (cls.equals(presumed) || count(p, cls) > 0) {
                    classes.add("'" + cls + "'");
                }
            }
            if (classes.size() < 5) {
                all.add("typeof(" + q + ") IN (" + String.join(", ", classes) + ")");
            }
        }
        boolean fixed = c.fix() != null && c.fix().fitSql() != null;
        if (c.rule() != null && !fixed && c.rule().valueSql().apply(c.source()) != null) {
            all.add(q + " IS NULL OR " + c.rule().valueSql(c.source(), q));
        }
        long[] range = switch (c.type().kind()) {
            case SMALLINT -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
            case INTEGER -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
            default -> null;
        };
        if (range != null) {
            all.add("typeof(" + q + ") <> 'integer' OR " + q + " BETWEEN " + range[0] + " AND " + range[1]);
        }
        boolean text = c.type().kind() == PgType.Kind.TEXT || c.type().kind() == PgType.Kind.VARCHAR
                || c.type().kind() == PgType.Kind.JSONB;
        if (text && (c.fix() == null || c.fix().unsafeAction() == null)) {
            all.add("NOT " + SqliteSource.unsafeTextSql(q));
        }
        return all.isEmpty() ? null : all.stream().map(x -> "(" + x + ")").collect(Collectors.joining(" AND "));
    }

    private static long count(ColumnProfile p, String cls) {
        return switch (cls) {
            case "integer" -> p.integers();
            case "real" -> p.reals();
            case "text" -> p.texts();
            default -> p.blobs();
        };
    }

    private static FerryException misfit(TablePlan t, ColumnPlan c, String value) {
        String shown = value == null ? "NULL" : value.length() > 60 ? value.substring(0, 60) + "..." : value;
        return new FerryException(FerryException.Kind.USAGE, "Column " + t.source().name() + "." + c.source().name()
                + " now holds a value the migration did not plan for (" + shown + "): its PostgreSQL column is "
                + c.type().sql() + ", chosen for the values it held then. Nothing was changed.", "Migrate again "
                + "(--if-exists replace), so Ferry chooses the column's type for the data as it is now, or fix the "
                + "value in SQLite and sync again.").tagged("sync-misfit");
    }
}
