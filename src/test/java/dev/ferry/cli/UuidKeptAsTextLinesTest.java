package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16: a TEXT column whose every value is a UUID stayed text silently when some were written
 * in upper case, in braces or as 32 bare digits (PostgreSQL reads them all, but prints them back in
 * lower case with hyphens). It stays text, and inspect (text and JSON) and the HTML report say so in
 * one line, with how many and how to make it uuid anyway; `--type users.token=uuid` then loads every
 * form, verified. Columns that are not all UUIDs, or all in the printed form, say nothing of it.
 */
class UuidKeptAsTextLinesTest {

    static final String LINE = "users.token stays text: 3 of 4 values are UUIDs written in upper case or with braces or "
            + "without hyphens; as uuid they would come back in lower case with hyphens (8-4-4-4-12). "
            + "To make it uuid anyway: --type users.token=uuid";

    static Path file(Path dir) throws Exception {
        Path file = dir.resolve("tokens.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE users (id INTEGER PRIMARY KEY, token TEXT, ref TEXT, note TEXT)",
                    "INSERT INTO users VALUES "
                            + "(1, 'F47AC10B-58CC-4372-A567-0E02B2C3D479', '0b7e6c1a-3f2d-4c5e-9a8b-1d2e3f4a5b6c', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'), "
                            + "(2, '{b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12}', 'f47ac10b-58cc-4372-a567-0e02b2c3d479', 'not a uuid'), "
                            + "(3, 'c0eebc999c0b4ef8bb6d6bb9bd380a13', '9a1e4c2b-7d3f-4e5a-8b6c-0d1e2f3a4b5c', NULL), "
                            + "(4, 'd0eebc99-9c0b-4ef8-bb6d-6bb9bd380a14', NULL, 'x'), (5, NULL, NULL, NULL)");
        }
        return file;
    }

    @Test
    void inspectSaysWhyTheUuidsStayText(@TempDir Path dir) throws Exception {
        Path file = file(dir);
        CommandLineTest.Run r = CommandLineTest.ferry(null, "inspect", file.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains(LINE), r.out());
        assertFalse(r.out().contains("users.note stays text"), "a column with other text is not UUIDs kept as text");
        assertFalse(r.out().contains("users.ref stays text"), "every value of ref is printed back exactly: it becomes uuid");

        JsonNode json = new ObjectMapper().readTree(CommandLineTest.ferry(null, "inspect", file.toString(), "--json").out());
        JsonNode kept = null;
        for (JsonNode p : json.get("problems")) {
            if (p.get("kind").asText().equals("uuid-kept-as-text")) {
                assertEquals(null, kept, "one line for the one column");
                kept = p;
            }
        }
        assertEquals("token", kept.get("column").asText());
        assertEquals(3, kept.get("count").asLong());
        assertEquals("text", kept.get("resolution").asText());
        assertEquals(LINE, kept.get("message").asText());
        for (JsonNode c : json.get("tables").get(0).get("columns")) {
            String type = c.get("type").asText();
            switch (c.get("name").asText()) {
                case "token", "note" -> assertEquals("text", type);
                case "ref" -> assertEquals("uuid", type);
                default -> { }
            }
        }
    }

    @Test
    void theHtmlReportSaysTheSame(@TempDir Path dir) throws Exception {
        TargetAddress db = TestPostgres.get().freshDatabase();
        Path report = dir.resolve("report.html");
        CommandLineTest.Run r = CommandLineTest.ferry(null, "migrate", file(dir).toString(), "--to", TestPostgres.url(db),
                "--report", report.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains(LINE), r.out());
        assertTrue(Files.readString(report).contains(LINE), "the HTML report has the line");
    }

    @Test
    void typeUuidLoadsEveryFormVerified(@TempDir Path dir) throws Exception {
        TargetAddress db = TestPostgres.get().freshDatabase();
        CommandLineTest.Run r = CommandLineTest.ferry(null, "migrate", file(dir).toString(), "--to", TestPostgres.url(db),
                "--type", "users.token=uuid");
        assertEquals(0, r.code(), r.all());
        assertFalse(r.out().contains("stays text"), "chosen uuid, nothing to say: " + r.out());
        assertEquals(List.of("uuid"), TestPostgres.get().rows(db, "SELECT data_type FROM information_schema.columns WHERE "
                + "table_name = 'users' AND column_name = 'token'"));
        assertEquals(List.of("f47ac10b-58cc-4372-a567-0e02b2c3d479", "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12",
                        "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13", "d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a14"),
                TestPostgres.get().rows(db, "SELECT token::text FROM users WHERE token IS NOT NULL ORDER BY id"));
    }
}
