package dev.ferry.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.run.Migration;
import dev.ferry.run.MigrationListener;
import dev.ferry.run.Options;
import dev.ferry.testing.SqliteFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Date-time text becomes timestamp only when every value is one Ferry reads without loss.
 * Regression: SQLite's julianday() accepts February 30th and hour 24, which Ferry then could not
 * convert; such columns must stay text (widened and reported), never fail the copy.
 */
class DateTimeRulesTest {

    @TempDir
    Path dir;
    private int n;

    private String typeOf(Object... values) throws Exception {
        Path file = dir.resolve("d" + (n++) + ".sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE t (c DATETIME)");
            for (Object v : values) {
                db.insert("t", new Object[] {v});
            }
        }
        Plan plan = new Migration(Options.of(file, null, null), MigrationListener.NONE).preflight();
        return plan.table("t").orElseThrow().column("c").type().sql();
    }

    @Test
    void isoShapesBecomeTimestamp() throws Exception {
        assertEquals("timestamp", typeOf("2024-05-01", "2024-05-01 10:00", "2024-05-01T10:00:00",
                "2024-05-01 10:00:00.123456", null));
    }

    @Test
    void offsetsBecomeTimestamptz() throws Exception {
        assertEquals("timestamptz", typeOf("2024-05-01 10:00:00Z", "2024-05-01T10:00:00+02:00",
                "2024-05-01 10:00:00.5-0530", "2024-05-01 10:00+01"));
    }

    @Test
    void impossibleDatesStayText() throws Exception {
        assertEquals("text", typeOf("2024-05-01 10:00:00", "2023-02-30 10:00:00"));
        assertEquals("text", typeOf("2024-05-01 24:00:00"));
        assertEquals("text", typeOf("2024-05-01 10:00:00.1234567"), "more than microseconds would be cut");
        assertEquals("text", typeOf("2024-05-01 10:00:00", "2024-05-01 10:00:00Z"), "mixed offsets are not guessed");
        assertEquals("text", typeOf("2024/05/01 10:00:00"));
    }

    @Test
    void numbersAreUnixTimeOrJulianDays() throws Exception {
        assertEquals("timestamp", typeOf(1714557600L, 0L));
        assertEquals("timestamp", typeOf(1714557600123L));
        assertEquals("timestamp", typeOf(2460432.5, 2451545.25), "julian days (NUMERIC affinity keeps non-integral reals)");
    }

    /** The date-time test of the profile scan, value by value (its fast path and the full one). */
    @Test
    void isoTestAcceptsExactlyWhatFerryReads() throws Exception {
        java.util.Map<String, Boolean> cases = new java.util.LinkedHashMap<>();
        for (String ok : new String[] {"2024-05-01 10:00:00", "2024-02-29 10:00:00", "9999-12-31 23:59:59",
                "0001-01-01 00:00:00", "2024-05-01", "2024-05-01T10:00:00", "2024-05-01 10:00", "2024-05-01 10:00:00.5",
                "2024-05-01T10:00:00.123456"}) {
            cases.put(ok, true);
        }
        for (String bad : new String[] {"0000-01-01 00:00:00", "2023-02-29 10:00:00", "2024-02-30 10:00:00",
                "2024-04-31 10:00:00", "2024-05-01 24:00:00", "2024-05-01 10:00:60", "2024-05-01 10:60:00",
                "2024-13-01 10:00:00", "2024-00-10 10:00:00", "2024-01-00 10:00:00", " 2024-05-01 10:00:0",
                "2024-05-01 10:00:00 ", "+024-05-01 10:00:00", "2024-5-01 10:00:00", "2024-02-30", "0000-01-01",
                "2024-05-01 10:00:00.1234567", "2024-05-01 10:00:00Z", "2024/05/01 10:00:00", "abc", ""}) {
            cases.put(bad, false);
        }
        String test = TypeRules.isoLocal("v", true);
        String date = TypeRules.all().stream().filter(r -> r.name().equals("date")).findFirst().orElseThrow()
                .valueSql(new dev.ferry.schema.Column("v", 0, "DATE", false, null, 0, dev.ferry.schema.Column.Generated.NONE, null), "v");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:");
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT coalesce(" + test + ", 0), coalesce(" + date
                     + ", 0) FROM (SELECT ? AS v)")) {
            for (var e : cases.entrySet()) {
                ps.setString(1, e.getKey());
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(e.getValue(), rs.getBoolean(1), "'" + e.getKey() + "' as a date-time");
                    boolean isDate = e.getValue() && e.getKey().length() == 10;
                    assertEquals(isDate, rs.getBoolean(2), "'" + e.getKey() + "' as a date");
                }
            }
        }
    }
}
