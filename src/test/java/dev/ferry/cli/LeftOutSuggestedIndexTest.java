package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16: with --leave-out indexes, a taken index suggestion (fk-index, gin) is not created, but
 * the plan and the report listed it as taken. They say "not created: --leave-out indexes" instead,
 * and PostgreSQL indeed has no such index.
 */
class LeftOutSuggestedIndexTest {

    @Test
    void aTakenIndexLeftOutIsSaidNotCreated(@TempDir Path dir) throws Exception {
        Path file = SuggestCommandLineTest.fileFor(dir);
        String[] taking = {"--suggest", "fk-index:orders.customer_id", "--leave-out", "indexes"};

        CommandLineTest.Run dry = CommandLineTest.ferry(null, concat(List.of("migrate", file.toString(), "--to",
                TestPostgres.url(TestPostgres.get().freshDatabase()), "--dry-run"), taking));
        assertEquals(0, dry.code(), dry.all());
        assertTrue(dry.out().contains("    not created: --leave-out indexes (taken: --suggest fk-index:orders.customer_id)"),
                dry.out());
        assertFalse(dry.out().contains("    taken: --suggest fk-index:orders.customer_id"), dry.out());

        TargetAddress db = TestPostgres.get().freshDatabase();
        Path json = dir.resolve("report.json");
        CommandLineTest.Run r = CommandLineTest.ferry(null, concat(List.of("migrate", file.toString(), "--to",
                TestPostgres.url(db), "--report", json.toString()), taking));
        assertEquals(0, r.code(), r.all());
        assertEquals(List.of("0"), TestPostgres.get().rows(db, "SELECT count(*) FROM pg_indexes WHERE tablename = 'orders' "
                + "AND indexdef LIKE '%(customer_id)%'"), "the index is not created");
        JsonNode fk = null;
        for (JsonNode s : new ObjectMapper().readTree(json.toFile()).get("suggestions")) {
            if (s.get("id").asText().equals("fk-index:orders.customer_id")) {
                fk = s;
            }
        }
        assertFalse(fk.get("taken").asBoolean(), "not listed as taken");
        assertEquals("--leave-out indexes", fk.get("notCreated").asText());

        Path html = dir.resolve("report.html");
        assertEquals(0, CommandLineTest.ferry(null, concat(List.of("migrate", file.toString(), "--to",
                TestPostgres.url(TestPostgres.get().freshDatabase()), "--report", html.toString()), taking)).code());
        String page = Files.readString(html);
        assertTrue(page.contains("Not created (--leave-out indexes):</strong> Add an index on orders(customer_id)."), page);
        assertFalse(page.contains("✓ Taken:</strong> Add an index"), page);
    }

    private static String[] concat(List<String> first, String... more) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
