package dev.ferry.run;

import dev.ferry.plan.TablePlan;
import dev.ferry.schema.Table;
import dev.ferry.sqlite.SqliteSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A piece of work for the copy phase: a whole table, or a rowid range of a large one so that a
 * single big table still keeps every core busy. Parts of one table share its {@link CopyProgress}.
 * Rows are read in rowid order, so "everything up to the last committed rowid" is exactly what a
 * resumed part may skip.
 *
 * @param from       first rowid of the range; null (with {@code to}) for the whole table
 * @param rowid      the name that reads the rowid (one no column hides), or null when the table has
 *                   none (WITHOUT ROWID): such a table is one part, recopied whole when interrupted
 * @param after      rowid of the last row an earlier attempt committed, else null
 * @param rowsBefore rows earlier attempts committed
 * @param done       an earlier attempt finished this part
 */
record CopyPart(TablePlan table, Long from, Long to, String rowid, CopyProgress progress, Long after, long rowsBefore,
                boolean done) {

    private static final long SPLIT_ROWS = 400_000;

    /** Splits the tables of a new run into parts, largest first. */
    static List<CopyPart> plan(List<TablePlan> tables, SqliteSource source, int jobs) {
        List<CopyPart> out = new ArrayList<>();
        for (TablePlan t : tables) {
            String rowid = rowidName(t.source());
            List<long[]> ranges = ranges(t, rowid, source, jobs);
            CopyProgress p = new CopyProgress(t, Math.max(1, ranges.size()), 0, false);
            if (ranges.isEmpty()) {
                out.add(new CopyPart(t, null, null, rowid, p, null, 0, false));
            }
            ranges.forEach(r -> out.add(new CopyPart(t, r[0], r[1], rowid, p, null, 0, false)));
        }
        return largestFirst(out);
    }

    /** The parts of a resumed run, exactly as the journal recorded them. */
    static List<CopyPart> resume(List<TablePlan> tables, List<PartJournal.PartState> states) {
        Map<String, List<PartJournal.PartState>> byTable = states.stream()
                .collect(Collectors.groupingBy(PartJournal.PartState::table));
        List<CopyPart> out = new ArrayList<>();
        for (TablePlan t : tables) {
            List<PartJournal.PartState> mine = byTable.getOrDefault(t.target(), List.of());
            if (mine.isEmpty()) {
                throw new IllegalStateException("the journal has no progress for table " + t.target());
            }
            long before = mine.stream().mapToLong(PartJournal.PartState::rows).sum();
            boolean resumed = mine.stream().anyMatch(s -> s.rows() > 0 || s.done());
            CopyProgress p = new CopyProgress(t, mine.size(), before, resumed);
            String rowid = rowidName(t.source());
            mine.forEach(s -> out.add(new CopyPart(t, s.from(), s.to(), rowid, p, s.lastRowid(), s.rows(), s.done())));
        }
        return largestFirst(out);
    }

    /** The journal's name for the part: its condition on the rowid, or "" for the whole table. */
    String part() {
        return from == null ? "" : rowid + " BETWEEN " + from + " AND " + to;
    }

    /** Reads the rowid first (when there is one), then the columns, in rowid order: a rowid table's natural order. */
    String select() {
        List<String> where = new ArrayList<>();
        if (from != null) {
            where.add(part());
        }
        if (after != null && rowid != null) {
            where.add(rowid + " > " + after);
        }
        List<String> list = new ArrayList<>(table.columns().stream().map(c -> SqliteSource.quote(c.source().name())).toList());
        list.addAll(dev.ferry.plan.RowFixer.flagSql(table));
        String guard = dev.ferry.plan.SampleGuard.sql(table);
        if (guard != null) {
            list.add(guard); // last: see TableCopier#attempt
        }
        String cols = String.join(", ", list);
        return "SELECT " + (rowid == null ? "" : rowid + ", ") + cols + " FROM " + SqliteSource.quote(table.source().name())
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + (rowid == null ? "" : " ORDER BY " + rowid);
    }

    /** SQLite's three names for the rowid; a column of the same name hides it, so pick one no column has. */
    static String rowidName(Table t) {
        return t.rowidName();
    }

    private static List<long[]> ranges(TablePlan t, String rowid, SqliteSource source, int jobs) {
        if (jobs < 2 || t.rows() < SPLIT_ROWS || rowid == null) {
            return List.of();
        }
        try (Connection c = source.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT min(" + rowid + "), max(" + rowid + ") FROM " + SqliteSource.quote(t.source().name()))) {
            rs.next();
            long lo = rs.getLong(1), hi = rs.getLong(2);
            // (each bound divided first: hi - lo overflows for rowids across the whole 64-bit range)
            long step = Math.max(1, hi / jobs - lo / jobs);
            List<long[]> out = new ArrayList<>();
            for (long start = lo; ; ) {
                long last = start + (step - 1);
                if (last < start || last >= hi) { // past the end, or past Long.MAX_VALUE
                    out.add(new long[] {start, hi});
                    return out;
                }
                out.add(new long[] {start, last});
                start = last + 1;
            }
        } catch (SQLException e) {
            return List.of(); // no split: the table is still copied whole
        }
    }

    private static List<CopyPart> largestFirst(List<CopyPart> parts) {
        List<CopyPart> out = new ArrayList<>(parts);
        out.sort(Comparator.comparingLong((CopyPart p) -> p.table().rows() / p.progress().parts).reversed());
        return out;
    }
}
