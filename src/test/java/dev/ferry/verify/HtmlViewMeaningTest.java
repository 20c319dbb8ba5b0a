package dev.ferry.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The HTML report says which meaning a view has where the two databases differ: a created-differs view
 * kept PostgreSQL's and says how to choose SQLite's; a view the user gave SQLite's meaning says so; a
 * view that arrived the same says nothing about it. The JSON carries the same word ({@code meaning}).
 */
class HtmlViewMeaningTest {

    private static RunReport report(List<Report.Item> views) {
        RunReport r = Report.read(HtmlReportTest.report(false, "postgresql://app@db/shop"));
        return new RunReport(r.status(), r.source(), r.target(), r.schema(), r.seconds(), r.tables(), r.problems(), r.renames(),
                views, r.triggers(), null);
    }

    @Test
    void eachDifferingOrChosenViewSaysItsMeaning() throws Exception {
        Report.Item differs = new Report.Item("payments 1997", "payments 1997", "created", null, "CREATE VIEW ...")
                .withMeaning(Report.Item.POSTGRES_MEANING).proven(new Proof(Proof.DIFFERS, "SQLite returns 2 rows, PostgreSQL 3",
                        2L, 3L, null, List.of("(2)")), "SQLite compared these dates as text");
        Report.Item chosen = new Report.Item("rentals 2005", "rentals 2005", "created", null, "CREATE VIEW ...")
                .withMeaning(Report.Item.SQLITE_MEANING).proven(new Proof(Proof.PROVEN, "the same 4 rows in SQLite and "
                        + "PostgreSQL", 4L, 4L, null, null), null);
        Report.Item same = new Report.Item("roster", "roster", "created", null, "CREATE VIEW roster AS SELECT 1")
                .withMeaning(Report.Item.POSTGRES_MEANING).proven(new Proof(Proof.PROVEN, "the same 1 row", 1L, 1L, null, null), null);
        String html = HtmlReport.render(report(List.of(differs, chosen, same)));
        assertTrue(html.contains("It keeps PostgreSQL’s meaning (dates compared as points in time). For SQLite’s: "
                + "<code>--view-meaning 'payments 1997=sqlite'</code>"), html);
        assertTrue(html.contains("Uses SQLite’s meaning, as you chose: its dates are compared as the text SQLite stored."), html);
        assertFalse(html.replaceAll("(?s).*<strong>roster</strong>", "").contains("meaning"), "nothing to choose for roster");
        String json = Report.toJson(report(List.of(differs, chosen)));
        assertTrue(json.contains("\"meaning\" : \"postgresql\"") && json.contains("\"meaning\" : \"sqlite\""), json);
        assertTrue(Report.read(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)).views().get(1).sqliteMeaning(),
                "read back from the JSON");
    }
}
