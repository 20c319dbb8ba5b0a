package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.plan.PgType;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Resolutions;
import dev.ferry.plan.RowFixer;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.CopyEncoder;
import dev.ferry.sqlite.SqliteSource;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.verify.Checksums;
import dev.ferry.verify.RowHasher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each column gets the copy step its plan calls for, and the steps send and hash exactly what the
 * source's own checksum reads (verify.Checksums, which reads SQLite on its own), row for row.
 */
class ColumnStepTest {

    static Path file;
    static Plan plan;

    @BeforeAll
    static void plan(@TempDir Path dir) throws Exception {
        file = dir.resolve("steps.sqlite");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE lines (id INTEGER PRIMARY KEY, name TEXT, qty INTEGER, price REAL, at DATETIME, "
                            + "meta JSON, flag BOOLEAN, amount NUMERIC(8,2), day DATE, tag UUID, data BLOB, "
                            + "total REAL GENERATED ALWAYS AS (price * qty) STORED)",
                    "CREATE TABLE stock (id INTEGER PRIMARY KEY, n INTEGER)",
                    "INSERT INTO stock (n) VALUES (1), ('two'), (3)");
            f.insert("lines(id, name, qty, price, at, meta, flag, amount, day, tag, data)",
                    new Object[] {1L, "bolt\ttab", 4L, 2.5, "2024-03-01 10:00:00", "{\"b\": 1, \"a\": [true]}", 1L, 12.5,
                            "2024-03-01", "0e3b1f7a-9c55-4a43-a53a-6a3c2c4f7d10", new byte[] {0, 1, (byte) 0xff}},
                    new Object[] {2L, "nüt 日本", 3L, 0.1, "2024-03-02T11:30:00.25", "[]", 0L, 3L, "1999-12-31",
                            "7d5e1c2b-0000-4000-8000-000000000001", new byte[0]},
                    new Object[] {3L, null, 1L, null, null, null, null, null, null, null, null});
        }
        Options o = Options.of(file, null, null).withResolutions(Resolutions.parse(List.of("does-not-fit=null")));
        plan = new Migration(o, MigrationListener.NONE).preflight();
    }

    private static Map<String, Class<?>> stepKinds(TablePlan t) {
        ColumnStep[] steps = ColumnStep.of(t, 2, RowFixer.of(t));
        Map<String, Class<?>> out = new LinkedHashMap<>();
        for (int i = 0; i < steps.length; i++) {
            out.put(t.columns().get(i).source().name(), steps[i].getClass());
            assertEquals(2 + i, at(steps[i]), "each step reads its own column of the row, after the rowid");
        }
        return out;
    }

    private static int at(ColumnStep s) {
        if (s instanceof ColumnStep.Fixed f) {
            return f.usual().c().at();
        }
        return s instanceof ColumnStep.Computed c ? c.c().at() : s instanceof ColumnStep.Converted c ? c.c().at()
                : s instanceof ColumnStep.Utf8Text c ? c.c().at() : ((ColumnStep.IsoTimestamp) s).c().at();
    }

    @Test
    void eachColumnGetsTheStepItsPlanCallsFor() {
        TablePlan lines = plan.table("lines").orElseThrow();
        assertEquals(PgType.Kind.JSONB, lines.column("meta").type().kind());
        Map<String, Class<?>> expected = new LinkedHashMap<>();
        expected.put("id", ColumnStep.Converted.class);
        expected.put("name", ColumnStep.Utf8Text.class);   // text affinity: the bytes SQLite stored
        expected.put("qty", ColumnStep.Converted.class);
        expected.put("price", ColumnStep.Converted.class);
        expected.put("at", ColumnStep.IsoTimestamp.class); // date-time text only
        expected.put("meta", ColumnStep.Utf8Text.class);   // JSON the profile found only text in
        expected.put("flag", ColumnStep.Converted.class);
        expected.put("amount", ColumnStep.Converted.class);
        expected.put("day", ColumnStep.Converted.class);
        expected.put("tag", ColumnStep.Converted.class);
        expected.put("data", ColumnStep.Converted.class);
        expected.put("total", ColumnStep.Computed.class);  // PostgreSQL computes it
        assertEquals(expected, stepKinds(lines));

        TablePlan stock = plan.table("stock").orElseThrow();
        assertEquals(Map.of("id", ColumnStep.Converted.class, "n", ColumnStep.Fixed.class), stepKinds(stock));
    }

    @Test
    void stepsSendEveryKindAsCopyTextAndHashWhatTheSourceChecksumReads() throws Exception {
        TablePlan lines = plan.table("lines").orElseThrow();
        Copied c = copy(lines);
        assertEquals(Checksums.source(lines, SqliteSource.open(file)).checksum(), c.sum);
        assertEquals(List.of(
                "1\tbolt\\ttab\t4\t2.5\t2024-03-01 10:00:00\t{\"b\": 1, \"a\": [true]}\tt\t12.5\t2024-03-01\t"
                        + "0e3b1f7a-9c55-4a43-a53a-6a3c2c4f7d10\t\\\\x0001ff",
                "2\tnüt 日本\t3\t0.1\t2024-03-02 11:30:00.250000\t[]\tf\t3\t1999-12-31\t7d5e1c2b-0000-4000-8000-000000000001\t\\\\x",
                "3\t\\N\t1\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N"), c.lines,
                "one field per copied column (not the generated one), each in its type's text form");
    }

    @Test
    void aFixedColumnSendsTheFixersValueAndHashesIt() throws Exception {
        TablePlan stock = plan.table("stock").orElseThrow();
        Copied c = copy(stock);
        assertEquals(List.of("1\t1", "2\t\\N", "3\t3"), c.lines, "'two' does not fit bigint: stored as NULL, as chosen");
        assertEquals(Checksums.source(stock, SqliteSource.open(file)).checksum(), c.sum);
    }

    @Test
    void textPostgresCannotHoldStopsTheCopyInPlainWords() {
        TablePlan lines = plan.table("lines").orElseThrow();
        CopyColumn name = new CopyColumn("lines", lines.column("name"), 2);
        FerryException nul = assertThrows(FerryException.class, () -> name.checkText(new byte[] {'a', 0}, 7));
        assertTrue(nul.getMessage().startsWith("Column name of table lines (row with rowid 7) holds text with a NUL byte"),
                nul.getMessage());
        FerryException bad = assertThrows(FerryException.class, () -> name.checkText(new byte[] {'a', (byte) 0xc3}, 0));
        assertTrue(bad.getMessage().startsWith("Column name of table lines holds text that is not valid UTF-8"), bad.getMessage());
        assertFalse(bad.getMessage().contains("rowid"), "a table without rowids names no row");
        name.checkText("fine ü".getBytes(StandardCharsets.UTF_8), 1); // valid text passes
    }

    private record Copied(List<String> lines, long sum) {
    }

    /** Runs every row of the table through its steps, as TableCopier does, into COPY text. */
    private static Copied copy(TablePlan t) throws Exception {
        CopyPart part = CopyPart.plan(List.of(t), SqliteSource.open(file), 1).get(0);
        RowFixer fixer = RowFixer.of(t);
        ColumnStep[] steps = ColumnStep.of(t, 2, fixer);
        RowHasher hasher = new RowHasher(t.columns().stream().map(c -> c.type().kind()).toArray(PgType.Kind[]::new));
        CopyEncoder enc = new CopyEncoder();
        try (Connection c = SqliteSource.open(file).connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(part.select())) {
            while (rs.next()) {
                long rowid = rs.getLong(1);
                if (fixer != null && !fixer.check(rs, 2, rowid, change -> { })) {
                    continue;
                }
                for (ColumnStep step : steps) {
                    step.copy(rs, enc, hasher, rowid);
                }
                enc.endRow();
                hasher.endRow();
            }
        }
        String text = new String(Arrays.copyOf(enc.buffer(), enc.size()), StandardCharsets.UTF_8);
        return new Copied(List.of(text.split("\n")), hasher.sum());
    }
}
