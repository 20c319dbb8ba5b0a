package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.Resolutions;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.KindChangeFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17, item 2: every column whose values change kind is a thing to know with what it means
 * for the app; a mixed column with blobs that become bytea may stay text where every value is text.
 */
class KindChangeTest {

    private record Run(Plan plan, Result result, TargetAddress db) {
    }

    private static Run migrate(Path dir, String... onProblem) throws Exception {
        TargetAddress db = TestPostgres.get().freshDatabase();
        Options o = Options.of(KindChangeFixture.write(dir), db, TestPostgres.get().adminPassword())
                .withResolutions(Resolutions.parse(List.of(onProblem))).withRejects(dir.resolve("rejects.jsonl"));
        Migration m = new Migration(o, MigrationListener.NONE);
        Plan plan = m.preflight();
        return new Run(plan, m.run(plan), db);
    }

    private static Map<String, Problem> byColumn(Plan plan) {
        return plan.problems().stream().collect(Collectors.toMap(p -> p.table() + "." + p.column(), p -> p));
    }

    @Test
    void everyColumnThatChangesKindSaysWhatItMeansForTheApp(@TempDir Path dir) throws Exception {
        Run r = migrate(dir);
        Map<String, Problem> things = byColumn(r.plan());
        assertEquals(3, r.plan().problems().size(), r.plan().problems().toString());
        Problem flag = things.get("flags.active");
        assertEquals(Problem.Kind.KIND_CHANGED, flag.kind());
        assertEquals("flags.active becomes true/false: queries that compare it with 1 or 0 must compare with true or "
                + "false, and the app reads a boolean, not a number.", flag.message());
        Problem at = things.get("events.at");
        assertEquals(Problem.Kind.KIND_CHANGED, at.kind());
        assertTrue(at.message().startsWith("events.at becomes a timestamp: text comparisons like LIKE '2024-%' no longer work"),
                at.message());
        Problem data = things.get("files.data");
        assertEquals(Problem.Kind.BYTES_OR_TEXT, data.kind());
        assertEquals(Problem.BYTEA, data.resolution(), "bytes by default: every value kept as it is");
        assertTrue(data.choosable());
        assertTrue(data.message().contains("the app reads bytes, not text or numbers, in every row, so the number 1 "
                + "arrives as \\x31") && data.message().contains("you may keep it as text"), data.message());
        assertTrue(r.result().verified());
        assertEquals(List.of("31", "322e35", "776f7264", "68656c6c6f"), column(r.db(), "files", "data"));
    }

    @Test
    void keptAsTextTheMixedColumnArrivesAsTheTextItHolds(@TempDir Path dir) throws Exception {
        Run r = migrate(dir, "bytes-or-text:files.data=text");
        assertEquals("text", r.plan().table("files").orElseThrow().column("data").type().sql());
        Problem data = byColumn(r.plan()).get("files.data");
        assertEquals(Problem.TEXT, data.resolution());
        assertTrue(data.message().startsWith("files.data stays text, as you chose"), data.message());
        assertTrue(r.result().verified());
        assertEquals(List.of("1", "2.5", "word", "hello"), column(r.db(), "files", "data"));
    }

    @Test
    void columnsThatKeepTheirKindAreNotListed(@TempDir Path dir) throws Exception {
        Run r = migrate(dir);
        assertTrue(r.plan().problems().stream().noneMatch(p -> "id".equals(p.column())), r.plan().problems().toString());
    }

    /** Issue #17: text that is not UTF-8 "becomes bytea", and now says the app reads bytes in every row. */
    @Test
    void textThatBecomesBytesSaysTheAppReadsBytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("notes.sqlite");
        try (dev.ferry.testing.SqliteFixture f = dev.ferry.testing.SqliteFixture.at(file)) {
            f.sql("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
                    "INSERT INTO notes (body) VALUES ('fine'), (CAST(x'636166e9' AS TEXT))");
        }
        Options o = Options.of(file, TestPostgres.get().freshDatabase(), TestPostgres.get().adminPassword());
        Plan plan = new Migration(o, MigrationListener.NONE).preflight();
        Problem change = plan.problems().stream().filter(p -> p.kind() == Problem.Kind.KIND_CHANGED).findFirst().orElseThrow();
        assertEquals("notes.body becomes bytes (bytea): the app reads bytes, not text, in every row of it, so 'abc' "
                + "arrives as \\x616263 and must be decoded.", change.message());
    }

    private static List<Object> column(TargetAddress db, String table, String column) throws Exception {
        List<Object> out = new ArrayList<>();
        try (Connection c = TestPostgres.get().connect(db);
             ResultSet rs = c.createStatement().executeQuery("SELECT " + column + " FROM " + table + " ORDER BY id")) {
            while (rs.next()) {
                Object v = rs.getObject(1);
                out.add(v instanceof byte[] b ? HexFormat.of().formatHex(b) : v);
            }
        }
        return out;
    }
}
