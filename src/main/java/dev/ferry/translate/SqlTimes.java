package dev.ferry.translate;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.plan.TypeRule;

import dev.ferry.translate.SqlTranslator.Untranslatable;
import dev.ferry.translate.SqlTyped.Lit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite's date and time functions. Each first makes a PostgreSQL timestamp (UTC, as SQLite's
 * moments are) from its time value and modifiers, then gives SQLite's result: the same text
 * (to_char with the format translated), or a number for julianday() and unixepoch(). The text
 * result keeps its moment too, so compared with a column that became a timestamp or a date it
 * compares as one.
 */
final class SqlTimes {

    static final String UTC_NOW = "(now() AT TIME ZONE 'UTC')";
    private static final Set<String> FUNCTIONS = Set.of("date", "time", "datetime", "julianday", "unixepoch", "strftime",
            "timediff");
    private static final Pattern SHIFT = Pattern.compile("([+-]?)\\s*(\\d+(?:\\.\\d+)?)\\s+(day|hour|minute|second|month|year)s?");
    private static final Pattern WEEKDAY = Pattern.compile("weekday ([0-6])");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private SqlTimes() {
    }

    static boolean handles(String function) {
        return FUNCTIONS.contains(function);
    }

    /** CURRENT_TIMESTAMP, CURRENT_DATE, CURRENT_TIME: SQLite's text of the UTC moment. */
    static SqlTyped now(SqlRewriter tr, char what) {
        tr.stable = true;
        return text(what, UTC_NOW, false);
    }

    static SqlTyped call(SqlRewriter tr, String fn, List<SqlTyped> args) {
        if (fn.equals("timediff")) {
            throw new Untranslatable("timediff() has no PostgreSQL equivalent Ferry is sure of");
        }
        int first = 0;
        String format = null;
        if (fn.equals("strftime")) {
            if (args.isEmpty()) {
                throw new Untranslatable("strftime() without a format");
            }
            SqlTyped f = args.get(0);
            if (f.lit() != Lit.STRING) {
                throw new Untranslatable("strftime() with a format that is not a plain string");
            }
            format = f.raw();
            first = 1;
        }
        boolean[] subsec = new boolean[1];
        String t = moment(tr, args.subList(first, args.size()), subsec);
        tr.stable = true; // to_char depends on the session's settings, so PostgreSQL counts it as stable
        return switch (fn) {
            case "datetime" -> text('T', t, subsec[0]);
            case "date" -> text('D', t, false);
            case "time" -> text('H', t, subsec[0]);
            case "julianday" -> SqlTyped.atom(julian(t), PgType.Kind.DOUBLE);
            case "unixepoch" -> SqlTyped.atom("floor(extract(epoch FROM " + t + "))::bigint", PgType.Kind.BIGINT);
            default -> SqlTyped.atom(strftime(format, t), PgType.Kind.TEXT);
        };
    }

    static String julian(String t) {
        return "(extract(epoch FROM " + t + ") / 86400 + 2440587.5)::double precision";
    }

    private static SqlTyped text(char what, String t, boolean subsec) {
        String fmt = switch (what) {
            case 'D' -> "YYYY-MM-DD";
            case 'H' -> subsec ? "HH24:MI:SS.MS" : "HH24:MI:SS";
            default -> subsec ? "YYYY-MM-DD HH24:MI:SS.MS" : "YYYY-MM-DD HH24:MI:SS";
        };
        return new SqlTyped("to_char(" + t + ", '" + fmt + "')", SqlTyped.ATOM, PgType.Kind.TEXT, (char) 0, null, Lit.NONE,
                null, t, what, false);
    }

    /** A date function's moment as a value of a column's type (null: keep SQLite's text). */
    static String as(SqlTyped p, PgType.Kind kind) {
        String t = p.alt();
        return switch (kind) {
            case TIMESTAMP -> p.temporal() == 'H' ? null : p.temporal() == 'D' ? "CAST(" + t + " AS date)" : t;
            case TIMESTAMPTZ -> p.temporal() == 'H' ? null : p.temporal() == 'D' ? "(CAST(CAST(" + t + " AS date) AS timestamp) "
                    + "AT TIME ZONE 'UTC')" : "(" + t + " AT TIME ZONE 'UTC')";
            case DATE -> p.temporal() == 'H' ? null : "CAST(" + t + " AS date)";
            case TIME -> p.temporal() == 'D' ? null : "CAST(" + t + " AS time(0))";
            default -> null;
        };
    }

    /**
     * SQLite adds months to the month number and lets a day past the month's end run into the next
     * month (January 31 + 1 month is March 3 or 2): the first of the month, plus the months, plus the
     * days and time the moment was past the first. PostgreSQL's own month arithmetic clips instead.
     */
    private static String months(String t, boolean minus, String n, boolean years, String mod) {
        if (n.contains(".")) {
            throw new Untranslatable("a fraction of a month or year ('" + mod + "') is counted differently by SQLite and PostgreSQL");
        }
        String start = "date_trunc('month', " + t + ")";
        return "(" + start + (minus ? " - " : " + ") + "interval '" + n + (years ? " years" : " months") + "' + (" + t + " - "
                + start + "))";
    }

    /** The timestamp a time value and its modifiers mean. */
    private static String moment(SqlRewriter tr, List<SqlTyped> args, boolean[] subsec) {
        if (args.isEmpty()) {
            return UTC_NOW;
        }
        String mode = null;
        int m = 1;
        if (args.size() > 1) {
            String first = modifier(tr, args.get(1));
            if (Set.of("unixepoch", "julianday", "auto").contains(first)) {
                mode = first;
                m = 2;
            }
        }
        String t = value(tr, args.get(0), mode);
        // SQLite (3.42 and later) knows 'now' is in UTC: 'utc' after it is nothing, until 'localtime'
        // makes the moment local; on other values 'utc' reads them as the machine's local time
        boolean utc = mode == null && args.get(0).lit() == Lit.STRING && args.get(0).raw().trim().equalsIgnoreCase("now");
        for (; m < args.size(); m++) {
            String mod = modifier(tr, args.get(m));
            Matcher shift = SHIFT.matcher(mod);
            if (shift.matches()) {
                if (shift.group(3).equals("month") || shift.group(3).equals("year")) {
                    t = months(t, shift.group(1).equals("-"), shift.group(2), shift.group(3).equals("year"), mod);
                    continue;
                }
                t = "(" + t + (shift.group(1).equals("-") ? " - " : " + ") + "interval '" + shift.group(2) + " "
                        + shift.group(3) + "')";
                continue;
            }
            t = switch (mod) {
                case "start of day" -> "date_trunc('day', " + t + ")";
                case "start of month" -> "date_trunc('month', " + t + ")";
                case "start of year" -> "date_trunc('year', " + t + ")";
                case "localtime" -> {
                    utc = false;
                    yield "CAST((" + t + " AT TIME ZONE 'UTC') AS timestamp)";
                }
                case "utc" -> {
                    if (utc) {
                        yield t;
                    }
                    utc = true;
                    yield "(CAST(" + t + " AS timestamptz) AT TIME ZONE 'UTC')";
                }
                case "subsec", "subsecond" -> {
                    subsec[0] = true;
                    yield t;
                }
                default -> {
                    Matcher weekday = WEEKDAY.matcher(mod);
                    if (!weekday.matches()) {
                        throw new Untranslatable("the date modifier '" + mod + "' has no PostgreSQL translation Ferry knows");
                    }
                    // the next day (or this one) that is weekday N, 0 being Sunday, keeping the time of day
                    yield "(" + t + " + ((" + weekday.group(1) + " - extract(dow FROM " + t + ")::int + 7) % 7) * interval '1 day')";
                }
            };
        }
        return t;
    }

    private static String modifier(SqlRewriter tr, SqlTyped p) {
        if (p.lit() != Lit.STRING) {
            throw new Untranslatable("a date modifier that is not a plain string");
        }
        return p.raw().trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** SQLite reads a time value by what it is: 'now', ISO text, or a number (julian day, or unix seconds with 'unixepoch'). */
    private static String value(SqlRewriter tr, SqlTyped v, String mode) {
        if (v.lit() == Lit.STRING && v.raw().trim().equalsIgnoreCase("now")) {
            return UTC_NOW;
        }
        boolean numeric = v.lit() == Lit.NUMBER || v.lit() == Lit.STRING && NUMBER.matcher(v.raw().trim()).matches()
                || v.column() == null && ("unixepoch".equals(mode) || "julianday".equals(mode));
        ColumnPlan c = v.column();
        if (c != null) {
            TypeRule.Conversion conv = c.conversion();
            switch (c.type().kind()) {
                case TIMESTAMP -> {
                    boolean fits = mode == null ? conv == TypeRule.Conversion.AS_IS : mode.equals("auto")
                            || mode.equals("unixepoch") && conv == TypeRule.Conversion.EPOCH_SECONDS
                            || mode.equals("julianday") && conv == TypeRule.Conversion.JULIAN_DAY;
                    if (!fits) {
                        throw new Untranslatable("column " + c.source().name() + " became a timestamp, but SQLite "
                                + "would read its values differently here");
                    }
                    return v.sql();
                }
                case TIMESTAMPTZ -> {
                    return "(" + v.sql() + " AT TIME ZONE 'UTC')";
                }
                case DATE -> {
                    return "CAST(" + v.sql() + " AS timestamp)";
                }
                case BIGINT, INTEGER, SMALLINT, DOUBLE, NUMERIC -> numeric = true;
                case TEXT, VARCHAR -> {
                    tr.stable = true;
                    return "CAST(" + v.sql() + " AS timestamp)";
                }
                default -> throw new Untranslatable("a date function on column " + c.source().name() + " of type "
                        + c.type().sql());
            }
        }
        if (numeric) {
            String x = v.lit() == Lit.STRING ? v.raw().trim() : v.isText() ? "(" + v.sql() + ")::double precision" : v.sql();
            if ("unixepoch".equals(mode)) {
                return "(to_timestamp(" + x + ") AT TIME ZONE 'UTC')";
            }
            if (mode == null || mode.equals("julianday")) {
                return "(to_timestamp((" + x + " - 2440587.5) * 86400) AT TIME ZONE 'UTC')";
            }
            throw new Untranslatable("the 'auto' date modifier on a number");
        }
        tr.stable = true;
        return "CAST(" + v.sql() + " AS timestamp)";
    }

    /**
     * strftime(format, t): to_char for what it has the same fields for (double-quoted literal text
     * between them), expressions for %s and %w; other fields are refused.
     */
    static String strftime(String format, String t) {
        StringBuilder pattern = new StringBuilder(), literal = new StringBuilder();
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                literal.append(c);
                continue;
            }
            char f = format.charAt(++i);
            if (f == '%') {
                literal.append('%');
                continue;
            }
            String to = switch (f) {
                case 'd' -> "DD";
                case 'f' -> "SS.MS";
                case 'F' -> "YYYY-MM-DD";
                case 'H' -> "HH24";
                case 'I' -> "HH12";
                case 'j' -> "DDD";
                case 'm' -> "MM";
                case 'M' -> "MI";
                case 'p' -> "AM";
                case 'P' -> "am";
                case 'R' -> "HH24:MI";
                case 'S' -> "SS";
                case 'T' -> "HH24:MI:SS";
                case 'u' -> "ID";
                case 'Y' -> "YYYY";
                case 'V' -> "IW";
                case 'G' -> "IYYY";
                default -> null;
            };
            String expression = switch (f) {
                case 's' -> "floor(extract(epoch FROM " + t + "))::bigint::text";
                case 'w' -> "extract(dow FROM " + t + ")::int::text";
                case 'e' -> "lpad(to_char(" + t + ", 'FMDD'), 2, ' ')";
                case 'k' -> "lpad(to_char(" + t + ", 'FMHH24'), 2, ' ')";
                case 'l' -> "lpad(to_char(" + t + ", 'FMHH12'), 2, ' ')";
                // weeks of the year counted from the first Monday (%W) or Sunday (%U), as SQLite counts them
                case 'W' -> "lpad(((extract(doy FROM " + t + ")::int + 6 - (extract(dow FROM " + t + ")::int + 6) % 7) / 7)::text, 2, '0')";
                case 'U' -> "lpad(((extract(doy FROM " + t + ")::int + 6 - extract(dow FROM " + t + ")::int) / 7)::text, 2, '0')";
                default -> null;
            };
            if (to == null && expression == null) {
                throw new Untranslatable("the strftime() field %" + f + " has no PostgreSQL equivalent Ferry is sure of");
            }
            flushLiteral(pattern, literal);
            if (to != null) {
                pattern.append(to);
            } else {
                flushPattern(parts, pattern, t);
                parts.add(expression);
            }
        }
        flushLiteral(pattern, literal);
        flushPattern(parts, pattern, t);
        return parts.isEmpty() ? "''" : parts.size() == 1 ? parts.get(0) : "(" + String.join(" || ", parts) + ")";
    }

    private static void flushLiteral(StringBuilder pattern, StringBuilder literal) {
        if (literal.length() > 0 && !literal.toString().matches("[-:/ .,0-9]+")) {
            pattern.append('"').append(literal.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            literal.setLength(0);
        } else if (literal.length() > 0) { // punctuation to_char copies as it is
            pattern.append(literal);
            literal.setLength(0);
        }
    }

    private static void flushPattern(java.util.List<String> parts, StringBuilder pattern, String t) {
        if (pattern.length() > 0) {
            parts.add("to_char(" + t + ", " + dev.ferry.postgres.Naming.literal(pattern.toString()) + ")");
            pattern.setLength(0);
        }
    }
}
