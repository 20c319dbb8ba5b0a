package dev.ferry.mapping;

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
