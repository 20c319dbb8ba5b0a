package dev.ferry.plan;

import dev.ferry.schema.Column;
import dev.ferry.sqlite.ColumnProfile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What every non-null value of a column planned from a sample must pass for that plan to be the
 * one all of its values would make (see {@link TablePlan#guards}). Two parts:
 * <ul>
 *   <li>{@code test}: the chosen rule's own SQLite test ({c} for the column), or null when the rule
 *       takes any value (or the user chose the type);</li>
 *   <li>{@code classes}: the storage classes the sample held, when a value of another class could
 *       pass the test; null when none could. Which classes a column holds decides more than its
 *       type: how typeof() over it is translated (translate.SqlTypeof), how a division over a
 *       NUMERIC column is (translate.SqlOperators), which kind change the user is told of
 *       (KindChange), and what a later sync accepts (run.SyncRecheck). With this part, a copy that
 *       finished has proven that the sample's classes are the column's classes.</li>
 * </ul>
 */
public record ColumnGuard(String test, Set<String> classes) {

    static final List<String> ALL = List.of("integer", "real", "text", "blob");

    /**
     * The guard of a column decided from a sample, or null when every value fits whatever it is.
     *
     * @param chosen the rule chosen, null when the user chose the type
     */
    static ColumnGuard of(Column c, ColumnProfile p, TypeRule chosen) {
        String test = chosen == null ? null : chosen.valueSql(c, "{c}");
        if ("1".equals(test)) {
            test = null;
        }
        Set<String> seen = seen(p);
        Set<String> could = new LinkedHashSet<>(admitted(chosen));
        could.retainAll(stored(c.affinity()));
        Set<String> classes = seen.containsAll(could) ? null : Set.copyOf(seen);
        return test == null && classes == null ? null : new ColumnGuard(test, classes);
    }

    /** The storage classes the profile saw. */
    static Set<String> seen(ColumnProfile p) {
        Set<String> s = new LinkedHashSet<>();
        if (p.integers() > 0) {
            s.add("integer");
        }
        if (p.reals() > 0) {
            s.add("real");
        }
        if (p.texts() > 0) {
            s.add("text");
        }
        if (p.blobs() > 0) {
            s.add("blob");
        }
        return s;
    }

    /**
     * The classes a rule's test lets through (its typeof conditions, read off TypeRules); all four
     * for the user's type and for a rule not listed here.
     */
    static Set<String> admitted(TypeRule r) {
        if (r == null) {
            return Set.copyOf(ALL);
        }
        return switch (r.name()) {
            case "small integer", "small integer, larger values", "integer", "whole numbers",
                 "timestamp from unix seconds", "timestamp from unix milliseconds" -> Set.of("integer");
            case "boolean" -> Set.of("integer", "text");
            case "real" -> Set.of("real", "integer", "text");
            case "numeric", "numbers", "exact numbers" -> Set.of("integer", "real");
            case "varchar(n)", "json", "timestamp", "timestamp with time zone", "date", "time", "uuid in text",
                 "json in text" -> Set.of("text");
            case "uuid" -> Set.of("text", "blob");
            case "timestamp from julian day" -> Set.of("real");
            case "blob", "binary" -> Set.of("blob");
            case "text", "text (catch-all)" -> Set.of("integer", "real", "text");
            default -> Set.copyOf(ALL);
        };
    }

    /**
     * The classes SQLite can store in a column of this affinity: TEXT turns numbers into text, REAL
     * turns integers into reals (typeof says 'real'); the others keep what they are given.
     */
    static Set<String> stored(char affinity) {
        return switch (affinity) {
            case 'T' -> Set.of("text", "blob");
            case 'R' -> Set.of("real", "text", "blob");
            default -> Set.copyOf(ALL);
        };
    }

    /** SQLite's test of a non-null value, {c} for the column. */
    public String sql() {
        List<String> all = new ArrayList<>();
        if (test != null) {
            all.add(test);
        }
        if (classes != null) {
            all.add(classes.isEmpty() ? "0" : "typeof({c}) IN (" + String.join(", ",
                    ALL.stream().filter(classes::contains).map(x -> "'" + x + "'").toList()) + ")");
        }
        return all.size() == 1 ? all.get(0) : "(" + all.get(0) + ") AND (" + all.get(1) + ")";
    }

    /** Whether a value as the driver reads it by its storage class (Long, Double, String, byte[]) is of a class the sample held. */
    public boolean classFits(Object v) {
        if (classes == null) {
            return true;
        }
        String cls = v instanceof Long || v instanceof Integer ? "integer" : v instanceof Double ? "real"
                : v instanceof byte[] ? "blob" : "text";
        return classes.contains(cls);
    }
}
