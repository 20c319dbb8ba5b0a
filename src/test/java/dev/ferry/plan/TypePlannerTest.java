package dev.ferry.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ferry.plan.PgType.Kind;
import dev.ferry.schema.Table;
import dev.ferry.sqlite.CatalogReader;
import dev.ferry.sqlite.Profiler;
import dev.ferry.sqlite.SqliteSource;
import dev.ferry.testing.SqliteFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypePlannerTest {

    @TempDir
    Path dir;

    private int files;

    /** Builds table t with one column c of the given declared type holding the values, and decides it. */
    private TypePlanner.Decision decide(String declared, Object... values) throws Exception {
        return decide(declared, Map.of(), values);
    }

    private TypePlanner.Decision decide(String declared, Map<String, PgType> overrides, Object... values)
            throws Exception {
        Path file = dir.resolve("t" + (files++) + ".sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE t (c " + declared + ")");
            for (Object v : values) {
                db.insert("t", new Object[] {v});
            }
        }
        try (Connection conn = SqliteSource.open(file).connect()) {
            Table table = new CatalogReader(conn).read().table("t").orElseThrow();
            TypePlanner.TableDecisions decisions = new TypePlanner(new Profiler(conn), overrides).decide(table);
            assertEquals(values.length, decisions.rows());
            assertEquals(1, decisions.columns().size());
            TypePlanner.Decision d = decisions.columns().get(0);
            assertEquals("c", d.column().name());
            return d;
        }
    }

    private static void assertType(String sql, TypePlanner.Decision d) {
        assertEquals(sql, d.type().sql(), () -> "rule " + (d.rule() == null ? null : d.rule().name()));
    }

    @Test
    void integerHoldingIntegersIsBigint() throws Exception {
        TypePlanner.Decision d = decide("INTEGER", 1L, -5L, Long.MAX_VALUE, Long.MIN_VALUE, null);
        assertEquals(PgType.of(Kind.BIGINT), d.type());
        assertEquals("integer", d.rule().name());
        assertNull(d.problem());
    }

    @Test
    void integerHoldingTextBecomesTextAndIsReported() throws Exception {
        TypePlanner.Decision d = decide("INTEGER", 1L, 2L, "abc", 3L);
        assertEquals(PgType.of(Kind.TEXT), d.type());
        Problem p = d.problem();
        assertNotNull(p);
        assertEquals(Problem.Kind.DOES_NOT_FIT, p.kind());
        assertEquals("t", p.table());
        assertEquals("c", p.column());
        assertEquals(1, p.count());
        assertEquals(List.of("abc"), p.examples());
    }

    @Test
    void smallintFollowsTheValues() throws Exception {
        TypePlanner.Decision small = decide("SMALLINT", 1L, -32768L, 32767L);
        assertEquals(PgType.of(Kind.SMALLINT), small.type());
        assertNull(small.problem());

        TypePlanner.Decision wider = decide("SMALLINT", 1L, 100000L);
        assertEquals(PgType.of(Kind.INTEGER), wider.type());
        assertNull(wider.problem(), "integer is the same family as smallint");
    }

    @Test
    void booleanFromNumbersAndWords() throws Exception {
        assertEquals(PgType.of(Kind.BOOLEAN), decide("BOOLEAN", 0L, 1L, null, 1L).type());
        TypePlanner.Decision words = decide("BOOLEAN", "yes", "no", "YES", " no ");
        assertEquals(PgType.of(Kind.BOOLEAN), words.type());
        assertNull(words.problem());
    }

    @Test
    void booleanWithOtherNumbersIsNotBoolean() throws Exception {
        TypePlanner.Decision d = decide("BOOLEAN", 0L, 1L, 2L);
        assertNotEquals(Kind.BOOLEAN, d.type().kind());
        assertNotNull(d.problem());
    }

    @Test
    void realWithNanTextIsDoublePrecision() throws Exception {
        TypePlanner.Decision d = decide("REAL", 1.5, "NaN", 2L, "-Infinity");
        assertEquals(PgType.of(Kind.DOUBLE), d.type());
        assertNull(d.problem());
    }

    @Test
    void numericWithPrecisionKeepsItWhenValuesFit() throws Exception {
        TypePlanner.Decision d = decide("NUMERIC(10,2)", 0.99, 12L, 12345678.5);
        assertEquals(Kind.NUMERIC, d.type().kind());
        assertEquals("numeric(10,2)", d.type().sql());
    }

    @Test
    void numericWithPrecisionFallsBackWhenAValueHasMoreDigits() throws Exception {
        TypePlanner.Decision d = decide("NUMERIC(10,2)", 0.99, 1.234);
        assertEquals(Kind.NUMERIC, d.type().kind());
        assertNotEquals("numeric(10,2)", d.type().sql());
        assertType("numeric", d);
    }

    @Test
    void nvarcharKeepsItsLengthWhenValuesFit() throws Exception {
        TypePlanner.Decision d = decide("NVARCHAR(5)", "abc", "12345", null);
        assertEquals(new PgType(Kind.VARCHAR, "varchar(5)"), d.type());
        assertNull(d.problem());
    }

    @Test
    void nvarcharWithLongerTextIsTextWithoutProblem() throws Exception {
        TypePlanner.Decision d = decide("NVARCHAR(5)", "abc", "much longer than five");
        assertEquals(PgType.of(Kind.TEXT), d.type());
        assertNull(d.problem(), "text is the same family as varchar");
    }

    @Test
    void datetimeIsoTextIsTimestamp() throws Exception {
        TypePlanner.Decision d = decide("DATETIME", "2024-05-01 10:00:00", "1999-12-31 23:59:59", null);
        assertEquals(PgType.of(Kind.TIMESTAMP), d.type());
        assertEquals(TypeRule.Conversion.AS_IS, d.rule().conversion());
        assertNull(d.problem());
    }

    @Test
    void datetimeWithOffsetsIsTimestamptz() throws Exception {
        TypePlanner.Decision d = decide("DATETIME", "2024-05-01 10:00:00+02:00", "2024-01-01 08:30:00+02:00");
        assertEquals(PgType.of(Kind.TIMESTAMPTZ), d.type());
        assertNull(d.problem());
    }

    @Test
    void datetimeHoldingUnixSecondsIsTimestampConverted() throws Exception {
        TypePlanner.Decision d = decide("DATETIME", 1714557600L, 0L, 946684800L);
        assertEquals(PgType.of(Kind.TIMESTAMP), d.type());
        assertEquals(TypeRule.Conversion.EPOCH_SECONDS, d.rule().conversion());
        assertNull(d.problem());
    }

    @Test
    void emptyDatetimeColumnIsTimestamp() throws Exception {
        TypePlanner.Decision d = decide("DATETIME");
        assertEquals(PgType.of(Kind.TIMESTAMP), d.type());
        assertNull(d.problem());
    }

    @Test
    void validJsonColumnIsJsonb() throws Exception {
        TypePlanner.Decision d = decide("JSON", "{\"a\":1}", "[1,2]", "\"s\"", "{}");
        assertEquals(PgType.of(Kind.JSONB), d.type());
        assertNull(d.problem());
    }

    @Test
    void textHoldingOnlyJsonObjectsIsJsonb() throws Exception {
        TypePlanner.Decision d = decide("TEXT", "{\"a\":1}", " {\"b\":[true,null]}", "[]");
        assertEquals(PgType.of(Kind.JSONB), d.type());
        assertNull(d.problem());
    }

    @Test
    void plainTextIsText() throws Exception {
        TypePlanner.Decision d = decide("TEXT", "hello", "{not json", "", null);
        assertEquals(PgType.of(Kind.TEXT), d.type());
        assertNull(d.problem());
    }

    @Test
    void blobIsBytea() throws Exception {
        TypePlanner.Decision d = decide("BLOB", new byte[] {1, 2, 3}, new byte[0]);
        assertEquals(PgType.of(Kind.BYTEA), d.type());
        assertNull(d.problem());
    }

    @Test
    void undeclaredTypeFollowsTheData() throws Exception {
        assertEquals(PgType.of(Kind.BIGINT), decide("", 1L, 2L, 3L).type());
        assertEquals(PgType.of(Kind.DOUBLE), decide("", 1L, 2.5).type());
        TypePlanner.Decision mixed = decide("", "text", new byte[] {0, 1});
        assertEquals(PgType.of(Kind.BYTEA), mixed.type());
        assertNull(mixed.problem(), "an undeclared column has no declared family to leave");
    }

    @Test
    void uuidTextIsUuid() throws Exception {
        TypePlanner.Decision d = decide("UUID", "123e4567-e89b-12d3-a456-426614174000",
                "00000000-0000-0000-0000-000000000000", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11");
        assertEquals(PgType.of(Kind.UUID), d.type());
        assertNull(d.problem());
    }

    @Test
    void userOverrideWins() throws Exception {
        TypePlanner.Decision d = decide("INTEGER", Map.of("t.c", PgType.parse("text")), 1L, 2L);
        assertEquals(PgType.parse("text"), d.type());
        assertNull(d.rule());
        assertNull(d.problem());
    }
}
