package dev.ferry.verify;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.PgType;
import dev.ferry.plan.PgType.Kind;
import dev.ferry.postgres.BinaryCopyEncoder;
import dev.ferry.postgres.CopyEncoder;
import dev.ferry.postgres.RowEncoder;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.TestPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyInputStream;

/**
 * What the copy sends (CopyEncoder, COPY ... FROM STDIN) must come back from the real PostgreSQL
 * (COPY ... TO STDOUT (FORMAT binary), read by BinaryRowReader) as the same values, so a checksum
 * of what was sent and a checksum of what PostgreSQL gives back can agree.
 */
class CopyRoundTripTest {

    private static final List<Object> STRINGS = Arrays.asList("plain", "", null, "tab\there", "new\nline",
            "carriage\rreturn", "\r\n", "back\\slash", "ends with backslash\\", "\\N", "\\", "\\\\t", "emoji 😀🚀",
            "é ß 日本語 עברית", "\u0001\b\f\u000B", "  spaced  ", "\t", "\n", "x".repeat(70_000));

    private static Map<Kind, List<Object>> samples() {
        Map<Kind, List<Object>> m = new EnumMap<>(Kind.class);
        m.put(Kind.BIGINT, Arrays.asList(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 32767L, null));
        m.put(Kind.INTEGER, Arrays.asList(0L, 1L, -1L, (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE, 32767L,
                null));
        m.put(Kind.SMALLINT, Arrays.asList(0L, 1L, -1L, (long) Short.MAX_VALUE, (long) Short.MIN_VALUE, 255L, null));
        m.put(Kind.DOUBLE, Arrays.asList(0.0, -0.0, 1.5, -2.25, 0.1, Math.PI, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL,
                1e300, 1e-300, 9007199254740993.0, 123456789.125, null));
        m.put(Kind.NUMERIC, Arrays.asList(new BigDecimal("0"), new BigDecimal("0.99"), new BigDecimal("-123.4500"),
                new BigDecimal("12345678901234567890.123456789012345678901234567890"), new BigDecimal("1E+3"),
                new BigDecimal("1E-20"), new BigDecimal("-0.000001"), new BigDecimal("10000"), new BigDecimal("0.0001"),
                new BigDecimal("99999999.99990000"), new BigDecimal("-1E+17"), new BigDecimal("0.00000000"),
                new BigDecimal("123456.7"), "NaN", "Infinity", "-Infinity", null));
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

    // PostgreSQL

    /** The column type the test creates: what Ferry creates, with a length for varchar. */
    private static String sqlType(Kind kind) {
        return switch (kind) {
            case VARCHAR -> "varchar(100000)";
            case NUMERIC -> "numeric";
            default -> PgType.of(kind).sql();
        };
    }

    private static Connection freshConnection() throws SQLException {
        TargetAddress db = TestPostgres.get().freshDatabase();
        return TestPostgres.get().connect(db);
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Sends what the encoder holds, as the copy does. */
    private static long copyIn(Connection c, String sql, RowEncoder enc) throws SQLException, IOException {
        enc.finish();
        return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql + enc.copyOptions(),
                new ByteArrayInputStream(enc.buffer(), 0, enc.size()));
    }

    /** Both formats the copy writes: text, and binary for the tables a run creates. */
    private static RowEncoder encoder(boolean binary, Kind... kinds) {
        RowEncoder enc = binary ? new BinaryCopyEncoder(kinds) : new CopyEncoder();
        enc.begin();
        return enc;
    }

    /** Reads a query back as verification does: binary COPY through BinaryRowReader. */
    private static List<Object[]> copyOut(Connection c, String select, Kind... kinds) throws SQLException, IOException {
        List<Object[]> rows = new ArrayList<>();
        try (PGCopyInputStream in = new PGCopyInputStream(c.unwrap(PGConnection.class),
                "COPY (" + select + ") TO STDOUT (FORMAT binary)")) {
            BinaryRowReader reader = new BinaryRowReader(in, kinds);
            for (Object[] row = reader.next(); row != null; row = reader.next()) {
                rows.add(row.clone()); // the reader reuses its array
            }
            drain(in);
        }
        return rows;
    }

    /** Reads to the end of the COPY (as Checksums does) so the connection can run the next statement. */
    private static void drain(PGCopyInputStream in) throws SQLException {
        while (in.isActive() && in.readFromCopy() != null) {
            // the end-of-data message and the command's completion
        }
    }

    /** The checksum verification computes: binary COPY hashed as it is read, no values built. */
    private static long copyOutChecksum(Connection c, String select, Kind... kinds) throws SQLException, IOException {
        RowHasher h = new RowHasher(kinds);
        try (PGCopyInputStream in = new PGCopyInputStream(c.unwrap(PGConnection.class),
                "COPY (" + select + ") TO STDOUT (FORMAT binary)")) {
            BinaryRowReader reader = new BinaryRowReader(in, kinds);
            while (reader.hashNext(h)) {
                // hashed as read
            }
            drain(in);
        }
        return h.sum();
    }

    /** One table with an id and one column of the kind, one row per value, read back in id order. */
    private static List<Object> roundTrip(Kind kind, List<Object> values) throws SQLException, IOException {
        return roundTrip(kind, values, false);
    }

    private static List<Object> roundTrip(Kind kind, List<Object> values, boolean binary) throws SQLException, IOException {
        try (Connection c = freshConnection()) {
            execute(c, "CREATE TABLE t (id bigint, v " + sqlType(kind) + ")");
            RowEncoder enc = encoder(binary, Kind.BIGINT, kind);
            long id = 0;
            for (Object v : values) {
                enc.value(id++);
                enc.value(v);
                enc.endRow();
            }
            assertEquals(values.size(), copyIn(c, "COPY t (id, v) FROM STDIN", enc), kind + ": rows copied in");
            List<Object> out = new ArrayList<>();
            for (Object[] row : copyOut(c, "SELECT v FROM t ORDER BY id", kind)) {
                assertEquals(1, row.length);
                out.add(row[0]);
            }
            assertEquals(checksum(kind, values), copyOutChecksum(c, "SELECT v FROM t", kind),
                    kind + ": checksum hashed while reading back, against the values sent");
            return out;
        }
    }

    private static void assertSameValue(Kind kind, Object sent, Object back) {
        if (sent == null) {
            assertNull(back, kind + ": null came back as " + printable(back));
        } else if (kind == Kind.JSONB) {
            assertEquals(RowHasher.jsonbText((String) sent), back,
                    () -> kind + ": " + printable(sent) + " came back as " + printable(back));
        } else if (sent instanceof String text && back instanceof byte[] utf8) { // text is read back as its UTF-8 bytes
            assertEquals(text, new String(utf8, java.nio.charset.StandardCharsets.UTF_8),
                    () -> kind + ": " + printable(sent) + " came back as other bytes");
        } else if (sent instanceof byte[] b) {
            assertArrayEquals(b, (byte[]) back, () -> kind + ": " + b.length + " bytes");
        } else if (sent instanceof BigDecimal d) {
            assertTrue(back instanceof BigDecimal, () -> kind + ": " + d + " came back as " + printable(back));
            assertEquals(0, d.compareTo((BigDecimal) back), () -> kind + ": " + d + " came back as " + back);
        } else if (sent instanceof Double d) {
            assertTrue(back instanceof Double, () -> kind + ": " + d + " came back as " + printable(back));
            assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits((Double) back),
                    () -> kind + ": " + d + " came back as " + back);
        } else {
            assertEquals(sent, back, () -> kind + ": " + printable(sent) + " came back as " + printable(back));
        }
    }

    private static String printable(Object o) {
        String s = o instanceof byte[] b ? Arrays.toString(b) : String.valueOf(o);
        s = s.length() > 80 ? s.substring(0, 80) + "...(" + s.length() + " chars)" : s;
        return s.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
    }

    private static long checksum(Kind kind, List<Object> values) {
        RowHasher h = new RowHasher(new Kind[] {kind});
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

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyKindRoundTripsThroughPostgres(Kind kind) throws Exception {
        sameAfterRoundTrip(kind, false);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyKindRoundTripsAsBinaryCopy(Kind kind) throws Exception {
        sameAfterRoundTrip(kind, true);
    }

    @Test
    void timestampsGivenAsMicrosEncodeAsTheirDateTimes() {
        for (String text : List.of("2019-01-01 00:00:18", "0001-01-01 00:00:00", "9999-12-31 23:59:59", "1969-12-31 23:59:59",
                "2000-01-01 00:00:00")) {
            java.time.LocalDateTime t = dev.ferry.value.IsoTime.localDateTime(text);
            for (boolean binary : new boolean[] {true, false}) {
                RowEncoder a = encoder(binary, Kind.TIMESTAMP), b = encoder(binary, Kind.TIMESTAMP);
                a.value(t);
                a.endRow();
                b.timestampMicros(dev.ferry.value.IsoTime.plainMicros(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
                b.endRow();
                assertArrayEquals(Arrays.copyOf(a.buffer(), a.size()), Arrays.copyOf(b.buffer(), b.size()), text);
            }
        }
    }

    @Test
    void binaryRefusesWhatWouldNotFit() {
        BinaryCopyEncoder enc = new BinaryCopyEncoder(new Kind[] {Kind.INTEGER, Kind.SMALLINT, Kind.TEXT});
        enc.begin();
        assertThrows(IllegalArgumentException.class, () -> enc.value(1L + Integer.MAX_VALUE));
        BinaryCopyEncoder small = new BinaryCopyEncoder(new Kind[] {Kind.SMALLINT});
        assertThrows(IllegalArgumentException.class, () -> small.value(40_000L));
        BinaryCopyEncoder text = new BinaryCopyEncoder(new Kind[] {Kind.TEXT});
        assertThrows(IllegalArgumentException.class, () -> text.value(5L), "a number is never sent as text bytes");
    }

    @Test
    void binaryMarksDoubtfulTextLikeText() {
        for (boolean binary : new boolean[] {false, true}) {
            RowEncoder enc = encoder(binary, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT);
            enc.utf8("plain é 🚢".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertFalse(enc.takeDoubtful(), "valid UTF-8");
            enc.utf8(new byte[] {'a', 0, 'b'});
            assertTrue(enc.takeDoubtful(), "NUL");
            enc.utf8(new byte[] {'C', 'a', (byte) 0xFE});
            assertTrue(enc.takeDoubtful(), "Latin-1");
            enc.value("a � from the driver");
            assertTrue(enc.takeDoubtful(), "replacement character");
            enc.endRow();
        }
    }

    /** Strings the driver hands over are written as UTF-8 by both encoders; what has no UTF-8 form is doubtful. */
    @Test
    void stringsBecomeUtf8AndLoneSurrogatesAreDoubtful() {
        String[] clean = {"aé", "日本", "🚢x", "\u07FF\u0800\uFFFF", "\uD800\uDC00"};
        String[] doubtful = {"a\uD800", "\uDC00b", "\uD83D", "x\uFFFDy"};
        for (boolean binary : new boolean[] {false, true}) {
            for (String text : clean) {
                RowEncoder enc = encoder(binary, Kind.TEXT);
                enc.value(text);
                assertFalse(enc.takeDoubtful(), text);
                enc.endRow();
                byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                byte[] out = Arrays.copyOf(enc.buffer(), enc.size());
                assertTrue(indexOf(out, utf8) >= 0, () -> printable(text) + " written as its UTF-8 bytes");
            }
            for (String text : doubtful) {
                RowEncoder enc = encoder(binary, Kind.TEXT);
                enc.value(text);
                assertTrue(enc.takeDoubtful(), () -> printable(text));
                enc.endRow();
                byte[] out = Arrays.copyOf(enc.buffer(), enc.size());
                assertTrue(indexOf(out, new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD}) >= 0,
                        () -> printable(text) + ": U+FFFD in its place");
            }
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void sameAfterRoundTrip(Kind kind, boolean binary) throws Exception {
        List<Object> values = samples().get(kind);
        List<Object> back = roundTrip(kind, values, binary);
        assertEquals(values.size(), back.size(), kind + ": rows read back");
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Object sent = values.get(i), got = back.get(i);
            checks.add(() -> assertSameValue(kind, sent, got));
        }
        checks.add(() -> assertEquals(checksum(kind, values), checksum(kind, back),
                kind + ": checksum of sent and read back"));
        assertAll(kind.toString(), checks);
    }

    @Test
    void negativeZeroStaysNegative() throws Exception {
        Object back = roundTrip(Kind.DOUBLE, List.of(-0.0)).get(0);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) back));
    }

    @Test
    void jsonbNormalisationHashesLikeTheSentText() throws Exception {
        List<Object> sent = List.of("{\"b\":2, \"a\":1.0}", "{ \"a\" : [ 1.00, { \"y\" : 2, \"x\" : 1 } ] }",
                "{\"n\": 1e2, \"m\": -0, \"s\": \"\\u00e9\"}");
        List<Object> back = roundTrip(Kind.JSONB, sent);
        assertEquals(sent.size(), back.size());
        assertAll(sent.stream().map(s -> (Executable) () -> {
            Object got = back.get(sent.indexOf(s));
            assertNotEquals(s, got, "PostgreSQL normalised the text");
            assertEquals(RowHasher.jsonbText((String) s), got, () -> s + " came back as " + got);
        }));
        assertEquals(checksum(Kind.JSONB, sent), checksum(Kind.JSONB, back));
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
    void severalColumnsInOneRow() throws Exception {
        Kind[] kinds = {Kind.TEXT, Kind.BIGINT, Kind.TEXT, Kind.BYTEA, Kind.TIMESTAMPTZ, Kind.TEXT};
        Object[] row = {null, 7L, "", new byte[0], Instant.parse("2024-05-01T10:00:00Z"), ""};
        List<String> cols = new ArrayList<>();
        for (int i = 0; i < kinds.length; i++) {
            cols.add("c" + i + " " + sqlType(kinds[i]));
        }
        try (Connection c = freshConnection()) {
            execute(c, "CREATE TABLE t (" + String.join(", ", cols) + ")");
            CopyEncoder enc = new CopyEncoder();
            for (Object v : row) {
                enc.value(v);
            }
            enc.endRow();
            assertEquals(1, copyIn(c, "COPY t (c0, c1, c2, c3, c4, c5) FROM STDIN", enc));
            List<Object[]> back = copyOut(c, "SELECT c0, c1, c2, c3, c4, c5 FROM t", kinds);
            assertEquals(1, back.size());
            assertEquals(row.length, back.get(0).length);
            for (int i = 0; i < row.length; i++) {
                assertSameValue(kinds[i], row[i], back.get(0)[i]);
            }
        }
    }

    /** Every kind side by side: one column per kind, each row takes the next sample of each kind. */
    @Test
    void everyKindSideBySide() throws Exception {
        Map<Kind, List<Object>> samples = samples();
        Kind[] kinds = Kind.values();
        int rows = samples.values().stream().mapToInt(List::size).max().orElseThrow();
        List<String> defs = new ArrayList<>(List.of("id bigint"));
        List<String> names = new ArrayList<>();
        for (Kind k : kinds) {
            defs.add("c_" + k.name().toLowerCase() + " " + sqlType(k));
            names.add("c_" + k.name().toLowerCase());
        }
        try (Connection c = freshConnection()) {
            execute(c, "CREATE TABLE t (" + String.join(", ", defs) + ")");
            CopyEncoder enc = new CopyEncoder();
            List<Object[]> sent = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                Object[] row = new Object[kinds.length];
                enc.value((long) r);
                for (int k = 0; k < kinds.length; k++) {
                    List<Object> s = samples.get(kinds[k]);
                    row[k] = s.get(r % s.size());
                    enc.value(row[k]);
                }
                enc.endRow();
                sent.add(row);
            }
            assertEquals(rows, copyIn(c, "COPY t (id, " + String.join(", ", names) + ") FROM STDIN", enc));
            List<Object[]> back = copyOut(c, "SELECT " + String.join(", ", names) + " FROM t ORDER BY id", kinds);
            assertEquals(rows, back.size());
            RowHasher sentSum = new RowHasher(kinds);
            for (Object[] row : sent) {
                for (Object v : row) {
                    sentSum.value(v);
                }
                sentSum.endRow();
            }
            assertEquals(sentSum.sum(), copyOutChecksum(c, "SELECT " + String.join(", ", names) + " FROM t", kinds),
                    "checksum of every kind side by side, hashed while reading back");
            List<Executable> checks = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < kinds.length; k++) {
                    Kind kind = kinds[k];
                    Object s = sent.get(r)[k], got = back.get(r)[k];
                    checks.add(() -> assertSameValue(kind, s, got));
                }
            }
            assertAll(checks);
        }
    }

    /** As the copy uses it: write the buffer, reset, encode on; a reset row never reaches PostgreSQL. */
    @Test
    void encoderBufferCanBeReused() throws Exception {
        try (Connection c = freshConnection()) {
            execute(c, "CREATE TABLE t (id bigint, v text)");
            c.setAutoCommit(false);
            CopyEncoder enc = new CopyEncoder();
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY t (id, v) FROM STDIN");
            String big = "y".repeat(70_000); // grows the buffer past its first size
            enc.value(1L);
            enc.value(big);
            enc.endRow();
            copy.writeToCopy(enc.buffer(), 0, enc.size());
            enc.reset();
            enc.value(2L);
            enc.value("discarded");
            enc.endRow();
            enc.reset();
            enc.value(3L);
            enc.value("second");
            enc.endRow();
            copy.writeToCopy(enc.buffer(), 0, enc.size());
            enc.reset();
            assertEquals(2, copy.endCopy());
            c.commit();
            List<Object[]> back = copyOut(c, "SELECT id, v FROM t ORDER BY id", Kind.BIGINT, Kind.TEXT);
            assertEquals(2, back.size());
            assertEquals(1L, back.get(0)[0]);
            assertEquals(big, new String((byte[]) back.get(0)[1], java.nio.charset.StandardCharsets.UTF_8)); // text comes back as UTF-8
            assertEquals(3L, back.get(1)[0]);
            assertEquals("second", new String((byte[]) back.get(1)[1], java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    // RowHasher

    private static long sum(Kind[] kinds, Object[]... rows) {
        RowHasher h = new RowHasher(kinds);
        for (Object[] row : rows) {
            for (Object v : row) {
                h.value(v);
            }
            h.endRow();
        }
        assertEquals(rows.length, h.rows());
        return h.sum();
    }

    /** The sum of rows whose columns' kinds follow the first row's values (null: text). */
    private static long sum(Object[]... rows) {
        Kind[] kinds = Arrays.stream(rows[0]).map(v -> v instanceof Long ? Kind.BIGINT : v instanceof BigDecimal
                ? Kind.NUMERIC : v instanceof LocalDate ? Kind.DATE : v instanceof Boolean ? Kind.BOOLEAN
                : Kind.TEXT).toArray(Kind[]::new);
        return sum(kinds, rows);
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
    void jsonIsComparedAsJsonbHoldsIt() {
        Kind[] json = {Kind.JSONB};
        assertEquals(sum(json, new Object[] {"{\"a\":1,\"b\":2}"}), sum(json, new Object[] {"{\"b\":2, \"a\":1}"}));
        assertEquals(sum(json, new Object[] {"{\"a\":[1.00,{\"y\":2,\"x\":1}]}"}),
                sum(json, new Object[] {"{ \"a\" : [ 1.00, { \"x\" : 1, \"y\" : 2 } ] }"}));
        // jsonb keeps the digits written: 1.0 prints as 1.0, so it is not the 1 it equals
        assertNotEquals(sum(json, new Object[] {"{\"a\":1}"}), sum(json, new Object[] {"{\"a\":1.0}"}));
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
        RowHasher h = new RowHasher(new Kind[] {Kind.TEXT, Kind.TEXT});
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
