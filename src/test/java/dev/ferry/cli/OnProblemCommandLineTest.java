package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --on-problem and --rejects: inspect shows the choices, migrate carries them out and says where the record is. */
class OnProblemCommandLineTest {

    private static Path file(Path dir) throws Exception {
        Path file = dir.resolve("my bot.db");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE scores (id INTEGER PRIMARY KEY, points INTEGER)",
                    "INSERT INTO scores (points) VALUES (10), ('n/a'), (7), ('?')");
        }
        return file;
    }

    @Test
    void inspectListsTheAlternatives(@TempDir Path dir) throws Exception {
        Path file = file(dir);
        CommandLineTest.Run r = CommandLineTest.ferry(null, "inspect", file.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("[does-not-fit → widen; or null|reject|stop with --on-problem does-not-fit:scores.points=...]"),
                r.out());
        CommandLineTest.Run json = CommandLineTest.ferry(null, "inspect", file.toString(), "--json");
        JsonNode problem = new ObjectMapper().readTree(json.out()).get("problems").get(0);
        assertEquals(2, problem.get("count").asLong());
        assertEquals("[\"widen\",\"null\",\"reject\",\"stop\"]", problem.get("alternatives").toString());
    }

    @Test
    void rejectedRowsAreCountedAndRecorded(@TempDir Path dir) throws Exception {
        TargetAddress db = TestPostgres.get().freshDatabase();
        Path rejects = dir.resolve("out/rejects.jsonl");
        Path report = dir.resolve("report.json");
        CommandLineTest.Run r = CommandLineTest.ferry(null, "migrate", file(dir).toString(), "--to", TestPostgres.url(db),
                "--on-problem", "does-not-fit=reject", "--rejects", rejects.toString(), "--report", report.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("rejected") && r.out().contains(rejects.toString()), r.out());
        assertTrue(r.out().contains("Every row you did not reject arrived"), r.out());
        assertEquals(2, Files.readAllLines(rejects).size());
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals(2, json.get("tables").get(0).get("rows").get("rejected").asLong());
        assertEquals(rejects.toAbsolutePath().toString(), json.get("rejects").asText());
    }

    @Test
    void aWrongChoiceIsAUsageError(@TempDir Path dir) throws Exception {
        CommandLineTest.Run r = CommandLineTest.ferry(null, "inspect", file(dir).toString(), "--on-problem", "does-not-fit=drop");
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("widen, null, reject, stop"), r.all());
    }

    @Test
    void leaveOutAndExcludeShapeThePlan(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("two.db");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT)", "CREATE TABLE b (id INTEGER PRIMARY KEY, v TEXT)",
                    "CREATE INDEX a_v ON a (v)", "CREATE VIEW av AS SELECT v FROM a");
        }
        CommandLineTest.Run r = CommandLineTest.ferry(null, "inspect", file.toString(), "--json", "--exclude", "B",
                "--leave-out", "indexes,views");
        assertEquals(0, r.code(), r.all());
        JsonNode plan = new ObjectMapper().readTree(r.out());
        assertEquals(1, plan.get("tables").size());
        assertTrue(r.out().contains("left out, as you chose"), r.out());
        CommandLineTest.Run bad = CommandLineTest.ferry(null, "inspect", file.toString(), "--leave-out", "tables");
        assertEquals(2, bad.code(), bad.all());
    }
}
