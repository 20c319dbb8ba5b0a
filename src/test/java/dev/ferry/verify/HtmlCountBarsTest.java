package dev.ferry.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The HTML report draws the counts as the wizard does: per table SQLite's bar above PostgreSQL's,
 * widths on one scale, the rows set aside as their own segment, the numbers and the verdict in
 * words beside ✓ or ✗; a view's proof as two bars of the rows each side returned. Pure HTML and CSS.
 */
class HtmlCountBarsTest {

    private static RunReport report() {
        RunReport r = Report.read(HtmlReportTest.report(true, "postgresql://app@db/shop"));
        List<RunReport.TableEntry> tables = List.of(
                new RunReport.TableEntry("scores", "scores", new RunReport.Rows(5, 3, 2), new RunReport.Checksum(true, "a", "a"), null),
                new RunReport.TableEntry("Track", "track", new RunReport.Rows(3503, 3500, 0),
                        new RunReport.Checksum(false, "feed", "beef"), null),
                new RunReport.TableEntry("Album", "album", new RunReport.Rows(347, 347, 0), new RunReport.Checksum(true, "1", "1"), null));
        List<Report.Item> views = List.of(
                new Report.Item("roster", "roster", "created", null, "CREATE VIEW roster AS SELECT 1").proven(
                        new Proof(Proof.PROVEN, "the same 12 rows in SQLite and PostgreSQL", 12L, 12L, null, null), null),
                new Report.Item("totals", "totals", "created", null, "CREATE VIEW totals AS SELECT 1").proven(
                        new Proof(Proof.DIFFERS, "SQLite returns 4 rows, PostgreSQL 2", 4L, 2L, List.of("(1)"), null), "integer division"));
        List<Report.Item> triggers = List.of(new Report.Item("stamp", "stamp", "created", null, "CREATE TRIGGER stamp ...")
                .proven(Proof.proven("an UPDATE of one row fired it without error"), null));
        return new RunReport(r.status(), r.source(), r.target(), r.schema(), r.seconds(), tables, r.problems(), r.renames(),
                views, triggers, null);
    }

    @Test
    void eachTableIsTwoBarsWithItsNumbersAndVerdict() {
        String html = HtmlReport.render(report());
        assertTrue(html.contains("<li class=\"pair ok\"><p class=\"pair-head\"><span class=\"mark\">✓</span> <strong>scores</strong> "
                + "<span class=\"verdict\">every other row arrived · same checksum</span></p>"), html);
        assertTrue(html.contains("<span class=\"track\" role=\"img\" aria-label=\"SQLite: 5 rows, 2 set aside\">"
                + "<span class=\"seg sqlite\" style=\"width: 60.00%\"></span><span class=\"seg aside\" style=\"width: 40.00%\"></span>"
                + "</span><span class=\"count\">5 rows, 2 set aside</span>"), "the set-aside rows are their own segment");
        assertTrue(html.contains("aria-label=\"PostgreSQL: 3 rows\"><span class=\"seg postgres\" style=\"width: 60.00%\"></span>"),
                "PostgreSQL's bar ends where the rows sent end");
        assertTrue(html.contains("<li class=\"pair bad\"><p class=\"pair-head\"><span class=\"mark\">✗</span> <strong>Track</strong> "
                + "<span class=\"arrow\" aria-hidden=\"true\">→</span> track <span class=\"verdict\">3 fewer in PostgreSQL · checksums differ"
                + "</span></p>"));
        assertTrue(html.contains("<span class=\"seg sqlite\" style=\"width: 100.00%\"></span></span><span class=\"count\">3,503 rows</span>"));
        assertTrue(html.contains("<span class=\"seg differs\" style=\"width: 99.91%\"></span></span><span class=\"count\">3,500 rows</span>"));
        assertTrue(html.contains("<span class=\"verdict\">same rows · same checksum</span>"));
        assertEquals(3, count(html, "<li class=\"pair "), "one picture per table");
        assertEquals(1, count(html, "class=\"seg aside\""), "only the table with rows set aside has the segment");
        assertTrue(html.contains("<table class=\"grid\">"), "the numbers stay in the page too");
    }

    @Test
    void everyWidthIsAShareOfTheTrackAndTheCssDrawsThem() {
        String html = HtmlReport.render(report());
        Matcher m = Pattern.compile("style=\"width: (\\d+\\.\\d\\d)%\"").matcher(html);
        int widths = 0;
        while (m.find()) {
            double w = Double.parseDouble(m.group(1));
            assertTrue(w > 0 && w <= 100, m.group());
            widths++;
        }
        assertEquals(3 * 2 + 1 + 2 * 2, widths, "2 bars per table, the set-aside segment, 2 bars per counted view");
        assertTrue(html.contains(".seg.aside {") && html.contains("print-color-adjust: exact"), "stripes, kept when printed");
        assertFalse(html.contains("<script"));
    }

    @Test
    void aViewsProofIsDrawnAsItsRowsOnEachSideAndATriggersAsItsVerdict() {
        String html = HtmlReport.render(report());
        assertTrue(html.contains("<div class=\"pair ok\">\n<div class=\"bar-row\"><span class=\"side\">SQLite</span>"
                + "<span class=\"track\" role=\"img\" aria-label=\"SQLite: 12 rows\"><span class=\"seg sqlite\" style=\"width: 100.00%\">"), html);
        assertTrue(html.contains("aria-label=\"PostgreSQL: 2 rows\"><span class=\"seg differs\" style=\"width: 50.00%\"></span>"));
        assertTrue(html.contains("<p>Proof <span class=\"badge bad\">✗ differs</span>: SQLite returns 4 rows, PostgreSQL 2</p>"));
        assertTrue(html.contains("<p>Proof <span class=\"badge ok\">✓ proven</span>: an UPDATE of one row fired it without error</p>"));
        assertEquals(2, count(html, "<div class=\"pair "), "the trigger has no rows to draw");
    }

    @Test
    void aReportWithoutFingerprintsSaysTheChecksumWasNotChecked() {
        RunReport r = report();
        RunReport bare = new RunReport(r.status(), r.source(), r.target(), r.schema(), r.seconds(), List.of(new RunReport.TableEntry(
                "notes", "notes", new RunReport.Rows(4, 0, 0), new RunReport.Checksum(false, null, null), null)), r.problems(),
                r.renames(), List.of(), List.of(), null);
        String html = HtmlReport.render(bare);
        assertTrue(html.contains("<span class=\"verdict\">4 fewer in PostgreSQL · not checked</span>"), html);
        assertTrue(html.contains("aria-label=\"PostgreSQL: 0 rows\"></span><span class=\"count\">0 rows</span>"),
                "no rows: an empty track, no segment");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
