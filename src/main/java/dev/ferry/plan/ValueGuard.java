package dev.ferry.plan;

import java.util.Set;
import java.util.function.Predicate;

/**
 * A sampled table's guards ({@link TablePlan#guards}) checked in Java, on the value the copy reads
 * anyway, where that costs nothing: a column read as its storage class (Long, Double, String or
 * byte[]) whose rule's test asks only the class and a range. Each predicate says exactly what the
 * rule's SQLite test says of a non-null value ({@code ValueGuardTest} runs both on the same values),
 * so checking here instead of in SQLite changes no decision; SQLite checks the other guards (see
 * {@link SampleGuard}).
 */
public final class ValueGuard {

    private static final long JS_SAFE = TypeRules.JS_SAFE;
    private static final Set<String> SPECIAL_REALS = Set.of("nan", "inf", "-inf", "+inf", "infinity", "-infinity",
            "+infinity");

    private ValueGuard() {
    }

    /**
     * The Java test of a column's guard, or null when SQLite must check it: the column is not read
     * as its storage class (text read as bytes, date-time text parsed from bytes), or its rule's test
     * looks further than class and range. The class the sample held is checked too (see
     * {@link ColumnGuard#classes}).
     */
    public static Predicate<Object> of(ColumnPlan c, ColumnGuard guard) {
        if (guard == null || c.fix() != null || c.textAsBytes() || c.isoTimestampText()) {
            return null;
        }
        if (guard.test() == null) {
            return guard::classFits;
        }
        if (c.rule() == null || !guard.test().equals(c.rule().valueSql(c.source(), "{c}"))) {
            return null;
        }
        Predicate<Object> rule = of(c.rule().name());
        return rule == null ? null : guard.classes() == null ? rule : v -> guard.classFits(v) && rule.test(v);
    }

    /** The Java test of a rule's SQLite test, by the rule's name; null for rules tested in SQLite only. */
    static Predicate<Object> of(String rule) {
        return switch (rule) {
            case "small integer" -> v -> integer(v) && within(v, Short.MIN_VALUE, Short.MAX_VALUE);
            case "small integer, larger values" -> v -> integer(v) && within(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case "integer", "whole numbers" -> ValueGuard::integer;
            case "boolean" -> v -> integer(v) ? within(v, 0, 1) : v instanceof String s && TypeRules.TRUE_WORDS.contains(word(s))
                    || v instanceof String s2 && TypeRules.FALSE_WORDS.contains(word(s2));
            case "real" -> v -> v instanceof Double || integer(v) && within(v, -JS_SAFE, JS_SAFE)
                    || v instanceof String s && SPECIAL_REALS.contains(word(s));
            case "numbers" -> v -> v instanceof Double || integer(v) && within(v, -JS_SAFE, JS_SAFE);
            case "numeric", "exact numbers" -> v -> v instanceof Double || integer(v);
            case "blob", "binary" -> v -> v instanceof byte[];
            case "timestamp from unix seconds" -> v -> integer(v) && within(v, -99_999_999_999L, 99_999_999_999L);
            case "timestamp from unix milliseconds" -> v -> integer(v) && within(v, -99_999_999_999_999L, 99_999_999_999_999L);
            case "timestamp from julian day" -> v -> v instanceof Double d && d >= 1721425.5 && d <= 5373484.5;
            case "text (catch-all)" -> v -> !(v instanceof byte[]);
            default -> null;
        };
    }

    private static boolean integer(Object v) {
        return v instanceof Long || v instanceof Integer;
    }

    private static boolean within(Object v, long min, long max) {
        long l = ((Number) v).longValue();
        return l >= min && l <= max;
    }

    /** SQLite's lower(trim(s)): spaces alone trimmed, ASCII letters alone lowered. */
    private static String word(String s) {
        int from = 0, to = s.length();
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            sb.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
        }
        return sb.toString();
    }
}
