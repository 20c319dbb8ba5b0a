package dev.ferry.value;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Reads the ISO-8601 shapes SQLite's date functions accept ("2024-05-01", "2024-05-01 10:00",
 * "2024-05-01T10:00:00.123Z", "... +02:00") and PostgreSQL's ISO output ("... +00"), and writes
 * the form PostgreSQL reads back unchanged. Hand-written because it runs once per value.
 */
public final class IsoTime {

    private IsoTime() {
    }

    /** A date-time without offset; throws IllegalArgumentException when the text is no such value. */
    public static LocalDateTime localDateTime(String s) {
        Parsed p = parse(s);
        if (p.offsetSeconds != null) {
            throw new IllegalArgumentException("'" + s + "' carries a time zone offset");
        }
        return p.local;
    }

    public static Instant instant(String s) {
        Parsed p = parse(s);
        return p.local.toInstant(ZoneOffset.ofTotalSeconds(p.offsetSeconds == null ? 0 : p.offsetSeconds));
    }

    public static LocalTime time(String s) {
        return parse("2000-01-01 " + s.trim()).local.toLocalTime();
    }

    /** What {@link #plainMicros} returns for text of another shape. */
    public static final long NOT_PLAIN = Long.MIN_VALUE;

    /**
     * Microseconds since 1970 of the commonest shape, "YYYY-MM-DD HH:MM:SS" (or with a T) as
     * UTF-8 bytes, read without building a string or a date; {@link #NOT_PLAIN} for anything
     * else, to be read by {@link #localDateTime}. Same value as localDateTime(...) in UTC.
     */
    public static long plainMicros(byte[] b) {
        if (b.length != 19 || b[4] != '-' || b[7] != '-' || (b[10] != ' ' && b[10] != 'T') || b[13] != ':'
                || b[16] != ':') {
            return NOT_PLAIN;
        }
        int year = digits(b, 0, 4), month = digits(b, 5, 7), day = digits(b, 8, 10);
        int hour = digits(b, 11, 13), minute = digits(b, 14, 16), second = digits(b, 17, 19);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1
                || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) {
            return NOT_PLAIN;
        }
        return (epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second) * 1_000_000L;
    }

    private static int digits(byte[] b, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse). */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    private record Parsed(LocalDateTime local, Integer offsetSeconds) {
    }

    private static Parsed parse(String raw) {
        String s = raw.trim();
        try {
            if (s.charAt(4) != '-' || s.charAt(7) != '-') {
                throw new IllegalArgumentException();
            }
            LocalDate date = LocalDate.of(num(s, 0, 4), num(s, 5, 7), num(s, 8, 10));
            if (s.length() == 10) {
                return new Parsed(date.atStartOfDay(), null);
            }
            char sep = s.charAt(10);
            if (sep != ' ' && sep != 'T' || s.charAt(13) != ':') {
                throw new IllegalArgumentException();
            }
            int hour = num(s, 11, 13), minute = num(s, 14, 16), second = 0, nanos = 0, i = 16;
            if (i < s.length() && s.charAt(i) == ':') {
                second = num(s, 17, 19);
                i = 19;
                if (i < s.length() && s.charAt(i) == '.') {
                    int start = ++i;
                    while (i < s.length() && Character.isDigit(s.charAt(i))) {
                        i++;
                    }
                    String frac = (s.substring(start, i) + "000000000").substring(0, 9);
                    nanos = Integer.parseInt(frac);
                }
            }
            Integer offset = null;
            String rest = s.substring(i).trim();
            if (rest.equalsIgnoreCase("Z")) {
                offset = 0;
            } else if (!rest.isEmpty()) {
                int sign = rest.charAt(0) == '-' ? -1 : rest.charAt(0) == '+' ? 1 : 0;
                String hm = rest.substring(1).replace(":", "");
                if (sign == 0 || !(hm.length() == 2 || hm.length() == 4)) {
                    throw new IllegalArgumentException();
                }
                offset = sign * (num(hm, 0, 2) * 3600 + (hm.length() == 4 ? num(hm, 2, 4) * 60 : 0));
            }
            return new Parsed(LocalDateTime.of(date, LocalTime.of(hour, minute, second, nanos)), offset);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + raw + "' is not an ISO-8601 date and time", e);
        }
    }

    private static int num(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                throw new IllegalArgumentException();
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    /** The UTC date-time a count of microseconds since 1970 stands for. */
    public static LocalDateTime ofUnixMicros(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000,
                ZoneOffset.UTC);
    }

    /** "2024-05-01 10:00:00" or with ".123456": the form PostgreSQL's ISO DateStyle writes. */
    public static void append(StringBuilder sb, LocalDateTime t) {
        appendDate(sb, t.toLocalDate());
        sb.append(' ');
        appendTime(sb, t.toLocalTime());
    }

    public static void appendDate(StringBuilder sb, LocalDate d) {
        pad(sb, d.getYear(), 4).append('-');
        pad(sb, d.getMonthValue(), 2).append('-');
        pad(sb, d.getDayOfMonth(), 2);
    }

    public static void appendTime(StringBuilder sb, LocalTime t) {
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2);
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            sb.append('.');
            pad(sb, micros, 6);
        }
    }

    private static StringBuilder pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }
}
