package dev.ferry.mapping;

import dev.ferry.mapping.PgType.Kind;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Translates SQLite column defaults into PostgreSQL expressions for the column's new type. What it
 * cannot translate it returns empty, and the caller reports it: a default is never guessed.
 */
public final class Defaults {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"(?:[^\"]|\"\")*\"");
    private static final String UTC_NOW = "(now() AT TIME ZONE 'UTC')";

    private Defaults() {
    }

    public static Optional<String> translate(String sqlite, PgType type) {
        if (sqlite == null) {
            return Optional.empty();
        }
        String d = strip(sqlite.trim());
        String upper = d.toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
        if (upper.equals("NULL")) {
            return Optional.of("NULL");
        }
        if (STRING.matcher(d).matches() || DOUBLE_QUOTED.matcher(d).matches()) {
            String value = d.substring(1, d.length() - 1).replace(d.charAt(0) == '\'' ? "''" : "\"\"", d.substring(0, 1));
            return literal(value, type);
        }
        if (NUMBER.matcher(d).matches() || upper.equals("TRUE") || upper.equals("FALSE")) {
            return literal(upper.equals("TRUE") ? "1" : upper.equals("FALSE") ? "0" : d, type);
        }
        return switch (upper) {
            case "CURRENT_TIMESTAMP", "DATETIME('NOW')", "DATETIME(\"NOW\")" -> now(type, "YYYY-MM-DD HH24:MI:SS");
            case "CURRENT_DATE", "DATE('NOW')" -> now(type, "YYYY-MM-DD");
            case "CURRENT_TIME", "TIME('NOW')" -> now(type, "HH24:MI:SS");
            default -> Optional.empty();
        };
    }

    /** SQLite keeps the parentheses of DEFAULT (expr); PostgreSQL does not need them. */
    private static String strip(String d) {
        while (d.startsWith("(") && d.endsWith(")")) {
            d = d.substring(1, d.length() - 1).trim();
        }
        return d;
    }

    private static Optional<String> literal(String value, PgType type) {
        if (type.kind() == Kind.BOOLEAN) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            return TypeRules.TRUE_WORDS.contains(v) ? Optional.of("true")
                    : TypeRules.FALSE_WORDS.contains(v) ? Optional.of("false") : Optional.empty();
        }
        if ((type.isInteger() || type.kind() == Kind.DOUBLE || type.kind() == Kind.NUMERIC) && !NUMBER.matcher(value).matches()) {
            return Optional.empty();
        }
        if (value.equalsIgnoreCase("null") && type.kind() != Kind.TEXT && type.kind() != Kind.VARCHAR) {
            return Optional.empty(); // the text 'null' is no value of this type; report it rather than guess
        }
        return Optional.of("'" + value.replace("'", "''") + "'");
    }

    /** SQLite's "now" is UTC; a text column gets SQLite's own format so the app sees the same strings. */
    private static Optional<String> now(PgType type, String textFormat) {
        return switch (type.kind()) {
            case TIMESTAMPTZ -> Optional.of("CURRENT_TIMESTAMP");
            case TIMESTAMP -> Optional.of(UTC_NOW);
            case DATE -> Optional.of("CAST(" + UTC_NOW + " AS date)");
            case TIME -> Optional.of("CAST(" + UTC_NOW + " AS time(0))");
            case TEXT, VARCHAR -> Optional.of("to_char(" + UTC_NOW + ", '" + textFormat + "')");
            default -> Optional.empty();
        };
    }
}
