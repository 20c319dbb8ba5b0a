package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values at the edges survive the trip exactly, and the checksums agree on them. */
class EdgeValuesRoundTripTest {

    static final String TRICKY = "tab\there, newline\nthere, cr\r, backslash \\ and \\N, quote ' \" , é ü 日本 🚀 👩‍👩‍👧";
    static final byte[] LARGE = new byte[5 * 1024 * 1024 + 7];
    static TargetAddress target;
    static Result result;

    @BeforeAll
    static void migrate(@TempDir Path dir) throws Exception {
        new Random(42).nextBytes(LARGE);
        Path file = dir.resolve("edge values.sqlite");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE ints (id INTEGER PRIMARY KEY, v INTEGER)",
                  "CREATE TABLE reals (id INTEGER PRIMARY KEY, v REAL)",
                  "CREATE TABLE texts (id INTEGER PRIMARY KEY, v TEXT)",
                  "CREATE TABLE blobs (id INTEGER PRIMARY KEY, v BLOB)",
                  "INSERT INTO reals (id, v) VALUES (100, 'NaN'), (101, 'Infinity'), (102, '-inf')");
            f.insert("ints", new Object[] {1L, Long.MIN_VALUE}, new Object[] {2L, Long.MAX_VALUE}, new Object[] {3L, 0L},
                    new Object[] {4L, -1L}, new Object[] {5L, null});
            f.insert("reals", new Object[] {1L, Double.POSITIVE_INFINITY}, new Object[] {2L, Double.NEGATIVE_INFINITY},
                    new Object[] {3L, Double.MAX_VALUE}, new Object[] {4L, Double.MIN_VALUE}, new Object[] {5L, 0.1},
                    new Object[] {6L, -1.0e-300}, new Object[] {7L, 1234567.891}, new Object[] {8L, null});
            f.insert("texts", new Object[] {1L, ""}, new Object[] {2L, null}, new Object[] {3L, TRICKY},
                    new Object[] {4L, "x".repeat(100_000)});
            f.insert("blobs", new Object[] {1L, new byte[0]}, new Object[] {2L, null}, new Object[] {3L, LARGE},
                    new Object[] {4L, new byte[] {0, 9, 10, 13, 92, (byte) 0xff}});
        }
        target = TestPostgres.get().freshDatabase();
        Migration m = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        result = m.run(m.preflight());
    }

    @Test
    void allTablesVerify() {
        result.tables().forEach(t -> assertTrue(t.checksumMatch(), t.source()));
    }

    @Test
    void integerExtremes() throws Exception {
        List<Object> v = column("SELECT v FROM ints ORDER BY id");
        assertEquals(List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L), v.subList(0, 4));
        assertNull(v.get(4));
    }

    @Test
    void floatsIncludingNanAndInfinities() throws Exception {
        List<Object> v = column("SELECT v FROM reals ORDER BY id");
        assertEquals(List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, Double.MIN_VALUE, 0.1,
                -1.0e-300, 1234567.891), v.subList(0, 7));
        assertNull(v.get(7));
        assertTrue(Double.isNaN((Double) v.get(8)), "'NaN' text in a REAL column becomes NaN");
        assertEquals(Double.POSITIVE_INFINITY, v.get(9));
        assertEquals(Double.NEGATIVE_INFINITY, v.get(10));
    }

    @Test
    void emptyStringStaysApartFromNullAndUnicodeIsExact() throws Exception {
        List<Object> v = column("SELECT v FROM texts ORDER BY id");
        assertEquals("", v.get(0));
        assertNull(v.get(1));
        assertEquals(TRICKY, v.get(2));
        assertEquals(100_000, ((String) v.get(3)).length());
    }

    @Test
    void blobsIncludingLargeAndEmpty() throws Exception {
        List<Object> v = column("SELECT v FROM blobs ORDER BY id");
        assertArrayEquals(new byte[0], (byte[]) v.get(0));
        assertNull(v.get(1));
        assertArrayEquals(LARGE, (byte[]) v.get(2));
        assertArrayEquals(new byte[] {0, 9, 10, 13, 92, (byte) 0xff}, (byte[]) v.get(3));
    }

    private static List<Object> column(String sql) throws Exception {
        List<Object> out = new ArrayList<>();
        try (Connection c = TestPostgres.get().connect(target); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getObject(1));
            }
        }
        return out;
    }
}
