package dev.ferry.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.TestPostgres;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Float8Text prints a double exactly as PostgreSQL prints a double precision, so a JSON array of
 * numbers taken as double precision[] verifies: checked against the server itself on the values
 * apps store (0.1, 1e-7, 123456789.123), edge values and 20,000 random bit patterns.
 */
class Float8TextTest {

    @Test
    void everyDoublePrintsAsPostgresPrintsIt() throws Exception {
        List<Double> doubles = new ArrayList<>(List.of(0.1, 1e-7, 123456789.123, 1.0, -1.0, 0.5, 1e-4, 1e-5, 1e14, 1e15,
                123456789012345.0, 1234567890123456.0, 9007199254740992.0, 9007199254740993.0, Double.MAX_VALUE,
                Double.MIN_VALUE, Double.MIN_NORMAL, -0.0, 0.0, Math.PI, 2.82879384806159E17, 1e23, 2e-323, 5e-324,
                0.3, 1.0 / 3, 100.0, 1e21, 4.35, 0.000123456));
        Random random = new Random(16);
        while (doubles.size() < 20_000) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (!Double.isNaN(d) && !Double.isInfinite(d)) {
                doubles.add(d);
            }
        }
        TargetAddress db = TestPostgres.get().freshDatabase();
        try (Connection c = TestPostgres.get().connect(db);
             PreparedStatement ps = c.prepareStatement("SELECT v::double precision::text FROM unnest(?::text[]) "
                     + "WITH ORDINALITY AS x(v, n) ORDER BY n")) {
            // Java's own text reads back exactly, though it is not always the shortest
            Array texts = c.createArrayOf("text", doubles.stream().map(d -> Double.toString(d)).toArray());
            ps.setArray(1, texts);
            try (ResultSet rs = ps.executeQuery()) {
                for (Double d : doubles) {
                    rs.next();
                    assertEquals(rs.getString(1), Float8Text.of(d), "bits " + Long.toHexString(Double.doubleToRawLongBits(d)));
                }
            }
        }
    }

    @Test
    void theValuesAppsStoreReadAsPostgresWritesThem() {
        assertEquals("0.1", Float8Text.of(0.1));
        assertEquals("1e-07", Float8Text.of(1e-7));
        assertEquals("123456789.123", Float8Text.of(123456789.123));
        assertEquals("1e+15", Float8Text.of(1e15));
        assertEquals("-0", Float8Text.of(-0.0));
    }
}
