package dev.ferry.verify;

import dev.ferry.value.JsonbText;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.PgType.Kind;
import dev.ferry.testing.TestPostgres;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ferry's Java copies of PostgreSQL's hash functions and of jsonb's printed text, value by value
 * against the real server: a checksum PostgreSQL computes over the target can only equal the
 * source's if every one of these agrees.
 */
class PgHashTest {

    private static Connection pg;
    private final Random random = new Random(20261121);

    @BeforeAll
    static void connect() throws SQLException {
        pg = TestPostgres.get().connect(TestPostgres.get().freshDatabase());
    }

    @AfterAll
    static void close() throws SQLException {
        pg.close();
    }

    /** The server's hash of one value: the hash of a one-column row is that column's hash. */
    private static long server(String castTo, Object value) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement("SELECT hash_record_extended(ROW(?::" + castTo + "), 0)")) {
            ps.setObject(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long serverText(String sql) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void bytesOfEveryLengthAroundTheBlockSize() throws SQLException {
        for (int len = 0; len <= 40; len++) {
            byte[] b = new byte[len];
            random.nextBytes(b);
            assertEquals(server("bytea", b), PgHash.bytes(b), "bytea of " + len + " bytes");
        }
        byte[] big = new byte[100_003];
        random.nextBytes(big);
        assertEquals(server("bytea", big), PgHash.bytes(big), "a large bytea");
        byte[] inside = new byte[50];
        random.nextBytes(inside);
        byte[] slice = java.util.Arrays.copyOfRange(inside, 7, 30);
        assertEquals(PgHash.bytes(slice), PgHash.bytes(inside, 7, 23), "a slice hashes as the bytes it holds");
    }

    @Test
    void text() throws SQLException {
        List<String> texts = new ArrayList<>(List.of("", "a", "ferry ✓", "é ß 日本語 עברית", "emoji 😀🚀", "x".repeat(5000)));
        for (int i = 0; i < 30; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(30);
            for (int k = 0; k < n; k++) {
                sb.appendCodePoint(random.nextBoolean() ? 'a' + random.nextInt(26) : 0xA0 + random.nextInt(0x2000));
            }
            texts.add(sb.toString());
        }
        for (String t : texts) {
            assertEquals(server("text", t), PgHash.bytes(t.getBytes(StandardCharsets.UTF_8)), t);
        }
    }

    @Test
    void integersOfEverySize() throws SQLException {
        List<Long> values = new ArrayList<>(List.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE,
                (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE, 1L << 32, -(1L << 32), 4294967295L));
        for (int i = 0; i < 40; i++) {
            values.add(random.nextLong() >> random.nextInt(64));
        }
        for (long v : values) {
            assertEquals(server("bigint", v), PgHash.int8(v), "bigint " + v);
            assertEquals(serverText("SELECT hashint8extended(" + v + ", " + v + ")"), PgHash.int8(v, v), "seeded " + v);
            if (v == (int) v) {
                assertEquals(server("integer", (int) v), PgHash.int8(v), "integer " + v);
            }
            if (v == (short) v) {
                assertEquals(server("smallint", (short) v), PgHash.int8(v), "smallint " + v);
            }
        }
    }

    @Test
    void floats() throws SQLException {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.5, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 1e-310, Double.MAX_VALUE, 0.1 + 0.2));
        for (int i = 0; i < 30; i++) {
            values.add(Double.longBitsToDouble(random.nextLong()));
        }
        for (double v : values) {
            if (Double.isNaN(v) && Double.doubleToRawLongBits(v) != Double.doubleToRawLongBits(Double.NaN)) {
                continue; // (a NaN with another payload does not survive the trip to the server as itself)
            }
            assertEquals(server("float8", v), PgHash.float8(v), "float8 " + v);
        }
    }

    @Test
    void booleansDatesTimesAndUuids() throws SQLException {
        assertEquals(server("boolean", true), PgHash.bool(true));
        assertEquals(server("boolean", false), PgHash.bool(false));
        for (String d : List.of("2000-01-01", "1999-12-31", "1970-01-01", "0001-01-01", "9999-12-31", "2024-02-29")) {
            assertEquals(serverText("SELECT hash_record_extended(ROW('" + d + "'::date), 0)"),
                    PgHash.dateEpochDay(LocalDate.parse(d).toEpochDay()), d);
        }
        for (String t : List.of("2000-01-01 00:00:00", "1969-12-31 23:59:59.999999", "2024-02-29 13:45:10.123456",
                "0001-01-01 00:00:00", "9999-12-31 23:59:59.999999")) {
            LocalDateTime ldt = LocalDateTime.parse(t.replace(' ', 'T'));
            long micros = ldt.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + ldt.getNano() / 1000;
            assertEquals(serverText("SELECT hash_record_extended(ROW('" + t + "'::timestamp), 0)"),
                    PgHash.timestampUnixMicros(micros), t);
            assertEquals(serverText("SELECT hash_record_extended(ROW('" + t + "+00'::timestamptz), 0)"),
                    PgHash.timestampUnixMicros(micros), t + "+00");
        }
        for (String t : List.of("00:00:00", "23:59:59.999999", "12:34:56.5")) {
            assertEquals(serverText("SELECT hash_record_extended(ROW('" + t + "'::time), 0)"),
                    PgHash.int8(LocalTime.parse(t).toNanoOfDay() / 1000), t);
        }
        for (int i = 0; i < 10; i++) {
            UUID u = UUID.randomUUID();
            assertEquals(serverText("SELECT hash_record_extended(ROW('" + u + "'::uuid), 0)"),
                    PgHash.uuid(u.getMostSignificantBits(), u.getLeastSignificantBits()), u.toString());
        }
    }

    @Test
    void numerics() throws SQLException {
        List<BigDecimal> values = new ArrayList<>();
        for (String s : List.of("0", "0.00", "1", "-1", "0.0001", "0.00001", "10000", "9999", "10001", "1e20",
                "123456.7890", "-123456.789", "0.1", "12345678901234567890.123456789", "1E-30", "100000000")) {
            values.add(new BigDecimal(s));
        }
        for (int i = 0; i < 60; i++) {
            values.add(new BigDecimal(new BigInteger(1 + random.nextInt(80), random), random.nextInt(40) - 10)
                    .multiply(BigDecimal.valueOf(random.nextBoolean() ? 1 : -1)));
        }
        for (BigDecimal v : values) {
            assertEquals(serverText("SELECT hash_numeric_extended('" + v.toPlainString() + "'::numeric, 0)"),
                    RowHasher.numericHash(v), v.toPlainString());
        }
    }

    @Test
    void jsonbTextAsPostgresPrintsIt() throws SQLException {
        List<String> texts = new ArrayList<>(List.of("{}", "[]", " [ ] ", "null", "true", "false", "0", "-0", "-0.0",
                "1.50", "1e2", "1E+2", "-1.5e-3", "1.0e1", "12345678901234567890", "0.000", "1e-7", "1e1001", "1e131071", "1e-16383", "\"\"",
                "\"a\\u00e9\\ud83d\\ude00\\/\\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u001f\\u007f\"", "\"日本語 😀\"",
                "{\"b\": 1, \"a\": 2, \"aa\": 3, \"B\": 4, \"é\": 5, \"z\": 6}",
                "{\"a\": 1, \"a\": 2, \"b\": {\"a\": [1, {\"y\": null, \"x\": true}], \"a\": false}}",
                "[1, [2, [3, [4, []]]], {}, \"x\"]", "{\"k\":96233,\"tags\":[\"green\"],\"ok\":true}",
                " \t\n\r{ \"spaced\" :\n [ 1 ,2 ] } \n",
                // keys with escapes, some equal to plain keys once decoded (the last one stays)
                "{\"\\u0062\": 1, \"a\\\"b\": 2, \"\\n\": 3, \"b\": 4, \"\\u00e9\": 5, \"é\": 6, \"z\": 7}",
                "{\"x\\ty\": {\"\\u0041\": [1], \"A\": 2, \"a\\/\": 3}, \"a\": {\"k\\\\\": null}, \"\\ud83d\\ude00\": 0}"));
        for (int i = 0; i < 40; i++) {
            texts.add(randomJson(3));
        }
        for (String t : texts) {
            String back;
            try (PreparedStatement ps = pg.prepareStatement("SELECT ?::jsonb::text")) {
                ps.setString(1, t);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    back = rs.getString(1);
                }
            }
            assertEquals(back, JsonbText.canonical(t), t);
            assertEquals(back, JsonbText.canonical(back), "jsonb's own text is already canonical: " + back);
        }
    }

    @Test
    void whatJsonbRefusesIsRefused() {
        for (String t : List.of("", "{", "[1,]", "{\"a\" 1}", "01", "1.", ".5", "+1", "1e", "tru", "truex", "nul",
                "\"\\u0000\"", "\"\\ud83d\"", "\"\\ude00\"", "\"\\x\"", "\"tab\there\"", "[1] 2", "{\"a\":1,}",
                "NaN", "Infinity", "1e131072", "1.5e-16383")) {
            assertNull(JsonbText.canonical(t), t);
            assertThrows(SQLException.class, () -> {
                try (PreparedStatement ps = pg.prepareStatement("SELECT ?::jsonb::text")) {
                    ps.setString(1, t);
                    ps.executeQuery().close();
                }
            }, "PostgreSQL takes " + t);
        }
    }

    @Test
    void theServerPassesTheProbe() throws SQLException {
        assertTrue(ServerChecksum.probe(pg));
    }

    @Test
    void aRowOfEveryKindHashesAsTheServerHashesIt() throws SQLException {
        List<Kind> kinds = List.of(Kind.values());
        List<String> sql = new ArrayList<>();
        RowHasher h = new RowHasher(kinds.toArray(Kind[]::new));
        for (Kind k : kinds) {
            switch (k) {
                case BIGINT -> { sql.add("42::bigint"); h.value(42L); }
                case INTEGER -> { sql.add("NULL::integer"); h.value(null); }
                case SMALLINT -> { sql.add("(-7)::smallint"); h.value(-7L); }
                case DOUBLE -> { sql.add("'-Infinity'::float8"); h.value(Double.NEGATIVE_INFINITY); }
                case NUMERIC -> { sql.add("(-0.5)::numeric(10,2)"); h.value(new BigDecimal("-0.5")); }
                case BOOLEAN -> { sql.add("NULL::boolean"); h.value(null); }
                case TEXT -> { sql.add("'Ünïcode'::text"); h.value("Ünïcode"); }
                case VARCHAR -> { sql.add("'v'::varchar(3)"); h.value("v"); }
                case BYTEA -> { sql.add("'\\xdeadbeef'::bytea"); h.value(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef}); }
                case TIMESTAMP -> { sql.add("'2026-11-21 22:15:00'::timestamp"); h.value(LocalDateTime.of(2026, 11, 21, 22, 15)); }
                case TIMESTAMPTZ -> { sql.add("NULL::timestamptz"); h.value(null); }
                case DATE -> { sql.add("'2026-11-21'::date"); h.value(LocalDate.of(2026, 11, 21)); }
                case TIME -> { sql.add("'22:15:00'::time"); h.value(LocalTime.of(22, 15)); }
                case JSONB -> { sql.add("'{\"z\": [1.50]}'::jsonb"); h.value("{\"z\":[1.50]}"); }
                case UUID -> { sql.add("'00000000-0000-0000-0000-000000000001'::uuid"); h.value(new UUID(0, 1)); }
            }
        }
        h.endRow();
        String row = "hash_record_extended(" + ServerChecksum.rowExpression(kinds, sql) + ", 0)";
        assertEquals(serverText("SELECT hashint8extended(" + row + ", " + row + ")"), h.sum());
    }

    /** The server's checksum of rows given as SQL literals, as {@link ServerChecksum#select} sums a table. */
    private static long serverSum(List<Kind> kinds, List<List<String>> rows) throws SQLException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            names.add("c" + i);
        }
        StringBuilder values = new StringBuilder();
        for (List<String> row : rows) {
            values.append(values.length() > 0 ? ", " : "").append("(").append(String.join(", ", row)).append(")");
        }
        String sql = "SELECT count(*), sum(hashint8extended(h, h)) FROM (SELECT hash_record_extended("
                + ServerChecksum.rowExpression(kinds, names) + ", 0) AS h FROM (VALUES " + values + ") AS v("
                + String.join(", ", names) + ") OFFSET 0) AS r";
        return ServerChecksum.read(pg, sql).checksum(); // the exact sum, wrapped to 64 bits
    }

    @Test
    void whatTheServersChecksumTellsApart() throws SQLException {
        List<Kind> pair = List.of(Kind.BIGINT, Kind.TEXT);
        assertNotEquals(serverSum(pair, List.of(List.of("1::bigint", "'a'::text"), List.of("2::bigint", "'b'::text"))),
                serverSum(pair, List.of(List.of("1::bigint", "'b'::text"), List.of("2::bigint", "'a'::text"))),
                "values swapped between rows");
        assertNotEquals(serverSum(pair, List.of(List.of("1::bigint", "'a'::text"))),
                serverSum(pair, List.of(List.of("1::bigint", "'A'::text"))), "case");
        for (String[] two : new String[][] {{"5::numeric", "(-5)::numeric"}, {"'NaN'::numeric", "'Infinity'::numeric"},
                {"'-Infinity'::numeric", "'Infinity'::numeric"}, {"0::numeric", "NULL::numeric"},
                {"'1'::jsonb", "'[1]'::jsonb"}, {"'[[1], 2]'::jsonb", "'[[1, 2]]'::jsonb"},
                {"'{\"a\": -1}'::jsonb", "'{\"a\": 1}'::jsonb"}, {"'{\"a\": 1.0}'::jsonb", "'{\"a\": 1}'::jsonb"},
                {"'NaN'::float8", "'Infinity'::float8"}, {"''::text", "NULL::text"}, {"'\\x'::bytea", "NULL::bytea"}}) {
            Kind kind = two[0].endsWith("numeric") ? Kind.NUMERIC : two[0].endsWith("jsonb") ? Kind.JSONB
                    : two[0].endsWith("float8") ? Kind.DOUBLE : two[0].endsWith("bytea") ? Kind.BYTEA : Kind.TEXT;
            assertNotEquals(serverSum(List.of(kind), List.of(List.of(two[0]))), serverSum(List.of(kind), List.of(List.of(two[1]))),
                    two[0] + " and " + two[1]);
        }
    }

    @Test
    void aTableOfRowsSumsAsTheServerSumsIt() throws SQLException {
        List<Kind> kinds = List.of(Kind.BIGINT, Kind.NUMERIC, Kind.JSONB, Kind.TEXT);
        List<List<String>> sql = new ArrayList<>();
        RowHasher h = new RowHasher(kinds.toArray(Kind[]::new));
        for (int i = 0; i < 200; i++) {
            BigDecimal n = BigDecimal.valueOf(random.nextLong() % 1_000_000, random.nextInt(5));
            String json = randomJson(2);
            String text = i % 7 == 0 ? null : "row " + i + " é";
            sql.add(List.of(i + "::bigint", "'" + n.toPlainString() + "'::numeric",
                    "'" + json.replace("'", "''") + "'::jsonb", text == null ? "NULL::text" : "'" + text + "'::text"));
            h.value((long) i);
            h.value(n);
            h.value(json);
            h.value(text);
            h.endRow();
        }
        assertEquals(serverSum(kinds, sql), h.sum());
    }

    private String randomJson(int depth) {
        int pick = random.nextInt(depth > 0 ? 8 : 5);
        switch (pick) {
            case 0: return "null";
            case 1: return random.nextBoolean() ? "true" : "false";
            case 2: {
                String n = (random.nextBoolean() ? "-" : "") + random.nextInt(100000);
                if (random.nextBoolean()) {
                    n += "." + random.nextInt(1000);
                }
                if (random.nextInt(4) == 0) {
                    n += (random.nextBoolean() ? "e" : "E") + (random.nextBoolean() ? "-" : "+") + random.nextInt(20);
                }
                return n;
            }
            case 3: case 4: {
                StringBuilder sb = new StringBuilder("\"");
                int n = random.nextInt(6);
                for (int k = 0; k < n; k++) {
                    int c = random.nextInt(5);
                    sb.append(c == 0 ? "\\n" : c == 1 ? "\\u00" + Integer.toHexString(0x10 + random.nextInt(0xe0))
                            : c == 2 ? "é" : String.valueOf((char) ('a' + random.nextInt(3))));
                }
                return sb.append('"').toString();
            }
            case 5: case 6: {
                StringBuilder sb = new StringBuilder("{");
                int n = random.nextInt(5);
                for (int k = 0; k < n; k++) {
                    sb.append(k > 0 ? "," : "").append(random.nextBoolean() ? " " : "").append('"')
                            .append("ab".repeat(random.nextInt(2))).append((char) ('a' + random.nextInt(4))).append("\":")
                            .append(randomJson(depth - 1));
                }
                return sb.append('}').toString();
            }
            default: {
                StringBuilder sb = new StringBuilder("[");
                int n = random.nextInt(4);
                for (int k = 0; k < n; k++) {
                    sb.append(k > 0 ? ", " : "").append(randomJson(depth - 1));
                }
                return sb.append(']').toString();
            }
        }
    }
}
