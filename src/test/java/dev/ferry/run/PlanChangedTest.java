package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan the user saw may change to fit the server (ServerFit): when it does, the run says so
 * with a PlanChanged event before any table is created, naming the columns; when it does not,
 * nothing is said.
 */
class PlanChangedTest {

    @Test
    void aServerWithoutIcuChangesThePlanAndSaysSo(@TempDir Path dir) throws Exception {
        List<MigrationEvent> events = run(NocaseTest.fixture(dir), false);
        List<MigrationEvent.PlanChanged> changes = changes(events);
        assertEquals(1, changes.size(), events::toString);
        MigrationEvent.PlanChanged c = changes.get(0);
        assertEquals(List.of("tags.name", "tags.label"), c.columns());
        assertTrue(c.why().startsWith("The plan changed to fit this PostgreSQL: tags.name, tags.label: compared exactly"),
                c.why());
        assertTrue(c.why().contains("neither ICU collations nor citext"), c.why());
        assertTrue(events.indexOf(c) < events.indexOf(new MigrationEvent.PhaseStarted(MigrationEvent.Phase.CREATE)),
                "said before anything is created");
    }

    @Test
    void aRefusedGeneratedExpressionChangesThePlanAndSaysSo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("generated.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE stamps (id INTEGER PRIMARY KEY, stamp DATETIME, total INTEGER AS (id * 2), "
                    + "stamp_text TEXT AS (stamp || ''))");
            db.insert("stamps(id, stamp)", new Object[] {1L, "2024-03-01 10:00:00"});
        }
        List<MigrationEvent.PlanChanged> changes = changes(run(file, true));
        assertEquals(1, changes.size());
        assertEquals(List.of("stamps.stamp_text"), changes.get(0).columns(), "total's expression was accepted");
        assertTrue(changes.get(0).why().contains("stamps.stamp_text: plain columns holding SQLite's computed values, since "
                + "PostgreSQL refused their expressions"), changes.get(0).why());
    }

    @Test
    void aPlanTheServerTakesAsItIsIsNotReported(@TempDir Path dir) throws Exception {
        assertEquals(List.of(), changes(run(NocaseTest.fixture(dir), true)));
    }

    @Test
    void manyColumnsAreCountedNotAllNamed() {
        MigrationEvent.PlanChanged c = ServerFit.planChanged(java.util.Map.of("why",
                List.of("t.a", "t.b", "t.c", "t.d", "t.e", "t.f")));
        assertEquals("The plan changed to fit this PostgreSQL: t.a, t.b, t.c, t.d and 2 more: why.", c.why());
        assertEquals(6, c.columns().size());
    }

    private static List<MigrationEvent> run(Path file, boolean icu) {
        TargetAddress target = TestPostgres.get().freshDatabase();
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();
        if (!icu) {
            System.setProperty("ferry.fit.icu", "false");
        }
        try {
            Migration m = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), events::add);
            Result r = m.run(m.preflight());
            assertEquals(Result.Status.DONE, r.status());
            return events;
        } finally {
            System.clearProperty("ferry.fit.icu");
        }
    }

    private static List<MigrationEvent.PlanChanged> changes(List<MigrationEvent> events) {
        return events.stream().filter(e -> e instanceof MigrationEvent.PlanChanged).map(e -> (MigrationEvent.PlanChanged) e).toList();
    }
}
