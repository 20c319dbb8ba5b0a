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
                String test = isoShortcut(c, g) ? "typeof({c}) = 'text' AND (length({c}) = 19 OR " + g.test() + ")" : g.sql();
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
