package dev.ferry.sqlite;

import dev.ferry.schema.Column;
import dev.ferry.schema.Table;
import dev.ferry.sqlite.Profiler.Agg;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The scan a table's planning starts with, and for most tables the only one: reading a big table
 * costs seconds, so every question about its columns is asked in it at once.
 *
 * <p>Most columns hold the storage class their declared type makes likely (SQLite converts values
 * to it on the way in). For those, one test per row says whether every column conforms, and the
 * scan answers each column's first open question (a type rule's test) beside it. Columns with no
 * likely class get their storage classes counted; text columns are checked for text PostgreSQL
 * cannot store. Only columns that surprise (several storage classes, unclean text) cost further scans.
 */
final class FirstScan {

    private FirstScan() {
    }

    static Profiler.FirstScanResult run(Profiler profiler, Table table, List<Profiler.Ask> asks) throws SQLException {
        List<Agg> aggs = new ArrayList<>(List.of(Agg.sum("count(*)")));
        int[] at = new int[asks.size()];
        // whether each column holds only its presumed class, asked of all columns at once (SQLite's
        // typeof costs; one test per row instead of one per column)
        List<String> conforms = new ArrayList<>();
        List<Integer> classChecked = new ArrayList<>();
        for (int i = 0; i < asks.size(); i++) {
            Profiler.Ask a = asks.get(i);
            Column c = a.column();
            String q = SqliteSource.quote(c.name());
            at[i] = aggs.size();
            if (a.presumed() == null) {
                aggs.addAll(Profiler.storageAggs(c));
                continue;
            }
            // the rowid alias can only hold integers and is never NULL: SQLite enforces it, as it
            // enforces NOT NULL (which the class test below trusts too)
            boolean rowid = c.name().equals(table.rowidAlias());
            aggs.add(Agg.sum(rowid || c.notNull() ? "count(*)" : "count(" + q + ")"));
            aggs.add(Agg.sum("0")); // values of another class: see the one test of all columns below
            if (!rowid) {
                String test = classTest(q, a.presumed());
                conforms.add(c.notNull() ? test : "(" + q + " IS NULL OR " + test + ")");
                classChecked.add(i);
            }
            aggs.add(new Agg(Agg.Merge.MIN, a.range() ? "min(" + q + ")" : "NULL"));
            aggs.add(new Agg(Agg.Merge.MAX, a.range() ? "max(" + q + ")" : "NULL"));
            aggs.add(a.question() == null ? Agg.sum("0") : Profiler.misfits(c.name(), a.question()));
        }
        int conformAt = aggs.size();
        aggs.add(Agg.sum(conforms.isEmpty() ? "0" : "sum(NOT (" + String.join(" AND ", conforms) + "))"));
        // columns presumed to hold text are checked for text PostgreSQL cannot store in the same scan
        int bulkAt = aggs.size();
        List<Integer> bulk = new ArrayList<>();
        for (int i = 0; i < asks.size(); i++) {
            if (table.rowidName() != null && asks.get(i).checkText() && "text".equals(asks.get(i).presumed())) {
                bulk.add(i);
                aggs.add(Profiler.bulkText(asks.get(i).column(), false));
            }
        }
        Object[] r = profiler.aggregate(table, aggs);
        long rows = (Long) r[0];
        if ((Long) r[conformAt] > 0) { // some column surprises: which ones, and how many values each
            List<Agg> each = new ArrayList<>();
            for (int i : classChecked) {
                each.add(Agg.sum("sum(typeof(" + SqliteSource.quote(asks.get(i).column().name()) + ") NOT IN ('null', '"
                        + asks.get(i).presumed() + "'))"));
            }
            Object[] counts = profiler.aggregate(table, each);
            for (int k = 0; k < classChecked.size(); k++) {
                r[at[classChecked.get(k)] + 1] = counts[k];
            }
        }
        ColumnProfile[] profiles = new ColumnProfile[asks.size()];
        Long[] misfits = new Long[asks.size()];
        List<Column> mixed = new ArrayList<>();
        for (int i = 0; i < asks.size(); i++) {
            Profiler.Ask a = asks.get(i);
            if (a.presumed() == null) {
                profiles[i] = Profiler.storageProfile(r, at[i], rows);
            } else if ((Long) r[at[i] + 1] == 0) {
                // (min and max stay null where no rule looks at them: "within range" then holds)
                profiles[i] = Profiler.oneClass(a.presumed(), rows, (Long) r[at[i]], (Long) r[at[i] + 2], (Long) r[at[i] + 3]);
                misfits[i] = a.question() == null ? null : (Long) r[at[i] + 4];
            }
            if (profiles[i] == null) {
                mixed.add(a.column());
            }
        }
        var detailed = profiler.detailed(table, mixed, rows);
        for (int i = 0; i < asks.size(); i++) {
            if (profiles[i] == null) {
                profiles[i] = detailed.get(asks.get(i).column().name());
            }
        }
        // text found by the bulk check is counted value by value; other columns holding text are checked now
        long[] unsafe = new long[asks.size()];
        List<Column> early = new ArrayList<>();
        List<Integer> earlyAt = new ArrayList<>();
        for (int i = 0; i < asks.size(); i++) {
            int inBulk = bulk.indexOf(i);
            if (inBulk >= 0) {
                unsafe[i] = (Long) r[bulkAt + inBulk] > 0 ? profiler.countUnsafe(table, asks.get(i).column()) : 0;
            } else if (asks.get(i).checkText() && profiles[i].texts() > 0) {
                early.add(asks.get(i).column());
                earlyAt.add(i);
            }
        }
        List<Column> withBlobs = new ArrayList<>();
        for (int k = 0; k < early.size(); k++) {
            if (profiles[earlyAt.get(k)].blobs() > 0) {
                withBlobs.add(early.get(k));
            }
        }
        long[] found = profiler.unsafeText(table, early, withBlobs::contains);
        for (int k = 0; k < early.size(); k++) {
            unsafe[earlyAt.get(k)] = found[k];
        }
        List<Profiler.Found> out = new ArrayList<>();
        for (int i = 0; i < asks.size(); i++) {
            out.add(new Profiler.Found(profiles[i], misfits[i], unsafe[i]));
        }
        return new Profiler.FirstScanResult(rows, out);
    }

    /**
     * True when a non-null value of a column of this class's affinity holds that storage class: the
     * same answer as {@code typeof(q) = cls} for such a column, in comparisons SQLite evaluates
     * without a function call (about half the cost over a large table). SQLite orders numbers
     * before text before blobs; an INTEGER or NUMERIC column turns a whole real into an integer,
     * so a real left in it is never equal to its integer cast, and a REAL column turns integers
     * into reals. COLLATE BINARY keeps a column's own collation (perhaps one only its app has)
     * out of it.
     */
    static String classTest(String q, String cls) {
        String v = q + " COLLATE BINARY";
        return switch (cls) {
            case "integer" -> "(" + v + " = CAST(" + q + " AS INTEGER))";
            case "real" -> "(" + v + " < '')";
            case "text" -> "(" + v + " >= '' AND " + v + " < x'')";
            case "blob" -> "(" + v + " >= x'')";
            default -> "(typeof(" + q + ") = '" + cls + "')";
        };
    }
}
