package dev.ferry.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON report's shape is a contract (DESIGN.md, "Report JSON"): the records must give the same
 * field names, in the same order, with the same nulls, as the report always had. Scripts read it.
 */
class RunReportTest {

    @TempDir
    Path dir;

    @Test
    void fieldsAreNamedAndOrderedAsTheContractSays() {
        ObjectNode r = HtmlReportTest.report(true, "postgresql://app@db/shop");
        assertEquals(List.of("status", "source", "target", "schema", "seconds", "tables", "problems", "renames", "views",
                "triggers"), names(r));
        assertEquals("different", r.get("status").asText());
        assertEquals(2.345, r.get("seconds").asDouble());
        JsonNode track = r.get("tables").get(2);
        assertEquals(List.of("source", "target", "rows", "checksum", "columns"), names(track));
        assertEquals(List.of("source", "target", "rejected"), names(track.get("rows")));
        assertEquals(3503, track.get("rows").get("source").asLong());
        assertEquals(List.of("match", "source", "target"), names(track.get("checksum")));
        assertFalse(track.get("checksum").get("match").asBoolean());
        assertEquals("feed", track.get("checksum").get("source").asText(), "checksums in hexadecimal");
        assertEquals(List.of("source", "target", "declared", "type", "rule", "holds"), names(track.get("columns").get(0)));
        JsonNode problem = r.get("problems").get(0);
        assertEquals(List.of("table", "column", "kind", "count", "resolution", "alternatives", "examples", "message"), names(problem));
        assertEquals("does-not-fit", problem.get("kind").asText());
        assertEquals(List.of("kind", "table", "from", "to", "reason"), names(r.get("renames").get(0)));
        assertTrue(r.get("renames").get(0).get("table").isNull(), "an absent value is written as null");
        JsonNode trigger = r.get("triggers").get(0);
        assertEquals(List.of("name", "target", "status", "reason", "sql", "proof"), names(trigger));
        assertTrue(trigger.get("target").isNull());
    }

    @Test
    void optionalFieldsAreLeftOutRatherThanNull() {
        ObjectNode r = HtmlReportTest.report(true, "db");
        assertFalse(r.has("rejects"), "no rejects file, no field");
        RunReport withRejects = Report.read(r).withRejects(dir.resolve("shop.rejects.jsonl"));
        JsonNode written = new ObjectMapper().valueToTree(withRejects);
        assertEquals("rejects", names(written).get(names(written).size() - 1), "the rejects file comes last");
        assertEquals(dir.resolve("shop.rejects.jsonl").toAbsolutePath().toString(), written.get("rejects").asText());

        RunReport typed = Report.read(r);
        RunReport.ProblemEntry reported = new RunReport.ProblemEntry("v", null, "view-not-created", 0, "report", null,
                List.of("CREATE VIEW v AS SELECT 1"), "View v is not created.");
        List<RunReport.TableEntry> tables = new ArrayList<>(typed.tables());
        tables.set(0, new RunReport.TableEntry("Gone", "gone", new RunReport.Rows(1, 1, 0),
                new RunReport.Checksum(true, "1", "1"), null));
        JsonNode tree = new ObjectMapper().valueToTree(new RunReport(
                typed.status(), typed.source(), typed.target(), typed.schema(), typed.seconds(), tables, List.of(reported),
                typed.renames(), typed.views(), typed.triggers(), null));
        assertFalse(tree.get("problems").get(0).has("alternatives"), "only a problem with a choice lists alternatives");
        assertFalse(tree.get("tables").get(0).has("columns"), "a table the plan does not know has no columns field");
        assertFalse(tree.has("rejects"));
    }

    @Test
    void theTreeReadsBackIntoTheSameRecords() {
        ObjectNode tree = HtmlReportTest.report(true, "postgresql://app@db/shop");
        RunReport typed = Report.read(tree);
        assertEquals(tree, new ObjectMapper().valueToTree(typed));
        assertEquals(3, typed.tables().size());
        assertEquals("\u0000nul", typed.problems().get(0).examples().get(2));
        ZonedDateTime at = ZonedDateTime.of(2026, 1, 2, 3, 4, 0, 0, ZoneOffset.UTC);
        assertEquals(HtmlReport.render(typed, at), HtmlReport.render(tree, at), "the page is the same from records or tree");
    }

    @Test
    void writeGivesTheSameFileFromRecordsOrTree() throws Exception {
        ObjectNode tree = HtmlReportTest.report(false, "db");
        Report.write(tree, dir.resolve("a/tree.json"));
        Report.write(Report.read(tree), dir.resolve("b/records.json"));
        String json = Files.readString(dir.resolve("a/tree.json"));
        assertEquals(json, Files.readString(dir.resolve("b/records.json")));
        assertTrue(json.startsWith("{\n  \"status\" : \"done\",") && json.endsWith("}\n"), json);
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
