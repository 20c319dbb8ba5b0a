package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.testing.SakilaLikeFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --view-meaning on the Sakila-like schema: by default view "payments 1997" keeps PostgreSQL's meaning,
 * is told created-differs with its reason, the counts and how to choose SQLite's; with
 * --view-meaning 'payments 1997=sqlite' it is made again, returns SQLite's rows, and the report says
 * which meaning each view has.
 */
class ViewMeaningCommandLineTest {

    static JsonNode view(Path report, String name) throws Exception {
        JsonNode tree = new ObjectMapper().readTree(report.toFile());
        return StreamSupport.stream(tree.path("views").spliterator(), false).filter(v -> v.path("name").asText().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void byDefaultPostgresMeaningWithTheReasonAndTheWayToChoose(@TempDir Path dir) throws Exception {
        Path file = SakilaLikeFixture.write(dir.resolve(SakilaLikeFixture.FILE_NAME));
        Path report = dir.resolve("report.json");
        String url = TestPostgres.url(TestPostgres.get().freshDatabase());
        CommandLineTest.Run r = CommandLineTest.ferry(null, "migrate", file.toString(), "--to", url, "--report", report.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("SQLite returns 2 rows, PostgreSQL 3"), r.out());
        assertTrue(r.out().contains("It keeps PostgreSQL's meaning; for SQLite's, run: ferry verify "), r.out());
        assertTrue(r.out().contains(" --view-meaning 'payments 1997=sqlite'"), r.out());
        JsonNode between = view(report, "payments 1997");
        assertEquals("created-differs", between.path("status").asText());
        assertEquals("postgresql", between.path("meaning").asText());

        // the command the hint names works on the migrated database, without copying again
        CommandLineTest.Run v = CommandLineTest.ferry(null, "verify", file.toString(), "--to", url, "--report",
                report.toString(), "--view-meaning", "payments 1997=sqlite");
        assertEquals(0, v.code(), v.all());
        assertTrue(v.out().contains("View payments 1997 uses SQLite's meaning, as you chose"), v.out());
        between = view(report, "payments 1997");
        assertEquals("created", between.path("status").asText(), between.toString());
        assertEquals("sqlite", between.path("meaning").asText());

        // a plain verify later still knows the view's meaning; and it can be given back PostgreSQL's
        v = CommandLineTest.ferry(null, "verify", file.toString(), "--to", url, "--report", report.toString());
        assertEquals(0, v.code(), v.all());
        assertEquals("sqlite", view(report, "payments 1997").path("meaning").asText());
        v = CommandLineTest.ferry(null, "verify", file.toString(), "--to", url, "--report", report.toString(),
                "--view-meaning", "payments 1997=postgresql");
        assertEquals(0, v.code(), v.all());
        between = view(report, "payments 1997");
        assertEquals("created-differs", between.path("status").asText(), between.toString());
        assertEquals("postgresql", between.path("meaning").asText());
        assertTrue(v.out().contains("SQLite returns 2 rows, PostgreSQL 3"), v.out());
    }

    @Test
    void sqliteMeaningIsMadeAndProvenAndTheReportSaysSo(@TempDir Path dir) throws Exception {
        Path file = SakilaLikeFixture.write(dir.resolve(SakilaLikeFixture.FILE_NAME));
        Path report = dir.resolve("report.json");
        CommandLineTest.Run r = CommandLineTest.ferry(null, "migrate", file.toString(), "--to",
                TestPostgres.url(TestPostgres.get().freshDatabase()), "--report", report.toString(),
                "--view-meaning", "payments 1997=sqlite", "--view-meaning", "film_list=postgresql");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("View payments 1997 uses SQLite's meaning, as you chose (its dates compared as the text "
                + "SQLite stored): the same 2 rows in SQLite and PostgreSQL"), r.out());
        assertEquals(0, r.out().lines().filter(l -> l.contains("does not do what it did in SQLite")).count(), r.out());
        JsonNode between = view(report, "payments 1997");
        assertEquals("created", between.path("status").asText());
        assertEquals("sqlite", between.path("meaning").asText());
        assertEquals("proven", between.path("proof").path("result").asText());
        assertEquals(2, between.path("proof").path("rows").path("postgres").asLong());
        assertEquals("postgresql", view(report, "film_list").path("meaning").asText());
    }

    @Test
    void aRehearsalTakesTheSameChoice(@TempDir Path dir) throws Exception {
        Path file = SakilaLikeFixture.write(dir.resolve(SakilaLikeFixture.FILE_NAME));
        CommandLineTest.Run r = CommandLineTest.ferry(null, "rehearse", file.toString(), "--view-meaning", "payments 1997=sqlite");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("View payments 1997 uses SQLite's meaning, as you chose"), r.out());
        for (String cmd : new String[] {"migrate", "rehearse"}) {
            assertTrue(CommandLineTest.ferry(null, cmd, "--help").out().contains("--view-meaning=NAME=sqlite|postgresql"), cmd);
        }
    }

    @Test
    void aMeaningOtherThanTheTwoIsAUsageError(@TempDir Path dir) throws Exception {
        Path file = SakilaLikeFixture.write(dir.resolve(SakilaLikeFixture.FILE_NAME));
        CommandLineTest.Run r = CommandLineTest.ferry(null, "migrate", file.toString(), "--to",
                TestPostgres.url(TestPostgres.get().freshDatabase()), "--view-meaning", "payments 1997=mine");
        assertEquals(2, r.code(), r.all());
        assertTrue(r.all().contains("--view-meaning takes NAME=sqlite or NAME=postgresql (it was 'payments 1997=mine')"),
                r.all());
    }
}
