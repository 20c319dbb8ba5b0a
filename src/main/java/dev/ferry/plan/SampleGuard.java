package dev.ferry.plan;

import dev.ferry.sqlite.SqliteSource;

/**
 * The copy's check of a table planned from a sample (see {@link TablePlan#guards}): one select
 * expression SQLite works out beside the row's values, so every value is checked on the copy's own
 * read of it and one number per row crosses into Java.
 */
public final class SampleGuard {

    private SampleGuard() {
    }

    /**
     * Whether a date-time column's commonest shape is checked in Java: text of 19 characters fits
     * the timestamp rule exactly when the copy's byte reader takes it ("YYYY-MM-DD HH:MM:SS" or with
     * a T, a real date, an hour below 24) and its year is not 0000 (see IsoTime#plainMicros), so
     * SQLite checks only that it is text and tests the other shapes in full.
     */
    public static boolean isoShortcut(ColumnPlan c, ColumnGuard guard) {
        return guard != null && guard.classes() == null && c.isoTimestampText() && c.rule() != null
                && c.rule().name().equals("timestamp") && c.rule().valueSql(c.source(), "{c}").equals(guard.test());
    }

    /** The deepest nesting SQLite's json_valid takes (1,001 levels it refuses; {@code JsonGuardTest} asks SQLite). */
    public static final int SQLITE_JSON_DEPTH = 1_000;

    /**
     * Whether column {@code i}'s JSON is checked in Java rather than by SQLite: a jsonb column
     * planned by the "json" rule, read as its bytes, of a table with a rowid. SQLite then checks
     * only that the value is text; the copy parses every JSON value anyway (the checksum hashes the
     * text jsonb prints), and a value that parse takes, nested no deeper than json_valid allows,
     * passes the rule's test. Any other value (rare) is tested by SQLite with the rule's own test,
     * on that row read again by its rowid ({@link #rowSql}), so no decision changes.
     */
    public static boolean jsonInJava(TablePlan t, int i) {
        ColumnGuard g = t.sampled() ? t.guards().get(i) : null;
        ColumnPlan c = t.columns().get(i);
        return g != null && g.classes() == null && c.rule() != null && c.rule().name().equals("json") && c.fix() == null
                && c.copied() && c.textAsBytes() && t.source().rowidName() != null
                && c.rule().valueSql(c.source(), "{c}").equals(g.test());
    }

    /** SQLite's full test of column {@code i}'s guard on one row, the rowid as the one parameter: 1 when the value fits. */
    public static String rowSql(TablePlan t, int i) {
        String q = SqliteSource.quote(t.columns().get(i).source().name());
        return "SELECT CASE WHEN " + q + " IS NULL OR (" + t.guards().get(i).sql().replace("{c}", q) + ") THEN 1 ELSE 0 END FROM "
                + SqliteSource.quote(t.source().name()) + " WHERE " + t.source().rowidName() + " = ?";
    }

    /**
     * 0 when every value of the row passes its column's guard, else the 1-based position of the
     * first column whose value does not; null when the table has nothing to check.
     */
    public static String sql(TablePlan t) {
        if (!t.sampled()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("CASE");
        boolean any = false;
        for (int i = 0; i < t.columns().size(); i++) {
            ColumnGuard g = t.guards().get(i);
            ColumnPlan c = t.columns().get(i);
            if (g != null && ValueGuard.of(c, g) == null) {
                String q = SqliteSource.quote(c.source().name());
                String test = isoShortcut(c, g) ? "typeof({c}) = 'text' AND (length({c}) = 19 OR " + g.test() + ")"
                        : jsonInJava(t, i) ? "typeof({c}) = 'text'" : g.sql();
                // the test as a CASE condition: SQLite stops at the first AND or OR that settles it only
                // there (as a value it works out both sides), and NULL counts as not fitting
                sb.append(" WHEN ").append(q).append(" IS NOT NULL AND NOT CASE WHEN ").append(test.replace("{c}", q))
                        .append(" THEN 1 ELSE 0 END THEN ").append(i + 1);
                any = true;
            }
        }
        return any ? sb.append(" ELSE 0 END").toString() : null;
    }
}
