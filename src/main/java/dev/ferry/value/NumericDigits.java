package dev.ferry.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;

/**
 * A numeric's magnitude as PostgreSQL stores it: base-10000 digits, most significant first, with
 * no leading or trailing zero digits, and the weight (the power of 10000) of the first. Zero has no
 * digits and weight 0. Binary COPY sends these digits; numeric's hash hashes them.
 */
public record NumericDigits(int[] digits, int weight) {

    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    public static NumericDigits of(BigDecimal d) {
        BigInteger unscaled = d.unscaledValue().abs();
        int scale = d.scale();
        if (scale < 0) {
            unscaled = unscaled.multiply(BigInteger.TEN.pow(-scale));
            scale = 0;
        }
        // shift so the decimal point falls on a base-10000 boundary, then take digits from the right
        int pad = (4 - scale % 4) % 4;
        unscaled = unscaled.multiply(BigInteger.TEN.pow(pad));
        int fractionGroups = (scale + pad) / 4;
        ArrayDeque<Integer> groups = new ArrayDeque<>();
        while (unscaled.signum() > 0) {
            BigInteger[] qr = unscaled.divideAndRemainder(TEN_THOUSAND);
            groups.addFirst(qr[1].intValue());
            unscaled = qr[0];
        }
        int weight = groups.size() - fractionGroups - 1;
        while (!groups.isEmpty() && groups.peekFirst() == 0) {
            groups.removeFirst();
            weight--;
        }
        while (!groups.isEmpty() && groups.peekLast() == 0) {
            groups.removeLast();
        }
        return new NumericDigits(groups.stream().mapToInt(Integer::intValue).toArray(), groups.isEmpty() ? 0 : weight);
    }
}
