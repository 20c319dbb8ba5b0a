package dev.ferry.value;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A float32 as PostgreSQL prints a {@code real} (float4out since PostgreSQL 12, and pgvector's
 * vector_out): the fewest digits that read back as the same float, fixed-point when the decimal
 * exponent is from -4 to 5, else {@code d.ddde±XX}. Written exactly so, the copy's checksum of an
 * embedding's text and the server's checksum of the stored real[] or vector agree.
 *
 * <p>Java 17's Float.toString is not always the shortest form, so the digits are found as
 * PostgreSQL's Ryu finds them (see {@link Shortest}).
 */
public final class Float4Text {

    private Float4Text() {
    }

    public static String of(float f) {
        if (Float.isNaN(f)) {
            return "NaN";
        }
        if (Float.isInfinite(f)) {
            return f > 0 ? "Infinity" : "-Infinity";
        }
        if (f == 0) {
            return Float.floatToRawIntBits(f) < 0 ? "-0" : "0";
        }
        float a = Math.abs(f); // digits of the magnitude; the sign is written in front
        BigDecimal exact = new BigDecimal(a);
        // the decimals that read back as a lie between the midpoints to its neighbours
        BigDecimal two = BigDecimal.valueOf(2);
        BigDecimal low = exact.add(new BigDecimal(Math.nextDown(a))).divide(two);
        BigDecimal high = a == Float.MAX_VALUE ? exact.add(exact.subtract(low))
                : exact.add(new BigDecimal(Math.nextUp(a))).divide(two);
        int top = new BigDecimal(Float.toString(a)).stripTrailingZeros().precision();
        return Shortest.layout(f < 0, Shortest.decimal(exact, low, high, top, 9), 6);
    }

    /**
     * A blob of little-endian float32s (how an app's numpy array or sqlite-vec stores an embedding)
     * as an array's text, {@code {0.5,-1}}, or a vector's, {@code [0.5,-1]}.
     */
    public static String ofBlob(byte[] blob, boolean vector) {
        if (blob.length % 4 != 0) {
            throw new IllegalArgumentException("a blob of " + blob.length + " bytes is not a list of float32s");
        }
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder sb = new StringBuilder(blob.length * 3).append(vector ? '[' : '{');
        for (int i = 0; i < blob.length; i += 4) {
            float f = b.getFloat(i);
            if (vector && (Float.isNaN(f) || Float.isInfinite(f))) {
                throw new IllegalArgumentException("a vector holds no NaN or infinity (element " + (i / 4 + 1) + ")");
            }
            sb.append(i == 0 ? "" : ",").append(of(f));
        }
        return sb.append(vector ? ']' : '}').toString();
    }
}
