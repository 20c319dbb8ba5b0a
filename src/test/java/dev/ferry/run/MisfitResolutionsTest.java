package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.Resolutions;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values that do not fit their column's declared type (text and reals in an INTEGER column), with
 * each resolution a user can pick: widen (the default, loss-free), null, reject, stop. Whatever
 * is chosen, every value Ferry changes or moves aside is in the rejects file and the report, and
 * the check afterwards compares exactly what was sent.
 */
class MisfitResolutionsTest {

    static Path file(Path dir) throws Exception {
        Path file = dir.resolve("shop.sqlite");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE stock (sku TEXT NOT NULL, store INTEGER NOT NULL, qty INTEGER NOT NULL, PRIMARY KEY (sku, store))",
                    "INSERT INTO stock VALUES ('a', 1, 10), ('b', 1, 'lots'), ('c', 2, 3.5), ('d', 2, -7), ('e', 3, 0)",
                    "CREATE TABLE other (id INTEGER PRIMARY KEY, n INTEGER)",
                    "INSERT INTO other (n) VALUES (1), ('two')");
        }
        return file;
    }

    private record Run(Plan plan, Result result, TargetAddress db, Path rejects) {
    }

    private static Run migrate(Path dir, String... onProblem) throws Exception {
        TargetAddress db = TestPostgres.get().freshDatabase();
        Path rejects = dir.resolve("shop.rejects.jsonl");
        Options o = Options.of(file(dir), db, TestPostgres.get().adminPassword())
                .withResolutions(Resolutions.parse(List.of(onProblem))).withRejects(rejects);
        Migration m = new Migration(o, MigrationListener.NONE);
        Plan plan = m.preflight();
        return new Run(plan, m.run(plan), db, rejects);
    }


    private static Problem misfit(Plan plan, String table) {
        return plan.problems().stream().filter(p -> p.kind() == Problem.Kind.DOES_NOT_FIT && p.table().equals(table))
                .findFirst().orElseThrow();
    }

    @Test
    void byDefaultTheColumnWidensAndEveryValueArrives(@TempDir Path dir) throws Exception {
        Run r = migrate(dir);
        Problem p = misfit(r.plan(), "stock");
        assertEquals(2, p.count());
        assertEquals("widen", p.resolution());
        assertEquals(List.of("widen", "null", "reject", "stop"), p.kind().resolutions());
        assertTrue(r.result().verified());
        assertEquals(List.of("10", "lots", "3.5", "-7", "0"), TestPostgres.get().rows(r.db(), "SELECT qty::text FROM stock ORDER BY sku"));
        assertTrue(!Files.exists(r.rejects()));
        assertNull(r.result().rejects());
    }

    @Test
    void nullKeepsTheDeclaredTypeAndRecordsEachOriginal(@TempDir Path dir) throws Exception {
        Run r = migrate(dir, "does-not-fit=null");
        assertEquals("bigint", r.plan().table("stock").orElseThrow().column("qty").type().sql());
        assertTrue(r.result().verified());
        assertEquals(5, r.result().tables().get(0).targetRows());
        assertEquals(List.of("10", "null", "null", "-7", "0"), TestPostgres.get().rows(r.db(), "SELECT qty FROM stock ORDER BY sku"));
        List<String> lines = Files.readAllLines(r.rejects());
        assertEquals(3, lines.size(), lines.toString()); // two in stock, one in other
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"key\":{\"sku\":\"b\",\"store\":1}") && l.contains("\"value\":\"lots\"")
                && l.contains("\"action\":\"null\"")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"value\":3.5")), lines.toString());
        assertTrue(misfit(r.plan(), "stock").message().contains("loses NOT NULL"), misfit(r.plan(), "stock").message());
    }

    @Test
    void rejectMovesWholeRowsAsideAndCountsThem(@TempDir Path dir) throws Exception {
        Run r = migrate(dir, "does-not-fit:stock.qty=reject");
        assertTrue(r.result().verified());
        assertEquals(2, r.result().tables().get(0).rejected());
        assertEquals(5, r.result().tables().get(0).sqliteRows());
        assertEquals(List.of("a", "d", "e"), TestPostgres.get().rows(r.db(), "SELECT sku FROM stock ORDER BY sku"));
        // only stock.qty was chosen: other.n still widens
        assertEquals("text", r.plan().table("other").orElseThrow().column("n").type().sql());
        List<String> lines = Files.readAllLines(r.rejects());
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("\"row\":{\"sku\":\"b\",\"store\":1,\"qty\":\"lots\"}"), lines.get(0));
        com.fasterxml.jackson.databind.JsonNode report = dev.ferry.verify.Report.build("done", dir.resolve("shop.sqlite"), "db",
                r.result().tables(), r.plan(), r.result().problems(), List.of(), List.of(), 1);
        assertEquals(2, report.path("tables").get(0).path("rows").path("rejected").asLong());
        assertEquals(5, report.path("tables").get(0).path("rows").path("source").asLong());
    }

    @Test
    void stopRefusesBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        TargetAddress db = TestPostgres.get().freshDatabase();
        Options o = Options.of(file(dir), db, TestPostgres.get().adminPassword())
                .withResolutions(Resolutions.parse(List.of("does-not-fit=stop")));
        Migration m = new Migration(o, MigrationListener.NONE);
        FerryException e = assertThrows(FerryException.class, () -> m.run(m.preflight()));
        assertEquals(FerryException.Kind.FAILED, e.kind());
        assertEquals(List.of(), TestPostgres.get().rows(db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"));
    }

    @Test
    void choicesAreCheckedWhenGiven() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Resolutions.parse(List.of("does-not-fit=drop")));
        assertTrue(e.getMessage().contains("widen, null, reject, stop"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Resolutions.parse(List.of("name-changed=keep")));
        assertTrue(e.getMessage().contains("does-not-fit"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Resolutions.parse(List.of("widen")));
        assertTrue(e.getMessage().contains("KIND=RESOLUTION"), e.getMessage());
        Resolutions r = Resolutions.parse(List.of("does-not-fit=null", "does-not-fit:Stock.Qty=reject"));
        assertEquals("reject", r.choose(Problem.Kind.DOES_NOT_FIT, "stock", "qty"));
        assertEquals("null", r.choose(Problem.Kind.DOES_NOT_FIT, "other", "n"));
        assertEquals("bytea", r.choose(Problem.Kind.UNSAFE_TEXT, "stock", "qty"));
    }
}
