package dev.ferry.translate;

import dev.ferry.plan.PgType;
import dev.ferry.plan.TypeRules;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.plan.PgType.Kind;
import dev.ferry.value.IsoTime;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
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
    private static final String EPOCH_NOW = "floor(extract(epoch FROM now()))::bigint";
    private static final Pattern STRFTIME_NOW = Pattern.compile("(?i)strftime\\(\\s*'((?:[^']|'')*)'\\s*,\\s*'now'\\s*\\)");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "(?i)\\{?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\\}?");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CAST_INTEGER = Pattern.compile("(?is)cast\\s*\\((.*)\\s+as\\s+(?:integer|int|bigint)\\s*\\)");

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
        Matcher cast = CAST_INTEGER.matcher(d);
        if (cast.matches() && (type.isInteger() || type.kind() == Kind.NUMERIC)) { // CAST(strftime('%s', 'now') AS INTEGER)
            return translate(cast.group(1), type);
        }
        Matcher strftime = STRFTIME_NOW.matcher(d);
        if (strftime.matches()) {
            return strftimeNow(strftime.group(1).replace("''", "'"), type);
        }
        return switch (upper) {
            case "CURRENT_TIMESTAMP", "DATETIME('NOW')", "DATETIME(\"NOW\")" -> now(type, "YYYY-MM-DD HH24:MI:SS");
            case "CURRENT_DATE", "DATE('NOW')" -> now(type, "YYYY-MM-DD");
            case "CURRENT_TIME", "TIME('NOW')" -> now(type, "HH24:MI:SS");
            case "DATETIME('NOW','LOCALTIME')" -> localNow(type, "YYYY-MM-DD HH24:MI:SS");
            case "DATE('NOW','LOCALTIME')" -> localNow(type, "YYYY-MM-DD");
            case "TIME('NOW','LOCALTIME')" -> localNow(type, "HH24:MI:SS");
            case "JULIANDAY('NOW')" -> type.kind() == Kind.DOUBLE || type.kind() == Kind.NUMERIC
                    ? Optional.of("(extract(epoch FROM now()) / 86400 + 2440587.5)" + (type.kind() == Kind.DOUBLE
                    ? "::double precision" : "")) : now(type, null);
            case "UNIXEPOCH()", "UNIXEPOCH('NOW')" -> epoch(type);
            default -> Optional.empty();
        };
    }

    /**
     * strftime(format, 'now'): text gets SQLite's text (to_char of the UTC moment, the format
     * translated); '%s' is the unix time; a date or timestamp column takes the moment itself when the
     * format writes a whole date, which is all a date column can hold.
     */
    private static Optional<String> strftimeNow(String format, PgType type) {
        if (format.equals("%s")) {
            return epoch(type);
        }
        boolean wholeDate = format.contains("%Y") && format.contains("%m") && format.contains("%d") || format.contains("%F");
        return switch (type.kind()) {
            case TEXT, VARCHAR -> {
                try {
                    yield Optional.of(SqlTimes.strftime(format, UTC_NOW));
                } catch (SqlTranslator.Untranslatable e) {
                    yield Optional.empty();
                }
            }
            case TIMESTAMP, TIMESTAMPTZ -> wholeDate && (format.contains("%H") || format.contains("%T"))
                    ? now(type, null) : Optional.empty();
            case DATE -> wholeDate ? now(type, null) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** unixepoch(), strftime('%s', 'now'): whole seconds since 1970, as SQLite counts them. */
    private static Optional<String> epoch(PgType type) {
        return switch (type.kind()) {
            case BIGINT, NUMERIC, DOUBLE -> Optional.of(EPOCH_NOW);
            case TEXT, VARCHAR -> Optional.of(EPOCH_NOW + "::text");
            case TIMESTAMP, TIMESTAMPTZ -> now(type, null); // the column became a timestamp: the moment itself
            default -> Optional.empty();
        };
    }

    /**
     * 'localtime': SQLite uses the clock of the machine the app runs on; PostgreSQL's LOCALTIMESTAMP
     * uses the session's time zone, the closest there is (the same when both are set alike).
     */
    private static Optional<String> localNow(PgType type, String textFormat) {
        return switch (type.kind()) {
            case TIMESTAMPTZ -> Optional.of("CURRENT_TIMESTAMP");
            case TIMESTAMP -> Optional.of("LOCALTIMESTAMP(0)");
            case DATE -> Optional.of("CURRENT_DATE");
            case TIME -> Optional.of("LOCALTIME(0)");
            case TEXT, VARCHAR -> Optional.of("to_char(LOCALTIMESTAMP, '" + textFormat + "')");
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
        if (!readsAs(value, type.kind())) {
            return Optional.empty(); // DEFAULT 0 on a DATETIME column: PostgreSQL would refuse the whole CREATE
        }
        return Optional.of("'" + value.replace("'", "''") + "'");
    }

    /**
     * Whether PostgreSQL reads the text as a value of the kind. A number on a column that became a
     * timestamp may be unix seconds, milliseconds or a julian day, and SQLite never said which: such
     * a default is left off and reported rather than guessed.
     */
    private static boolean readsAs(String value, Kind kind) {
        try {
            switch (kind) {
                case TIMESTAMP -> IsoTime.localDateTime(value);
                case TIMESTAMPTZ -> IsoTime.instant(value);
                case DATE -> LocalDate.parse(value.trim());
                case TIME -> IsoTime.time(value);
                case UUID -> {
                    return UUID_TEXT.matcher(value.trim()).matches();
                }
                case JSONB -> JSON.readTree(value);
                default -> {
                    return true;
                }
            }
            return true;
        } catch (RuntimeException | java.io.IOException e) {
            return false;
        }
    }

    /** SQLite's "now" is UTC; a text column gets SQLite's own format so the app sees the same strings. */
    private static Optional<String> now(PgType type, String textFormat) {
        return switch (type.kind()) {
            case TIMESTAMPTZ -> Optional.of("CURRENT_TIMESTAMP");
            case TIMESTAMP -> Optional.of(UTC_NOW);
            case DATE -> Optional.of("CAST(" + UTC_NOW + " AS date)");
            case TIME -> Optional.of("CAST(" + UTC_NOW + " AS time(0))");
            case TEXT, VARCHAR -> textFormat == null ? Optional.empty()
                    : Optional.of("to_char(" + UTC_NOW + ", '" + textFormat + "')");
            default -> Optional.empty();
        };
    }
}
