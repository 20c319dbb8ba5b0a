package dev.ferry.translate;

/**
 * A name as written: a table, column, alias, function, collation or window. {@code value} is the
 * name without its quotes; {@code quote} how it was quoted, which matters to SQLite (a "double"
 * quoted name that names nothing is a string) and to the messages that quote it back.
 */
public record SqlName(SqlSpan span, String value, Quote quote) implements SqlNode {

    public enum Quote {
        NONE, DOUBLE, BRACKET, BACKTICK, SINGLE
    }

    /** A bare name made by a rewriter. */
    public static SqlName of(String value) {
        return new SqlName(SqlSpan.NONE, value, Quote.NONE);
    }

    /** SQLite compares names without regard to case, for ASCII letters only. */
    public boolean is(String other) {
        if (other.length() != value.length()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char a = value.charAt(i), b = other.charAt(i);
            if (a != b && (a > 127 || b > 127 || Character.toLowerCase(a) != Character.toLowerCase(b))) {
                return false;
            }
        }
        return true;
    }
}
