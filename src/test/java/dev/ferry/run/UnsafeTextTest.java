package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text PostgreSQL's text cannot hold (NUL bytes, bytes that are not UTF-8). Regression: the SQLite
 * driver turns bytes that are not UTF-8 into U+FFFD without a word, so such text once arrived
 * changed while its checksum (taken from the same changed string) still matched. Now preflight
 * finds it, and by default the column becomes bytea with every byte kept; repair and reject record
 * every value they touch; stop writes nothing.
 */
class UnsafeTextTest {

    static Path file(Path dir) throws Exception {
        Path file = dir.resolve("t.sqlite");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
                    "INSERT INTO notes (body) VALUES ('fine é'), (CAST(x'41FF42' AS TEXT)), (CAST(x'410042' AS TEXT)), "
                            + "('legit \uFFFD replacement char'), (NULL), ('日本語 and emoji 🚢')");
        }
        return file;
    }

    private record Run(Plan plan, Result result, TargetAddress db, Path rejects) {
    }

    private static Run migrate(Path dir, String... onProblem) throws Exception {
        TargetAddress db = TestPostgres.get().freshDatabase();
        Path rejects = dir.resolve("rejects.jsonl");
        Options o = Options.of(file(dir), db, TestPostgres.get().adminPassword())
                .withResolutions(Resolutions.parse(List.of(onProblem))).withRejects(rejects);
        Migration m = new Migration(o, MigrationListener.NONE);
        Plan plan = m.preflight();
        return new Run(plan, m.run(plan), db, rejects);
    }

    private static List<Object> bodies(TargetAddress db) throws Exception {
        List<Object> out = new ArrayList<>();
        try (Connection c = TestPostgres.get().connect(db);
             ResultSet rs = c.createStatement().executeQuery("SELECT body FROM notes ORDER BY id")) {
            while (rs.next()) {
                Object v = rs.getObject(1);
                out.add(v instanceof byte[] b ? HexFormat.of().formatHex(b) : v);
            }
        }
        return out;
    }

    @Test
    void byDefaultTheColumnBecomesByteaAndEveryByteArrives(@TempDir Path dir) throws Exception {
        Run r = migrate(dir);
        Problem p = r.plan().problems().stream().filter(x -> x.kind() == Problem.Kind.UNSAFE_TEXT).findFirst().orElseThrow();
        assertEquals(2, p.count());
        assertEquals("bytea", p.resolution());
        assertTrue(p.examples().contains("A\\xFFB") && p.examples().contains("A\\0B"), p.examples().toString());
        assertEquals("bytea", r.plan().table("notes").orElseThrow().column("body").type().sql());
        assertTrue(r.result().verified());
        List<Object> bodies = bodies(r.db());
        assertEquals("41ff42", bodies.get(1));
        assertEquals("410042", bodies.get(2));
        assertEquals(HexFormat.of().formatHex("fine é".getBytes(java.nio.charset.StandardCharsets.UTF_8)), bodies.get(0));
        assertTrue(!Files.exists(r.rejects()), "nothing was changed, so there is nothing to record");
    }

    @Test
    void repairKeepsTextAndRecordsEveryRepairedValue(@TempDir Path dir) throws Exception {
        Run r = migrate(dir, "unsafe-text=repair");
        assertEquals("text", r.plan().table("notes").orElseThrow().column("body").type().sql());
        assertTrue(r.result().verified());
        List<Object> bodies = bodies(r.db());
        assertEquals("A\uFFFDB", bodies.get(1));
        assertEquals("AB", bodies.get(2));
        assertEquals("legit \uFFFD replacement char", bodies.get(3));
        assertEquals("日本語 and emoji 🚢", bodies.get(5));
        List<String> lines = Files.readAllLines(r.rejects());
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("\"action\":\"repair\"") && lines.get(0).contains("\"hex\":\"41ff42\"")
                && lines.get(0).contains("\"key\":{\"id\":2}"), lines.get(0));
        assertEquals(r.rejects(), r.result().rejects());
    }

    @Test
    void rejectMovesTheRowsAsideAndStillVerifies(@TempDir Path dir) throws Exception {
        Run r = migrate(dir, "unsafe-text:notes.body=reject");
        assertTrue(r.result().verified());
        assertEquals(2, r.result().rejectedRows());
        assertEquals(6, r.result().tables().get(0).sqliteRows());
        assertEquals(4, r.result().tables().get(0).targetRows());
        List<String> lines = Files.readAllLines(r.rejects());
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).contains("\"row\":{\"id\":3,\"body\":{"), lines.get(1));
    }

    @Test
    void stopWritesNothing(@TempDir Path dir) throws Exception {
        FerryException e = assertThrows(FerryException.class, () -> migrate(dir, "unsafe-text=stop"));
        assertEquals(FerryException.Kind.FAILED, e.kind());
        assertTrue(e.getMessage().contains("stopped before writing anything"), e.getMessage());
    }

    @Test
    void theCheckAfterwardsAgreesWithWhatWasSent(@TempDir Path dir) throws Exception {
        Run r = migrate(dir, "unsafe-text=repair");
        Options o = Options.of(dir.resolve("t.sqlite"), r.db(), TestPostgres.get().adminPassword())
                .withResolutions(Resolutions.parse(List.of("unsafe-text=repair")));
        Migration m = new Migration(o, MigrationListener.NONE);
        assertTrue(m.verify(m.preflight()).verified());
    }

    /** Regression of a shortcut: date-declared text is checked only once it is known to stay text. */
    @Test
    void latin1TextInADateColumnIsFoundToo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("d.sqlite");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE visits (id INTEGER PRIMARY KEY, at DATETIME)",
                    "INSERT INTO visits (at) VALUES ('2024-05-01 10:00:00'), (CAST(x'6E61E974' AS TEXT))"); // 'naét' in Latin-1
        }
        Plan plan = new Migration(Options.of(file, null, null), MigrationListener.NONE).preflight();
        assertEquals("bytea", plan.table("visits").orElseThrow().column("at").type().sql());
        assertTrue(plan.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.UNSAFE_TEXT && p.examples().contains("na\\xE9t")),
                plan.problems().toString());
    }

    @Test
    void safeTextIsNotFlagged() {
        assertTrue(dev.ferry.value.Utf8.safe("plain é 日本 🚢".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(!dev.ferry.value.Utf8.safe(new byte[] {(byte) 0xC3, 0x28}));
        assertTrue(!dev.ferry.value.Utf8.safe(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})); // a surrogate
        assertTrue(!dev.ferry.value.Utf8.safe(new byte[] {(byte) 0xE2, (byte) 0x82})); // cut short
        assertTrue(!dev.ferry.value.Utf8.safe(new byte[] {(byte) 0xC0, (byte) 0x80})); // overlong
        assertArrayEquals(new byte[0], new byte[0]);
    }
}
