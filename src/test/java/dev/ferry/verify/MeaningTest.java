package dev.ferry.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Values compare by what they mean, whichever database returned them: SQLite's value is read in the
 * light of the type PostgreSQL gave the column. Text is compared exactly.
 */
class MeaningTest {

    @Test
    void numbersIgnoreTheirScaleAndStorage() {
        assertEquals("1", Meaning.sqlite(1L, "numeric"));
        assertEquals("1", Meaning.sqlite(1.0, "numeric"));
        assertEquals("1", Meaning.sqlite("1.00", "numeric"));
        assertEquals("2.5", Meaning.sqlite(2.50, "float8"));
        assertEquals(Meaning.number(0.1 + 0.2), Meaning.sqlite("0.3", "numeric"), "floating-point noise is not a difference");
        assertEquals("9007199254740993", Meaning.sqlite(9007199254740993L, "int8"), "big integers stay exact");
    }

    @Test
    void truthTimesAndNulls() {
        assertEquals("1", Meaning.sqlite(1L, "bool"));
        assertEquals("0", Meaning.sqlite("false", "bool"));
        assertEquals("1997-12-31 00:00:00", Meaning.sqlite("1997-12-31 00:00:00.000", "timestamp"));
        assertEquals("2024-01-02 03:04:05", Meaning.sqlite("2024-01-02T03:04:05", "timestamp"));
        assertEquals("2024-01-02 03:04:05.12", Meaning.sqlite("2024-01-02 03:04:05.120", "timestamp"));
        assertEquals("2024-01-02 01:04:05Z", Meaning.sqlite("2024-01-02T03:04:05+02:00", "timestamptz"));
        assertEquals("2024-01-02", Meaning.sqlite("2024-01-02 00:00:00", "date"));
        assertEquals("not a date", Meaning.sqlite("not a date", "timestamp"), "text of another shape is kept as it is");
        assertNull(Meaning.sqlite(null, "text"));
    }

    @Test
    void textIsExactAndJsonIsAsJsonbKeepsIt() {
        assertEquals("2024-01-02T03:04:05", Meaning.sqlite("2024-01-02T03:04:05", "text"));
        assertNotEquals(Meaning.sqlite("Abc", "text"), Meaning.sqlite("abc", "text"));
        assertEquals("1", Meaning.sqlite(1L, "text"), "an integer SQLite returns for a text column is its digits");
        assertEquals(Meaning.sqlite("{\"b\": 1, \"a\": [1.0, \"x\"]}", "jsonb"), Meaning.sqlite("{\"a\":[1,\"x\"],\"b\":1}", "jsonb"));
        assertEquals("\\x00ff", Meaning.sqlite(new byte[] {0, (byte) 0xff}, "bytea"));
        assertEquals("'it''s'", Meaning.shown("it's", true));
    }
}
