package dev.ferry.verify;

/**
 * Two counts drawn as two bars on one scale, SQLite's above PostgreSQL's, as the wizard's Results
 * page and the HTML report both draw them: the longer bar fills its track, and when the counts are
 * the same the bars end at the same place. SQLite's bar may end in a segment of rows the user chose
 * to set aside. The wizard and the report compute lengths here, so both pictures say the same thing.
 *
 * @param sent     the SQLite bar's first segment (rows sent to PostgreSQL), as a share of the track
 * @param setAside the SQLite bar's last segment (rows set aside), as a share of the track
 * @param arrived  the PostgreSQL bar, as a share of the track
 */
public record Bars(double sent, double setAside, double arrived) {

    /**
     * The least share a count above zero is drawn with: 2 rows set aside out of a million are still
     * a visible segment, and 1 row that arrived is never an empty track.
     */
    public static final double VISIBLE = 0.02;

    /** What the checksums say about a table. */
    public enum Checksum { SAME, DIFFER, NOT_CHECKED }

    /** Bars for {@code sent} rows sent and {@code setAside} set aside in SQLite, and {@code arrived} rows in PostgreSQL. */
    public static Bars of(long sent, long setAside, long arrived) {
        sent = Math.max(0, sent);
        setAside = Math.max(0, setAside);
        arrived = Math.max(0, arrived);
        long longest = Math.max(sent + setAside, arrived);
        if (longest == 0) {
            return new Bars(0, 0, 0);
        }
        // one scale for sent and arrived, so equal counts line up; a thin set-aside segment is
        // widened to VISIBLE and the scale gives way to it rather than the segment vanishing
        double scale = longest; // the count that fills the track
        double aside = setAside / scale;
        if (setAside > 0 && aside < VISIBLE) {
            aside = VISIBLE;
            scale = Math.max(sent / (1 - VISIBLE), arrived);
        }
        return new Bars(visible(sent, sent / scale), aside, visible(arrived, arrived / scale));
    }

    /** A table's bars: every SQLite row, those set aside at the end of SQLite's bar. */
    public static Bars of(TableCheck t) {
        return of(t.sourceRows(), t.rejected(), t.targetRows());
    }

    /** A table's bars as the report records them. */
    public static Bars of(RunReport.TableEntry t) {
        return of(t.rows().source() - t.rows().rejected(), t.rows().rejected(), t.rows().target());
    }

    /** A view's bars: the rows it returned on each side; none when its proof counted no rows. */
    public static Bars of(Proof p) {
        return counted(p) ? of(p.sqliteRows(), 0, p.postgresRows()) : null;
    }

    /** Whether a proof counted rows on both sides (a view's does; a trigger's, or one that failed, does not). */
    public static boolean counted(Proof p) {
        return p != null && p.sqliteRows() != null && p.postgresRows() != null;
    }

    public static Checksum checksum(TableCheck t) {
        return t.checksumMatch() ? Checksum.SAME : Checksum.DIFFER;
    }

    /** A report read back may lack the fingerprints (an older or hand-made one): then nothing was checked. */
    public static Checksum checksum(RunReport.Checksum c) {
        if (c == null) {
            return Checksum.NOT_CHECKED;
        }
        if (c.match()) {
            return Checksum.SAME;
        }
        return c.source() == null || c.target() == null ? Checksum.NOT_CHECKED : Checksum.DIFFER;
    }

    /** A share as a CSS width, with a point for a decimal separator whatever the machine's language. */
    public static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.2f%%", share * 100);
    }

    private static double visible(long count, double share) {
        return count > 0 ? Math.min(1, Math.max(share, VISIBLE)) : 0;
    }
}
