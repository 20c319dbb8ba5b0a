package dev.ferry.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.mapping.PgType.Kind;
import dev.ferry.target.CopyEncoder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the copy sends (CopyEncoder) must read back (CopyTextParser) as the same values, so a checksum
 * of what was sent and a checksum of what PostgreSQL gives back can agree.
 */
class CopyRoundTripTest {

    private static final List<Object> STRINGS = Arrays.asList("plain", "", null, "tab\there", "new\nline",
            "carriage\rreturn", "\r\n", "back\\slash", "ends with backslash\\", "\\N", "\\", "\\\\t", "emoji 😀🚀",
            "é ß 日本語 עברית", "\u0001\b\f\u000B", "  spaced  ", "\t", "\n", "x".repeat(70_000));

    private static Map<Kind, List<Object>> samples() {
        Map<Kind, List<Object>> m = new EnumMap<>(Kind.class);
        List<Object> longs = Arrays.asList(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 32767L, null);
        m.put(Kind.BIGINT, longs);
        m.put(Kind.INTEGER, longs);
        m.put(Kind.SMALLINT, longs);
        m.put(Kind.DOUBLE, Arrays.asList(0.0, -0.0, 1.5, -2.25, 0.1, Math.PI, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL,
                1e300, 1e-300, 9007199254740993.0, 123456789.125, null));
        m.put(Kind.NUMERIC, Arrays.asList(new BigDecimal("0"), new BigDecimal("0.99"), new BigDecimal("-123.4500"),
                new BigDecimal("12345678901234567890.123456789012345678901234567890"), new BigDecimal("1E+3"),
                new BigDecimal("1E-20"), new BigDecimal("-0.000001"), "NaN", "Infinity", "-Infinity", null));
        m.put(Kind.BOOLEAN, Arrays.asList(true, false, null));
        m.put(Kind.TEXT, STRINGS);
        m.put(Kind.VARCHAR, STRINGS);
        m.put(Kind.JSONB, Arrays.asList("{\"a\":1}", "{\"s\":\"tab\\there\\nnew \\\\ slash\"}", "[1, 2.5, null]",
                "\"😀\"", "{\"k\": \"\\u00e9 \\\" \\/\"}", null));
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        m.put(Kind.BYTEA, Arrays.asList(new byte[0], new byte[] {0}, new byte[] {'\\', '\n', '\t', '\r'}, all, null));
        m.put(Kind.TIMESTAMP, Arrays.asList(LocalDateTime.of(2024, 5, 1, 10, 0), LocalDateTime.of(2024, 5, 1, 10, 0, 0,
                123_456_000), LocalDateTime.of(2024, 5, 1, 10, 0, 0, 1_000), LocalDateTime.of(1, 1, 1, 0, 0),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000), LocalDateTime.of(1969, 12, 31, 23, 59, 59), null));
        m.put(Kind.TIMESTAMPTZ, Arrays.asList(Instant.EPOCH, Instant.parse("2024-05-01T10:00:00.123456Z"),
                Instant.parse("1960-02-29T23:59:59.000001Z"), Instant.parse("9999-12-31T23:59:59.999999Z"), null));
        m.put(Kind.DATE, Arrays.asList(LocalDate.of(2024, 2, 29), LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31),
                LocalDate.of(1970, 1, 1), null));
        m.put(Kind.TIME, Arrays.asList(LocalTime.MIDNIGHT, LocalTime.of(12, 34, 56, 1_000), LocalTime.of(23, 59, 59,
                999_999_000), LocalTime.NOON, null));
        m.put(Kind.UUID, Arrays.asList(new UUID(0, 0), UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                new UUID(-1, -1), UUID.randomUUID(), null));
        return m;
    }

    /** Encodes one row per value, then splits the buffer into lines and parses each. */
    private static List<Object> roundTrip(Kind kind, List<Object> values) {
        CopyEncoder enc = new CopyEncoder();
        for (Object v : values) {
            enc.value(v);
            enc.endRow();
        }
        List<Object> out = new ArrayList<>();
        CopyTextParser parser = new CopyTextParser(new Kind[] {kind});
        byte[] buf = Arrays.copyOf(enc.buffer(), enc.size());
        int start = 0;
        for (int i = 0; i < buf.length; i++) {
            if (buf[i] == '\n') {
                out.add(parser.parse(Arrays.copyOfRange(buf, start, i + 1))[0]);
                start = i + 1;
            }
        }
        assertEquals(buf.length, start, "the buffer ends with a row");
        return out;
    }

    private static void assertSameValue(Kind kind, Object sent, Object back) {
        if (sent == null) {
            assertNull(back, kind + ": null");
        } else if (sent instanceof byte[] b) {
            assertArrayEquals(b, (byte[]) back, kind.toString());
        } else if (sent instanceof BigDecimal d) {
            assertEquals(0, d.compareTo((BigDecimal) back), kind + ": " + d + " came back as " + back);
        } else {
            assertEquals(sent, back, () -> kind + ": " + printable(sent));
        }
    }

    private static String printable(Object o) {
        String s = String.valueOf(o);
        return s.length() > 80 ? s.substring(0, 80) + "..." : s.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
    }

    private static long checksum(Kind kind, List<Object> values) {
        RowHasher h = new RowHasher(new boolean[] {kind == Kind.JSONB});
        for (Object v : values) {
            h.value(v);
            h.endRow();
        }
        return h.sum();
    }

    @Test
    void everyKindHasSamples() {
        assertEquals(EnumSet.allOf(Kind.class), samples().keySet());
    }

    @Test
    void everyKindRoundTrips() {
        samples().forEach((kind, values) -> {
            List<Object> back = roundTrip(kind, values);
            assertEquals(values.size(), back.size(), kind.toString());
            for (int i = 0; i < values.size(); i++) {
                assertSameValue(kind, values.get(i), back.get(i));
            }
            assertEquals(checksum(kind, values), checksum(kind, back), kind + ": checksum of sent and read back");
        });
    }

    @Test
    void negativeZeroStaysNegative() {
        Object back = roundTrip(Kind.DOUBLE, List.of(-0.0)).get(0);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) back));
    }

    @Test
    void escapesAreWhatCopyExpects() {
        CopyEncoder enc = new CopyEncoder();
        enc.value("a\tb\nc\rd\\e");
        enc.value(null);
        enc.value("");
        enc.value(new byte[] {(byte) 0xAB, 0x01});
        enc.value(true);
        enc.endRow();
        String line = new String(enc.buffer(), 0, enc.size(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("a\\tb\\nc\\rd\\\\e\t\\N\t\t\\\\xab01\tt\n", line);
    }

    @Test
    void severalColumnsInOneRow() {
        Kind[] kinds = {Kind.TEXT, Kind.BIGINT, Kind.TEXT, Kind.BYTEA, Kind.TIMESTAMPTZ, Kind.TEXT};
        Object[] row = {null, 7L, "", new byte[0], Instant.parse("2024-05-01T10:00:00Z"), ""};
        CopyEncoder enc = new CopyEncoder();
        for (Object v : row) {
            enc.value(v);
        }
        enc.endRow();
        Object[] back = new CopyTextParser(kinds).parse(Arrays.copyOf(enc.buffer(), enc.size()));
        assertEquals(row.length, back.length);
        for (int i = 0; i < row.length; i++) {
            assertSameValue(kinds[i], row[i], back[i]);
        }
    }

    @Test
    void encoderBufferCanBeReused() {
        CopyEncoder enc = new CopyEncoder();
        enc.value("first");
        enc.endRow();
        enc.reset();
        enc.value("second");
        enc.endRow();
        Object[] back = new CopyTextParser(new Kind[] {Kind.TEXT}).parse(Arrays.copyOf(enc.buffer(), enc.size()));
        assertEquals("second", back[0]);
    }

    // RowHasher

    private static long sum(boolean[] json, Object[]... rows) {
        RowHasher h = new RowHasher(json);
        for (Object[] row : rows) {
            for (Object v : row) {
                h.value(v);
            }
            h.endRow();
        }
        assertEquals(rows.length, h.rows());
        return h.sum();
    }

    private static long sum(Object[]... rows) {
        return sum(new boolean[rows.length == 0 ? 0 : rows[0].length], rows);
    }

    private static final Object[] A = {1L, "alpha", new BigDecimal("0.99"), LocalDate.of(2024, 5, 1), null};
    private static final Object[] B = {2L, "beta", new BigDecimal("1.50"), LocalDate.of(2024, 5, 2), true};
    private static final Object[] C = {3L, "gamma", new BigDecimal("-7"), LocalDate.of(2024, 5, 3), false};

    @Test
    void rowOrderDoesNotMatter() {
        assertEquals(sum(A, B, C), sum(C, A, B));
        assertEquals(sum(A, B, C), sum(B, C, A));
    }

    @Test
    void aChangedValueChangesTheSum() {
        Object[] changed = A.clone();
        changed[1] = "alphA";
        assertNotEquals(sum(A, B, C), sum(changed, B, C));
        Object[] nulled = A.clone();
        nulled[0] = null;
        assertNotEquals(sum(A, B, C), sum(nulled, B, C));
        Object[] emptied = A.clone();
        emptied[1] = "";
        Object[] nullText = A.clone();
        nullText[1] = null;
        assertNotEquals(sum(emptied), sum(nullText), "empty text is not NULL");
    }

    @Test
    void missingOrExtraRowsChangeTheSum() {
        assertNotEquals(sum(A, B, C), sum(A, B));
        assertNotEquals(sum(A, B), sum(A, B, C));
        assertNotEquals(0L, sum(A));
    }

    @Test
    void duplicateRowsAreNotDistinctRows() {
        assertNotEquals(sum(A, A), sum(A, B));
        assertNotEquals(sum(A, A), sum(A));
        assertNotEquals(sum(A, A, B), sum(A, B, B));
    }

    @Test
    void valuesSwappedBetweenColumnsChangeTheSum() {
        assertNotEquals(sum(new Object[] {"x", "y"}), sum(new Object[] {"y", "x"}));
        assertNotEquals(sum(new Object[] {null, "x"}), sum(new Object[] {"x", null}));
    }

    @Test
    void valuesSwappedBetweenRowsChangeTheSum() {
        assertNotEquals(sum(new Object[] {1L, "a"}, new Object[] {2L, "b"}),
                sum(new Object[] {1L, "b"}, new Object[] {2L, "a"}));
    }

    @Test
    void numericScaleDoesNotMatter() {
        assertEquals(sum(new Object[] {new BigDecimal("0.99")}), sum(new Object[] {new BigDecimal("0.990")}));
        assertEquals(sum(new Object[] {new BigDecimal("0")}), sum(new Object[] {new BigDecimal("0.00")}));
        assertEquals(sum(new Object[] {new BigDecimal("1E+3")}), sum(new Object[] {new BigDecimal("1000")}));
    }

    @Test
    void jsonIsComparedByMeaning() {
        boolean[] json = {true};
        assertEquals(sum(json, new Object[] {"{\"a\":1,\"b\":2}"}), sum(json, new Object[] {"{\"b\":2, \"a\":1.0}"}));
        assertEquals(sum(json, new Object[] {"{\"a\":[1,{\"y\":2,\"x\":1}]}"}),
                sum(json, new Object[] {"{ \"a\" : [ 1.00, { \"x\" : 1, \"y\" : 2 } ] }"}));
        assertNotEquals(sum(json, new Object[] {"{\"a\":1}"}), sum(json, new Object[] {"{\"a\":2}"}));
        assertNotEquals(sum(json, new Object[] {"{\"a\":1}"}), sum(json, new Object[] {"{\"a\":\"1\"}"}));
        assertNotEquals(sum(json, new Object[] {"[1,2]"}), sum(json, new Object[] {"[2,1]"}));
    }

    @Test
    void jsonTextInANonJsonColumnIsComparedExactly() {
        assertNotEquals(sum(new Object[] {"{\"a\":1,\"b\":2}"}), sum(new Object[] {"{\"b\":2, \"a\":1.0}"}));
    }

    @Test
    void hasherStartsFreshAfterEachRow() {
        RowHasher h = new RowHasher(new boolean[] {false, false});
        h.value("x");
        h.value("y");
        h.endRow();
        long one = h.sum();
        h.value("x");
        h.value("y");
        h.endRow();
        assertEquals(2 * one, h.sum());
        assertTrue(h.rows() == 2);
    }
}
