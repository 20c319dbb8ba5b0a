package dev.ferry.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The fewest significant digits that read back as the same float or double the way PostgreSQL's
 * Ryu finds them: a decimal strictly between the midpoints to the value's neighbours (Ryu takes
 * neither midpoint, though a parser would round one of them to the value; checked on the server),
 * the closest one when two of that length qualify, an exact tie to the even last digit.
 */
final class Shortest {

    private Shortest() {
    }

    /**
     * @param exact the value's exact magnitude (positive)
     * @param low   the midpoint to the next smaller value
     * @param high  the midpoint to the next larger value
     * @param top   the length of a decimal known to read back (Java's toString: not always shortest)
     * @param most  the most digits the type can need (9 for a float, 17 for a double)
     */
    static BigDecimal decimal(BigDecimal exact, BigDecimal low, BigDecimal high, int top, int most) {
        // lengths that have a decimal inside the interval are all those from the shortest up, so the
        // search goes down from toString's length
        BigDecimal shortest = closest(exact, low, high, top);
        if (shortest == null) { // toString took a midpoint: search up instead
            for (int digits = top + 1; shortest == null && digits <= most; digits++) {
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
        return shortest == null ? exact : shortest;
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

    /** The decimal in PostgreSQL's layout: fixed-point for exponents from -4 to below {@code fixedBelow}, else d.ddde±XX. */
    static String layout(boolean negative, BigDecimal shortest, int fixedBelow) {
        BigDecimal s = shortest.abs().stripTrailingZeros();
        String digits = s.unscaledValue().toString();
        int exp = digits.length() - 1 - s.scale(); // the decimal exponent of the first digit
        StringBuilder sb = new StringBuilder(negative ? "-" : "");
        if (exp >= -4 && exp < fixedBelow) {
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
}
