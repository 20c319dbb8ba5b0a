package dev.ferry.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.TestPostgres;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Float4Text prints a float32 exactly as PostgreSQL prints a real (and so as pgvector prints a
 * vector's elements): checked against the server itself on edge values and 20,000 random bit
 * patterns, since the checksum of an embedding depends on every character.
 */
class Float4TextTest {

    @Test
    void everyFloatPrintsAsPostgresPrintsIt() throws Exception {
        List<Float> floats = new ArrayList<>(List.of(1f, -1f, 0.1f, 0.5f, 1e-4f, 1e-5f, 123456f, 999999f, 1000000f,
                1234567f, 16777216f, 16777215f, Float.MAX_VALUE, Float.MIN_VALUE, Float.MIN_NORMAL, -0f, 0f, 3.14159265f,
                1e10f, 1.5e-7f, 0.00012345f, 100000f, 1e6f, 2.5e-45f, 0.3f, 33554432f));
        Random random = new Random(16);
        while (floats.size() < 20_000) {
            float f = Float.intBitsToFloat(random.nextInt());
            if (!Float.isNaN(f) && !Float.isInfinite(f)) {
                floats.add(f);
            }
        }
        TargetAddress db = TestPostgres.get().freshDatabase();
        try (Connection c = TestPostgres.get().connect(db);
             PreparedStatement ps = c.prepareStatement("SELECT v::real::text FROM unnest(?::text[]) WITH ORDINALITY AS x(v, n) "
                     + "ORDER BY n")) {
            Array texts = c.createArrayOf("text", floats.stream().map(f -> Float.toString(f)).toArray()); // reads back exactly
            ps.setArray(1, texts);
            try (ResultSet rs = ps.executeQuery()) {
                for (Float f : floats) {
                    rs.next();
                    assertEquals(rs.getString(1), Float4Text.of(f), "bits " + Integer.toHexString(Float.floatToRawIntBits(f)));
                }
            }
        }
    }

    @Test
    void aBlobOfLittleEndianFloatsIsAnArrayOrAVector() {
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(-2f).putFloat(1e-7f);
        assertEquals("{0.5,-2,1e-07}", Float4Text.ofBlob(b.array(), false));
        assertEquals("[0.5,-2,1e-07]", Float4Text.ofBlob(b.array(), true));
    }
}
