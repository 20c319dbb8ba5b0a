package dev.ferry.sqlite;

import dev.ferry.schema.Column;
import dev.ferry.schema.Table;
import dev.ferry.sqlite.Profiler.Agg;
import dev.ferry.sqlite.Profiler.Ask;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scan a table's planning starts with, and for most tables the only one: reading a big table
 * costs seconds, so every question about its columns is asked in it at once.
 *
 * <p>Most columns hold the storage class their declared type makes likely (SQLite converts values
 * to it on the way in). For those, one test per row says whether every column conforms, and the
 * scan answers each column's first open question (a type rule's test) beside it. Columns with no
 * likely class get their storage classes counted; text columns are checked for text PostgreSQL
 * cannot store. Only what surprises (a column of several storage classes, unclean text) costs
 * further scans.
 */
final class FirstScan {

    private final Profiler profiler;
    private final Table table;
    private final List<Ask> asks;
    private final List<Agg> aggs = new ArrayList<>(List.of(Agg.sum("count(*)")));
    /** Where each column's aggregates start. */
    private final int[] at;
    /** The columns whose presumed class the one test of all columns checks. */
    private final List<Integer> classChecked = new ArrayList<>();
    /** The columns whose text is checked in bulk in this scan. */
    private final List<Integer> bulk = new ArrayList<>();
    private int conformAt;
    private int bulkAt;

    private FirstScan(Profiler profiler, Table table, List<Ask> asks) {
        this.profiler = profiler;
        this.table = table;
        this.asks = asks;
        this.at = new int[asks.size()];
    }

    static Profiler.FirstScanResult run(Profiler profiler, Table table, List<Ask> asks) throws SQLException {
        FirstScan s = new FirstScan(profiler, table, asks);
        s.ask();
        Object[] r = profiler.aggregate(table, s.aggs);
        if ((Long) r[s.conformAt] > 0) {
            s.recountClasses(r);
        }
        long rows = (Long) r[0];
        ColumnProfile[] profiles = s.profiles(r, rows);
        long[] unsafe = s.unsafe(r, profiles);
        List<Profiler.Found> out = new ArrayList<>();
        for (int i = 0; i < asks.size(); i++) {
            boolean conformed = asks.get(i).presumed() != null && (Long) r[s.at[i] + 1] == 0;
            // a first question asked of a column that held other classes was asked of the wrong candidates
            Long misfits = conformed && asks.get(i).question() != null ? (Long) r[s.at[i] + 4] : null;
            out.add(new Profiler.Found(profiles[i], misfits, unsafe[i]));
        }
        return new Profiler.FirstScanResult(rows, out);
    }

    /** Lists the scan's aggregates: per column, then the class test of all columns, then the bulk text checks. */
    private void ask() {
        // whether each column holds only its presumed class, asked of all columns at once (SQLite's
        // typeof costs; one test per row instead of one per column)
        List<String> conforms = new ArrayList<>();
        for (int i = 0; i < asks.size(); i++) {
            Ask a = asks.get(i);
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
            aggs.add(Agg.sum("0")); // values of another class: see recountClasses
            if (!rowid) {
                String test = classTest(q, a.presumed());
                conforms.add(c.notNull() ? test : "(" + q + " IS NULL OR " + test + ")");
                classChecked.add(i);
            }
            aggs.add(new Agg(Agg.Merge.MIN, a.range() ? "min(" + q + ")" : "NULL"));
            aggs.add(new Agg(Agg.Merge.MAX, a.range() ? "max(" + q + ")" : "NULL"));
            aggs.add(a.question() == null ? Agg.sum("0") : Profiler.misfits(c.name(), a.question()));
        }
        conformAt = aggs.size();
        aggs.add(Agg.sum(conforms.isEmpty() ? "0" : "sum(NOT (" + String.join(" AND ", conforms) + "))"));
        // columns presumed to hold text are checked for text PostgreSQL cannot store in the same scan
        // (the bulk check needs rowid ranges to keep its joined text small)
        bulkAt = aggs.size();
        for (int i = 0; i < asks.size(); i++) {
            if (table.rowidName() != null && asks.get(i).checkText() && "text".equals(asks.get(i).presumed())) {
                bulk.add(i);
                aggs.add(Profiler.bulkText(asks.get(i).column(), false));
            }
        }
    }

    /** Some column surprised: a second scan says which ones, and how many values of another class each holds. */
    private void recountClasses(Object[] r) throws SQLException {
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

    /** Each column's profile; a column of several storage classes has each counted in one more scan. */
    private ColumnProfile[] profiles(Object[] r, long rows) throws SQLException {
        ColumnProfile[] profiles = new ColumnProfile[asks.size()];
        List<Column> mixed = new ArrayList<>();
        for (int i = 0; i < asks.size(); i++) {
            Ask a = asks.get(i);
            if (a.presumed() == null) {
                profiles[i] = Profiler.storageProfile(r, at[i], rows);
            } else if ((Long) r[at[i] + 1] == 0) {
                // (min and max stay null where no rule looks at them: "within range" then holds)
                profiles[i] = Profiler.oneClass(a.presumed(), rows, (Long) r[at[i]], (Long) r[at[i] + 2], (Long) r[at[i] + 3]);
            }
            if (profiles[i] == null) {
                mixed.add(a.column());
            }
        }
        Map<String, ColumnProfile> detailed = profiler.detailed(table, mixed, rows);
        for (int i = 0; i < asks.size(); i++) {
            if (profiles[i] == null) {
                profiles[i] = detailed.get(asks.get(i).column().name());
            }
        }
        return profiles;
    }

    /**
     * How many text values of each column asked PostgreSQL's text cannot store: counted value by value
     * where the bulk check found any; the other columns holding text are checked now, in one scan.
     */
    private long[] unsafe(Object[] r, ColumnProfile[] profiles) throws SQLException {
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
        long[] found = profiler.unsafeText(table, early, c -> profiles[earlyAt.get(early.indexOf(c))].blobs() > 0);
        for (int k = 0; k < early.size(); k++) {
            unsafe[earlyAt.get(k)] = found[k];
        }
        return unsafe;
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
