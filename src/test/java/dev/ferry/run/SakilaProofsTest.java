package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static dev.ferry.run.ResumeTest.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.postgres.Ddl;
import dev.ferry.postgres.PgTarget;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.verify.Checksums;
import dev.ferry.verify.TableCheck;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import dev.ferry.testing.SakilaLikeFixture;
import dev.ferry.testing.TestPostgres;
import dev.ferry.verify.Proof;
import dev.ferry.verify.Report;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema written like a real app's (the SQLite port of Sakila): 23 tables, each with AFTER INSERT
 * and AFTER UPDATE triggers stamping last_update in the rowid form, most tables without an INTEGER
 * PRIMARY KEY, names with spaces, TEXT flags, dates as text. Every trigger must be recreated and
 * fire (proven in a rolled-back transaction); every view must be created and be either proven to
 * return SQLite's rows or reported created-differs with its reason; the BETWEEN DATETIME view does
 * differ, since SQLite compared its dates as text. Differences in views leave the run DONE.
 */
class SakilaProofsTest {

    static Result result;
    static TargetAddress target;

    @BeforeAll
    static void migrate(@TempDir Path dir) throws Exception {
        Path file = SakilaLikeFixture.write(dir.resolve(SakilaLikeFixture.FILE_NAME));
        target = TestPostgres.get().freshDatabase();
        Migration m = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        result = m.run(m.preflight());
    }

    @Test
    void everyStampTriggerIsCreatedAndFires() {
        assertEquals(Result.Status.DONE, result.status());
        assertEquals(2 * SakilaLikeFixture.tables().size() + 2, result.triggers().size());
        for (Report.Item t : result.triggers()) {
            assertEquals("created", t.status(), t.name() + ": " + t.reason());
            assertNotNull(t.proof(), t.name());
            assertEquals(Proof.PROVEN, t.proof().result(), t.name() + ": " + t.proof().text());
        }
    }

    @Test
    void firingTheTriggersChangedNoRowNorAnyCounter() throws Exception {
        Ddl ddl = new Ddl(result.plan().schema());
        try (PgTarget pg = PgTarget.connect(target, TestPostgres.get().adminPassword(), 2)) {
            for (TableCheck t : result.tables()) {
                Checksums.Sum now = Checksums.target(result.plan().table(t.source()).orElseThrow(), pg, ddl);
                assertEquals(t.targetRows(), now.rows(), t.source());
                assertEquals(t.targetChecksum(), now.checksum(), t.source() + ": the same rows as before the proofs");
                assertTrue(t.checksumMatch(), t.source());
            }
        }
        assertEquals("6", query(target, "INSERT INTO payment (customer_id, amount, payment_date) VALUES (1, 1, now()) "
                + "RETURNING payment_id"), "the id counter is where the copy left it, though proofs inserted rows");
        assertTrue(query(target, "SELECT last_update::text FROM payment WHERE payment_id = 6").startsWith(
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString().substring(0, 4)), "stamped on insert");
    }

    @Test
    void everyViewIsCreatedAndProvenOrSaysWhyItDiffers() {
        Map<String, Report.Item> views = result.views().stream().collect(Collectors.toMap(Report.Item::name, v -> v));
        assertEquals(SakilaLikeFixture.VIEWS.length, views.size());
        for (Report.Item v : views.values()) {
            if (v.name().equals("flagged customers")) { // a TEXT flag against 1: SQLite's affinity compares it as text
                assertEquals("created", v.status(), v.reason());
            }
            assertNotNull(v.proof(), v.name());
            if (v.status().equals("created")) {
                assertEquals(Proof.PROVEN, v.proof().result(), v.name() + ": " + v.proof().text());
                assertEquals(v.proof().sqliteRows(), v.proof().postgresRows(), v.name());
            } else {
                assertEquals("created-differs", v.status(), v.name());
                assertEquals(Proof.DIFFERS, v.proof().result(), v.name());
                assertTrue(v.reason() != null && !v.reason().isBlank(), v.name());
            }
        }
        Report.Item between = views.get("payments 1997");
        assertEquals("created-differs", between.status(), between.reason());
        assertTrue(between.reason().startsWith("SQLite compared these dates as text: payment_date"), between.reason());
        assertEquals(2L, between.proof().sqliteRows());
        assertEquals(3L, between.proof().postgresRows());
        assertEquals(List.of(), between.proof().onlyInSqlite());
        assertEquals(List.of("(2, 2.99, 1997-12-31 00:00:00)"), between.proof().onlyInPostgres());
        assertEquals("created", views.get("rentals this week").status(), "the same rows, though compared as text in SQLite");
        assertEquals("the same 9 rows in SQLite and PostgreSQL", views.get("active customers").proof().text());
    }

    @Test
    void theReportCarriesEachProof() {
        JsonNode report = Report.build("done", Path.of("sakila.sqlite"), "postgresql://x@y/z", result.tables(), result.plan(),
                result.problems(), result.views(), result.triggers(), 1);
        JsonNode between = StreamSupport.stream(report.path("views").spliterator(), false)
                .filter(v -> v.path("name").asText().equals("payments 1997")).findFirst().orElseThrow();
        assertEquals("created-differs", between.path("status").asText());
        assertEquals("differs", between.path("proof").path("result").asText());
        assertEquals(2, between.path("proof").path("rows").path("sqlite").asLong());
        assertEquals(3, between.path("proof").path("rows").path("postgres").asLong());
        assertEquals("(2, 2.99, 1997-12-31 00:00:00)", between.path("proof").path("onlyInPostgres").path(0).asText());
        JsonNode trigger = report.path("triggers").path(0);
        assertEquals("created", trigger.path("status").asText());
        assertEquals("proven", trigger.path("proof").path("result").asText());
        assertTrue(trigger.path("proof").path("text").asText().startsWith("it stamped last_update: "), trigger.toString());
    }
}
