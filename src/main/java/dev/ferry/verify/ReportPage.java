package dev.ferry.verify;

import dev.ferry.postgres.TargetAddress;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What the HTML page says beyond the report's own fields: the verdict in a sentence, numbers as
 * people read them, a word and a mark for each status. The template (src/main/jte/report.jte)
 * holds the markup; the wording it computes lives here, where a test can reach it.
 *
 * @param css     the page's stylesheet, inlined so the page stays one file
 * @param written when the page was written, shown in the page
 */
record ReportPage(RunReport report, String css, ZonedDateTime written) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm '(UTC'xxx')'", Locale.ENGLISH);

    /** The tables whose rows or checksum differ. */
    List<String> differing() {
        return report.tables().stream().filter(t -> !t.checksum().match()).map(RunReport.TableEntry::source).toList();
    }

    /** Every table checked and every one the same. */
    boolean ok() {
        return differing().isEmpty() && "done".equals(report.status());
    }

    /** The verdict, in one sentence. */
    String sentence() {
        List<String> differing = differing();
        if (!differing.isEmpty()) {
            return (differing.size() == 1 ? "One table differs: " : "Some tables differ: ") + String.join(", ", differing) + ".";
        }
        return ok() ? "Every table arrived: row counts and checksums match."
                : "The run ended as “" + report.status() + "”: not every table was checked.";
    }

    /** What the verdict means. */
    String detail() {
        int differing = differing().size();
        if (differing == 1) {
            return "Its row count or checksum in PostgreSQL is not the same as in SQLite. Those tables are marked ✗ below.";
        } else if (differing > 1) {
            return "Their row counts or checksums in PostgreSQL are not the same as in SQLite. They are marked ✗ below.";
        }
        return ok() ? "Each table in PostgreSQL has the same number of rows and the same data as in SQLite."
                : "The tables below are the ones Ferry could compare.";
    }

    /** The SQLite file's name, for the page's title. */
    String fileName() {
        String path = report.source();
        return path == null ? "" : path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    /** The address as the report has it; redacted once more, so a password never reaches the page. */
    String target() {
        return report.target() == null ? null : TargetAddress.redact(report.target());
    }

    String took() {
        double seconds = report.seconds();
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f seconds", seconds);
        }
        long s = Math.round(seconds);
        return s / 3600 > 0 ? String.format(Locale.ROOT, "%d h %02d min %02d s", s / 3600, s % 3600 / 60, s % 60)
                : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }

    String when() {
        return WHEN.format(written);
    }

    long sqliteRows() {
        return report.tables().stream().mapToLong(t -> t.rows().source()).sum();
    }

    long postgresRows() {
        return report.tables().stream().mapToLong(t -> t.rows().target()).sum();
    }

    /** A table's columns; none when the plan did not know the table. */
    static List<RunReport.ColumnEntry> columns(RunReport.TableEntry t) {
        return t.columns() == null ? List.of() : t.columns();
    }

    /** The rows sent to PostgreSQL: every SQLite row but those the user chose to reject. */
    static long sent(RunReport.TableEntry t) {
        return t.rows().source() - t.rows().rejected();
    }

    /** A table's mark in the picture: ✓ when its rows and checksum match, ✗ when not. */
    static String state(RunReport.TableEntry t) {
        return t.checksum().match() ? "ok" : "bad";
    }

    /** A table's verdict in the picture: the counts, then the checksum, in words. */
    static String verdict(RunReport.TableEntry t) {
        long diff = t.rows().target() - sent(t);
        String rows = diff == 0 ? t.rows().rejected() == 0 ? "same rows" : "every other row arrived"
                : num(Math.abs(diff)) + (diff < 0 ? " fewer" : " more") + " in PostgreSQL";
        return rows + " · " + switch (Bars.checksum(t.checksum())) {
            case SAME -> "same checksum";
            case DIFFER -> "checksums differ";
            case NOT_CHECKED -> "not checked";
        };
    }

    /** SQLite's count beside its bar: every row, and how many of them were set aside. */
    static String sqliteWords(RunReport.TableEntry t) {
        return count(t.rows().source(), "row") + (t.rows().rejected() == 0 ? "" : ", " + num(t.rows().rejected()) + " set aside");
    }

    /** A view's mark in the picture, from its status and its proof. */
    static String state(Report.Item i) {
        if ("failed".equals(i.status()) || "created-differs".equals(i.status()) || i.proof() != null && i.proof().differs()) {
            return "bad";
        }
        return "created".equals(i.status()) && (i.proof() == null || Proof.PROVEN.equals(i.proof().result())) ? "ok" : "warn";
    }

    /** A proof's verdict beside its mark. */
    static String proofWords(Proof p) {
        return switch (p.result()) {
            case Proof.PROVEN -> "✓ proven";
            case Proof.DIFFERS -> "✗ differs";
            default -> "– not proven";
        };
    }

    /** The mark of a state, beside its colour. */
    static String mark(String state) {
        return switch (state) {
            case "ok" -> "✓";
            case "bad" -> "✗";
            default -> "⚠";
        };
    }

    /** A share of a bar's track as a CSS width. */
    static String width(double share) {
        return "width: " + Bars.percent(share);
    }

    /** Where a problem is: the table, and the column when there is one. */
    static String where(RunReport.ProblemEntry p) {
        return p.table() == null ? null : p.table() + (p.column() == null ? "" : "." + p.column());
    }

    /** A problem's kind as words: "does-not-fit" becomes "Does not fit". */
    static String kind(String id) {
        return id == null || id.isEmpty() ? "" : Character.toUpperCase(id.charAt(0)) + id.substring(1).replace('-', ' ');
    }

    /** The colour of a view's or trigger's badge. */
    static String badgeClass(String status) {
        return switch (status == null ? "" : status) {
            case "created" -> "ok";
            case "failed" -> "bad";
            default -> "warn";
        };
    }

    /** A view's or trigger's status with its mark, so colour is never the only signal. */
    static String badgeText(String status) {
        return switch (status == null ? "" : status) {
            case "created" -> "✓ created";
            case "failed" -> "✗ failed";
            case "created-differs" -> "✗ created, differs";
            case "skipped" -> "– not created";
            default -> "– " + (status == null ? "" : status);
        };
    }

    static String num(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String count(long n, String what) {
        return num(n) + " " + what + (n == 1 ? "" : "s");
    }
}
