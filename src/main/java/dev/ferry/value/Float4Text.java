package dev.ferry.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A float32 as PostgreSQL prints a {@code real} (float4out since PostgreSQL 12, and pgvector's
 * vector_out): the fewest digits that read back as the same float, fixed-point when the decimal
 * exponent is from -4 to 5, else {@code d.ddde±XX}. Written exactly so, the copy's checksum of an
 * embedding's text and the server's checksum of the stored real[] or vector agree.
 *
 * <p>Java 17's Float.toString is not always the shortest form, so the digits are found by rounding
 * the float's exact value down and up to fewer and fewer significant digits while one still lies
 * within the float's rounding interval (the closer one when both do).
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
        // the decimals that read back as a lie between the midpoints to its neighbours; PostgreSQL's Ryu
        // takes neither midpoint, though a float parser would round one of them to a (checked on the server)
        BigDecimal two = BigDecimal.valueOf(2);
        BigDecimal low = exact.add(new BigDecimal(Math.nextDown(a))).divide(two);
        BigDecimal high = a == Float.MAX_VALUE ? exact.add(exact.subtract(low))
                : exact.add(new BigDecimal(Math.nextUp(a))).divide(two);
        // lengths that have a decimal inside the interval are all those from the shortest up, so the
        // search goes down from Float.toString's length (it reads back, though not always shortest)
        int top = new BigDecimal(Float.toString(a)).stripTrailingZeros().precision();
        BigDecimal shortest = closest(exact, low, high, top);
        if (shortest == null) { // Float.toString took a midpoint: search up instead
            for (int digits = top + 1; shortest == null && digits <= 9; digits++) {
                shortest = closest(exact, low, high, digits);
            }
        } else {
            for (int digits = top - 1; digits >= 1; digits--) {
                BigDecimal shorter = closest(exact, low, high, digits);
                if (shorter == null) {
                    break;
                }
                shortest = shorter;
            }
        }
        shortest = shortest == null ? exact : shortest;
        BigDecimal s = shortest.abs().stripTrailingZeros();
        String digits = s.unscaledValue().toString();
        int exp = digits.length() - 1 - s.scale(); // the decimal exponent of the first digit
        StringBuilder sb = new StringBuilder(f < 0 ? "-" : "");
        if (exp >= -4 && exp < 6) {
            return sb.append(s.toPlainString()).toString();
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append('e').append(exp < 0 ? '-' : '+');
        int e = Math.abs(exp);
        return sb.append(e < 10 ? "0" : "").append(e).toString();
    }

    /** The decimal of this many digits closest to {@code exact} strictly inside (low, high), else null. */
    private static BigDecimal closest(BigDecimal exact, BigDecimal low, BigDecimal high, int digits) {
        BigDecimal best = null;
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
            BigDecimal r = exact.round(new MathContext(digits, mode));
            boolean inside = r.compareTo(low) > 0 && r.compareTo(high) < 0;
            int closer = best == null ? -1 : r.subtract(exact).abs().compareTo(best.subtract(exact).abs());
            // a tie goes to the even last digit, as Ryu rounds an exact half
            if (inside && (closer < 0 || closer == 0 && !r.unscaledValue().testBit(0))) {
                best = r;
            }
        }
        return best;
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
