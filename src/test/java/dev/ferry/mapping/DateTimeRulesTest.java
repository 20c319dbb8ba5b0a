package dev.ferry.mapping;

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
}
