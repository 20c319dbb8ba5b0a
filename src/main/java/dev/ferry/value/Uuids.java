package dev.ferry.value;

import java.util.UUID;

/**
 * UUID text in every form PostgreSQL's uuid type reads: 32 hex digits in either case, optionally in
 * braces, with a hyphen allowed after any group of four digits (SQLAlchemy stores the bare 32-digit
 * form; .NET the braced one). Java's UUID.fromString takes only the hyphenated form, and is lenient
 * about group lengths in ways PostgreSQL is not.
 */
public final class Uuids {

    private Uuids() {
    }

    /** The UUID, or null when PostgreSQL would refuse the text. */
    public static UUID parse(String s) {
        String t = s.trim();
        int from = 0;
        int to = t.length();
        if (to >= 2 && t.charAt(0) == '{' && t.charAt(to - 1) == '}') {
            from++;
            to--;
        }
        long hi = 0;
        long lo = 0;
        int digits = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c == '-') {
                // PostgreSQL: a hyphen may follow any group of four digits, never two in a row, never first or last
                if (digits == 0 || digits % 4 != 0 || digits == 32 || t.charAt(i - 1) == '-') {
                    return null;
                }
                continue;
            }
            int d = Character.digit(c, 16);
            if (d < 0 || digits == 32) {
                return null;
            }
            if (digits < 16) {
                hi = hi << 4 | d;
            } else {
                lo = lo << 4 | d;
            }
            digits++;
        }
        return digits == 32 ? new UUID(hi, lo) : null;
    }

    /** Whether the text is the one form PostgreSQL prints (lower case, hyphens 8-4-4-4-12), so it round-trips exactly. */
    public static boolean canonical(String s) {
        UUID u = parse(s);
        return u != null && u.toString().equals(s);
    }
}
