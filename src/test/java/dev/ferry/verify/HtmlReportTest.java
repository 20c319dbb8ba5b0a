package dev.ferry.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.TablePlan;
import dev.ferry.plan.TypeRule;
import dev.ferry.plan.TypeRules;
import dev.ferry.schema.Column;
import dev.ferry.schema.Table;
import dev.ferry.sqlite.ColumnProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report: plain status words, ✓ and ✗ beside the colours, and nothing from the data left unescaped. */
class HtmlReportTest {

    static final String HOSTILE = "<img src=x onerror=alert(1)>\"&'";

    @TempDir
    Path dir;

    /** Two tables that arrived (one with a hostile name), optionally a third whose rows did not all arrive. */
    static ObjectNode report(boolean withDifference, String target) {
        TablePlan album = table("Album", "album", 347, column("AlbumId", "albumid", "INTEGER", PgType.of(PgType.Kind.BIGINT), "integer",
                new ColumnProfile(0, 347, 0, 0, 0, 1L, 347L, null, null)),
                column("Title", "title", "NVARCHAR(160)", PgType.parse("varchar(160)"), "varchar(n)",
                        new ColumnProfile(2, 0, 0, 345, 0, null, null, 95L, null)));
        TablePlan hostile = table(HOSTILE, "hostile", 3, column(HOSTILE, "c", "", PgType.of(PgType.Kind.TEXT), "text (catch-all)",
                new ColumnProfile(0, 1, 0, 2, 0, 7L, 7L, 5L, null)));
        TablePlan track = table("Track", "track", 3503, column("Milliseconds", "milliseconds", "INTEGER",
                PgType.of(PgType.Kind.BIGINT), "integer", new ColumnProfile(0, 3500, 0, 3, 0, 1L, 5286953L, 4L, null)));
        List<TableCheck> checks = new java.util.ArrayList<>(List.of(
                new TableCheck("Album", "album", 347, 347, 0x1234abcdL, 0x1234abcdL, 0.2),
                new TableCheck(HOSTILE, "hostile", 3, 3, 42, 42, 0.1)));
        if (withDifference) {
            checks.add(new TableCheck("Track", "track", 3503, 3500, 0xfeedL, 0xbeefL, 1.5));
        }
        List<Problem> problems = List.of(new Problem("Track", "Milliseconds", Problem.Kind.DOES_NOT_FIT, 3, "widen",
                List.of("'n/a'", "<b>1 & 2</b>", "\u0000nul"), "3 values in Track.Milliseconds are text, not integers; the column becomes text."));
        Plan plan = new Plan("public", List.of(album, hostile, track), List.of(), List.of(), List.of(), List.of(), problems,
                List.of(new Plan.Rename("table", null, "Album", "album", "folded to lower case")), null);
        List<Report.Item> views = List.of(new Report.Item("AlbumTitles", "albumtitles", "created", null,
                "CREATE VIEW AlbumTitles AS SELECT Title FROM Album WHERE Title <> '' -- </pre><script>alert(1)</script>"));
        List<Report.Item> triggers = List.of(new Report.Item("touch_album", null, "skipped", "Ferry does not translate triggers yet",
                "CREATE TRIGGER touch_album AFTER UPDATE ON Album BEGIN SELECT 1; END"));
        return Report.build(withDifference ? "different" : "done", Path.of("/data/chinook.db"), target, checks, plan,
                problems, views, triggers, 2.345);
    }

    private static TablePlan table(String name, String target, long rows, ColumnPlan... columns) {
        Table t = new Table(name, "CREATE TABLE x (...)", List.of(columns).stream().map(ColumnPlan::source).toList(), List.of(),
                null, false, false, false, null, List.of(), List.of());
        return new TablePlan(t, target, List.of(columns), rows);
    }

    private static ColumnPlan column(String name, String target, String declared, PgType type, String rule, ColumnProfile profile) {
        TypeRule r = TypeRules.all().stream().filter(x -> x.name().equals(rule)).findFirst().orElseThrow();
        return new ColumnPlan(new Column(name, 0, declared, false, null, 0, Column.Generated.NONE, null), target, type, r,
                TypeRule.Conversion.AS_IS, false, null, profile);
    }

    @Test
    void allTablesArrivedSaysSoInPlainWords() {
        String html = HtmlReport.render(report(false, "postgresql://app@db:5432/shop"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("Every table arrived: row counts and checksums match."), html);
        assertTrue(html.contains("<span class=\"badge ok\">✓ same</span>"));
        assertFalse(html.contains("✗ differs"));
        assertTrue(html.contains("postgresql://app@db:5432/shop"));
        assertTrue(html.contains("/data/chinook.db"));
    }

    @Test
    void aDifferingTableIsNamedAndMarkedWithACrossBesideTheColour() {
        String html = HtmlReport.render(report(true, "postgresql://app@db/shop"));
        assertTrue(html.contains("One table differs: Track."), html);
        assertFalse(html.contains("Every table arrived"));
        assertTrue(html.contains("<span class=\"badge ok\">✓ same</span>"), "the tables that match keep their ✓");
        assertTrue(html.contains("<tr class=\"bad\"><th scope=\"row\"><a href=\"#table-3\">Track</a>"));
        assertTrue(html.contains("<span class=\"badge bad\">✗ differs</span>"));
        assertTrue(html.contains("3,500 <span class=\"note\">(3 fewer)</span>"));
        assertTrue(html.contains("<details id=\"table-3\" open>"), "the differing table opens by itself");
        assertTrue(html.contains("<code>NVARCHAR(160)</code>") && html.contains("<code>varchar(160)</code>"));
        assertTrue(html.contains("2 null"), "what the data holds");
    }

    @Test
    void everyTextFromTheDatabaseIsEscaped() {
        String html = HtmlReport.render(report(true, "postgresql://app@db/shop"));
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;&quot;&amp;&#39;"));
        assertFalse(html.contains("<img"));
        assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<script"));
        assertTrue(html.contains("-- &lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>"));
        assertTrue(html.contains("<code>&lt;b&gt;1 &amp; 2&lt;/b&gt;</code>"));
        assertTrue(html.contains("<code>\u2400nul</code>"), "a NUL byte shows as ␀");
        assertFalse(html.contains("\u0000"));
    }

    @Test
    void namesWithMarkupCharactersAreEscapedWhereverTheyAppear() {
        RunReport r = Report.read(report(true, "postgresql://app@db/shop"));
        RunReport named = new RunReport(r.status(), "/data/<b>Tom & \"Jerry\"'s.db", r.target(), "s<&>\"'", r.seconds(),
                r.tables(), r.problems(), r.renames(), List.of(new Report.Item("v<&>\"'", "v&amp;", "failed", "near \"<\"", null)),
                r.triggers(), null);
        String html = HtmlReport.render(named);
        String hostile = "&lt;img src=x onerror=alert(1)&gt;&quot;&amp;&#39;";
        assertTrue(html.contains("<title>Ferry report: &lt;b&gt;Tom &amp; &quot;Jerry&quot;&#39;s.db</title>"), html);
        assertTrue(html.contains("<code>/data/&lt;b&gt;Tom &amp; &quot;Jerry&quot;&#39;s.db</code>"));
        assertTrue(html.contains(", schema <code>s&lt;&amp;&gt;&quot;&#39;</code>"));
        assertTrue(html.contains("<a href=\"#table-2\">" + hostile + "</a></th>"), "in the tables grid");
        assertTrue(html.contains("<summary><strong>" + hostile + "</strong> → <strong>hostile</strong>"), "in the column plans");
        assertTrue(html.contains("<tr><th scope=\"row\">" + hostile + "</th><td>c</td>"), "as a column name");
        assertTrue(html.contains("<strong>v&lt;&amp;&gt;&quot;&#39;</strong> → <strong>v&amp;amp;</strong> "
                + "<span class=\"badge bad\">✗ failed</span>"), "a view's name, escaped once, not twice");
        assertTrue(html.contains("<p>near &quot;&lt;&quot;</p>"));
        assertFalse(html.contains("<b>"));
    }

    @Test
    void escapeKeepsUnicodeAndNeutralisesMarkup() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;", HtmlReport.esc("<script>alert(\"x\")</script>"));
        assertEquals("Tom &amp; Jerry&#39;s", HtmlReport.esc("Tom & Jerry's"));
        assertEquals("Café 日本語 😀 ✓", HtmlReport.esc("Café 日本語 😀 ✓"));
        assertEquals("a\tb\nc", HtmlReport.esc("a\tb\nc"));
        assertEquals("\u2400\u241b\u2421", HtmlReport.esc("\u0000\u001b\u007f"));
        assertEquals("x\uFFFDy\uFFFD", HtmlReport.esc("x\uD800y\uDC00"), "broken surrogates cannot be written as UTF-8");
        assertEquals("", HtmlReport.esc(null));
    }

    @Test
    void changesViewsAndTriggersAreListed() {
        String html = HtmlReport.render(report(true, "postgresql://app@db/shop"));
        assertTrue(html.contains("What Ferry changed and why"));
        assertTrue(html.contains("3 values in Track.Milliseconds are text, not integers; the column becomes text."));
        assertTrue(html.contains("<dt>What Ferry did</dt><dd>widen</dd>"));
        assertTrue(html.contains("<dt>How many</dt><dd>3</dd>"));
        assertTrue(html.contains("<dt>What</dt><dd>Does not fit</dd>"));
        assertTrue(html.contains("<code>Album</code></td><td><span class=\"arrow\" aria-hidden=\"true\">→ </span><code>album</code>"));
        assertTrue(html.contains("<strong>AlbumTitles</strong> → <strong>albumtitles</strong> <span class=\"badge ok\">✓ created</span>"));
        assertTrue(html.contains("<strong>touch_album</strong> <span class=\"badge warn\">– not created</span>"));
        assertTrue(html.contains("<pre><code>CREATE TRIGGER touch_album AFTER UPDATE ON Album BEGIN SELECT 1; END</code></pre>"));
    }

    @Test
    void thePageIsSelfContainedAndNeverShowsAPassword() {
        String html = HtmlReport.render(report(false, "postgresql://app:hunter2@db/shop"));
        assertFalse(html.contains("hunter2"));
        for (String outside : List.of("http://", "https://", "<link", "<img", "<iframe", "url(", "@import")) {
            assertFalse(html.contains(outside), () -> "nothing loaded from outside: " + outside);
        }
        assertTrue(html.contains("<style>") && html.contains("@media print"));
    }

    @Test
    void writeCreatesTheFileInUtf8() throws Exception {
        Path file = dir.resolve("out/report.html");
        HtmlReport.write(report(true, "postgresql://app@db/shop"), file);
        String html = Files.readString(file);
        assertTrue(html.contains("✗ differs") && html.endsWith("</html>\n"));
    }
}
