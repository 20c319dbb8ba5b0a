package dev.ferry.value;

import java.math.BigDecimal;

/**
 * A double as PostgreSQL prints a {@code double precision} (float8out since PostgreSQL 12): the
 * fewest digits that read back as the same double, found as Ryu finds them (see {@link Shortest}),
 * fixed-point when the decimal exponent is from -4 to 14, else {@code d.ddde±XX}. Written exactly
 * so, the copy's checksum of a JSON array's text and the server's checksum of the stored
 * {@code double precision[]} agree. Java 17's Double.toString is not always the shortest form.
 */
public final class Float8Text {

    private Float8Text() {
    }

    public static String of(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return Double.doubleToRawLongBits(d) < 0 ? "-0" : "0";
        }
        double a = Math.abs(d);
        BigDecimal exact = new BigDecimal(a);
        BigDecimal two = BigDecimal.valueOf(2);
        BigDecimal low = exact.add(new BigDecimal(Math.nextDown(a))).divide(two);
        BigDecimal high = a == Double.MAX_VALUE ? exact.add(exact.subtract(low))
                : exact.add(new BigDecimal(Math.nextUp(a))).divide(two);
        int top = new BigDecimal(Double.toString(a)).stripTrailingZeros().precision();
        return Shortest.layout(d < 0, Shortest.decimal(exact, low, high, top, 17), 15);
    }
}
