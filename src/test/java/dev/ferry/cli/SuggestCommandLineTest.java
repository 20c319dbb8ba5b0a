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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --suggest: inspect lists what Ferry could also do under "Ferry could also", with why and the
 * option that takes it (and in --json); migrate takes exactly those named, and the report (JSON and
 * HTML) lists each one taken or not; a malformed or unknown one is a usage error (exit 2).
 */
class SuggestCommandLineTest {

    /** The shop file, for tests beside this one. */
    static Path fileFor(Path dir) throws Exception {
        return file(dir);
    }

    private static Path file(Path dir) throws Exception {
        Path file = dir.resolve("shop.db");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)",
                    "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), "
                            + "placed_on TEXT NOT NULL)",
                    "INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace')",
                    "INSERT INTO orders VALUES (1, 1, '2024-01-05'), (2, 2, '2024-02-29'), (3, 1, '2023-11-30')");
        }
        return file;
    }

    @Test
    void inspectSaysWhatFerryCouldAlsoDo(@TempDir Path dir) throws Exception {
        Path file = file(dir);
        CommandLineTest.Run r = CommandLineTest.ferry(null, "inspect", file.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("Ferry could also … (none of this is done unless you take it with --suggest):"), r.out());
        assertTrue(r.out().contains("Make orders.placed_on a date column instead of text. All 3 values are a date written "
                + "YYYY-MM-DD."), r.out());
        assertTrue(r.out().contains("take it with: --suggest date:orders.placed_on"), r.out());
        assertTrue(r.out().contains("take it with: --suggest fk-index:orders.customer_id"), r.out());

        JsonNode json = new ObjectMapper().readTree(CommandLineTest.ferry(null, "inspect", file.toString(), "--json").out());
        JsonNode date = null;
        for (JsonNode s : json.get("suggestions")) {
            if (s.get("id").asText().equals("date:orders.placed_on")) {
                date = s;
            }
        }
        assertEquals("date", date.get("kind").asText());
        assertFalse(date.get("taken").asBoolean());
    }

    @Test
    void migrateTakesWhatIsNamedAndTheReportSaysSo(@TempDir Path dir) throws Exception {
        TargetAddress db = TestPostgres.get().freshDatabase();
        Path report = dir.resolve("report.json");
        Path file = file(dir);
        CommandLineTest.Run r = CommandLineTest.ferry(null, "migrate", file.toString(), "--to", TestPostgres.url(db),
                "--suggest", "date:orders.placed_on", "--report", report.toString());
        assertEquals(0, r.code(), r.all());
        assertEquals("date", TestPostgres.get().rows(db, "SELECT data_type FROM information_schema.columns WHERE "
                + "table_name = 'orders' AND column_name = 'placed_on'").get(0));
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        String taken = null, notTaken = null;
        for (JsonNode s : json.get("suggestions")) {
            if (s.get("taken").asBoolean()) {
                taken = s.get("id").asText();
            } else {
                notTaken = s.get("id").asText();
            }
        }
        assertEquals("date:orders.placed_on", taken);
        assertEquals("fk-index:orders.customer_id", notTaken);

        Path html = dir.resolve("report.html");
        TargetAddress db2 = TestPostgres.get().freshDatabase();
        assertEquals(0, CommandLineTest.ferry(null, "migrate", file.toString(), "--to", TestPostgres.url(db2),
                "--suggest", "date:orders.placed_on", "--report", html.toString()).code());
        String page = Files.readString(html);
        assertTrue(page.contains("Ferry could also …"), page);
        assertTrue(page.contains("✓ Taken:</strong> Make orders.placed_on a date column"), page);
        assertTrue(page.contains("Not taken:</strong> Add an index on orders(customer_id)."), page);
    }

    @Test
    void aWrongSuggestionIsAUsageError(@TempDir Path dir) throws Exception {
        Path file = file(dir);
        CommandLineTest.Run bad = CommandLineTest.ferry(null, "inspect", file.toString(), "--suggest", "date-orders");
        assertEquals(2, bad.code(), bad.all());
        assertTrue(bad.err().contains("--suggest takes KIND:TABLE.COLUMN"), bad.all());
        CommandLineTest.Run kind = CommandLineTest.ferry(null, "inspect", file.toString(), "--suggest", "json:orders.placed_on");
        assertEquals(2, kind.code(), kind.all());
        assertTrue(kind.err().contains("array, enum, gin, fk-index, date and vector"), kind.all());
        CommandLineTest.Run none = CommandLineTest.ferry(null, "inspect", file.toString(), "--suggest", "date:customers.name");
        assertEquals(2, none.code(), none.all());
        assertTrue(none.err().contains("Ferry has no suggestion 'date:customers.name'"), none.all());
    }
}
