package dev.ferry.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.value.IsoTime;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A value of a view's row as what it means, written the same way whichever database returned it:
 * 1, 1.0 and numeric 1.00 are "1"; boolean true and integer 1 are "1"; a timestamp and its ISO text
 * ("2024-01-02T03:04:05", "2024-01-02 03:04:05.000") are "2024-01-02 03:04:05"; NULL is null. Text
 * stays exactly as it is. SQLite's value is read in the light of the type PostgreSQL gave the same
 * column, since SQLite's own storage class says little (a date is text there).
 */
final class Meaning {

    /** Non-integers agree to this many digits: the two sides may add floating-point numbers in another order. */
    private static final MathContext DIGITS = new MathContext(12);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Meaning() {
    }

    /** PostgreSQL's column type as the driver names it ("int8", "timestamptz", "text", ...). */
    static String postgres(ResultSet rs, int i, String type) throws SQLException {
        switch (type) {
            case "bool": {
                boolean b = rs.getBoolean(i);
                return rs.wasNull() ? null : b ? "1" : "0";
            }
            case "int2", "int4", "int8", "oid": {
                long v = rs.getLong(i);
                return rs.wasNull() ? null : Long.toString(v);
            }
            case "float4", "float8": {
                double v = rs.getDouble(i);
                return rs.wasNull() ? null : number(v);
            }
            case "timestamp": {
                LocalDateTime t = rs.getObject(i, LocalDateTime.class);
                return t == null ? null : time(t);
            }
            case "timestamptz": {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                return t == null ? null : time(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()) + "Z";
            }
            case "date": {
                LocalDate d = rs.getObject(i, LocalDate.class);
                return d == null ? null : d.toString();
            }
            case "time": {
                LocalTime t = rs.getObject(i, LocalTime.class);
                return t == null ? null : clock(t);
            }
            case "bytea": {
                byte[] b = rs.getBytes(i);
                return b == null ? null : hex(b);
            }
            default: {
                String s = rs.getString(i);
                if (s == null) {
                    return null;
                }
                return switch (type) {
                    case "numeric" -> numericText(s);
                    case "json", "jsonb" -> json(s);
                    case "uuid" -> s.toLowerCase(Locale.ROOT);
                    default -> s;
                };
            }
        }
    }

    /** SQLite's value (as its driver returns it) for a column PostgreSQL typed {@code type}. */
    static String sqlite(Object v, String type) {
        if (v == null) {
            return null;
        }
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof Number n) {
            return Long.toString(n.longValue());
        }
        if (v instanceof byte[] b) {
            return type.equals("uuid") && b.length == 16 ? uuid(b) : hex(b);
        }
        String s = v.toString();
        try {
            return switch (type) {
                case "timestamp" -> time(IsoTime.localDateTime(s));
                case "timestamptz" -> time(IsoTime.instant(s).atOffset(ZoneOffset.UTC).toLocalDateTime()) + "Z";
                case "date" -> dateOf(s);
                case "time" -> clock(IsoTime.time(s));
                case "bool" -> truth(s);
                case "int2", "int4", "int8", "float4", "float8", "numeric" -> numericText(s.trim());
                case "json", "jsonb" -> json(s);
                case "uuid" -> s.toLowerCase(Locale.ROOT);
                default -> s;
            };
        } catch (RuntimeException notThatShape) { // text SQLite held that is no such value: compared as it is
            return s;
        }
    }

    /** A value as a row example shows it: text quoted, the rest as it means. */
    static String shown(String meaning, boolean text) {
        if (meaning == null) {
            return "NULL";
        }
        String s = meaning.length() > 60 ? meaning.substring(0, 60) + "…" : meaning;
        return text ? "'" + s.replace("'", "''") + "'" : s;
    }

    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
            return Long.toString((long) d);
        }
        return plain(BigDecimal.valueOf(d).round(DIGITS));
    }

    private static String numericText(String s) {
        if (s.equalsIgnoreCase("NaN") || s.endsWith("Infinity")) {
            return s.equals("NaN") ? "NaN" : s.startsWith("-") ? "-Infinity" : "Infinity";
        }
        BigDecimal d = new BigDecimal(s).stripTrailingZeros();
        return plain(d.scale() > 0 ? d.round(DIGITS) : d);
    }

    private static String plain(BigDecimal d) {
        d = d.stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    static String time(LocalDateTime t) {
        return t.toLocalDate() + " " + clock(t.toLocalTime());
    }

    private static String clock(LocalTime t) {
        String s = String.format(Locale.ROOT, "%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        if (t.getNano() == 0) {
            return s;
        }
        return s + ("." + String.format(Locale.ROOT, "%09d", t.getNano())).replaceAll("0+$", "");
    }

    private static String dateOf(String s) {
        LocalDateTime t = IsoTime.localDateTime(s);
        return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : s;
    }

    private static String truth(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "t", "yes", "y", "on" -> "1";
            case "0", "false", "f", "no", "n", "off" -> "0";
            default -> s;
        };
    }

    private static String hex(byte[] b) {
        return "\\x" + HexFormat.of().formatHex(b);
    }

    private static String uuid(byte[] b) {
        String h = HexFormat.of().formatHex(b);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-"
                + h.substring(20);
    }

    /** JSON as jsonb keeps it: keys in a fixed order, the last of a repeated key, spacing gone. */
    private static String json(String s) {
        try {
            return canonical(JSON.readTree(s));
        } catch (java.io.IOException e) {
            return s;
        }
    }

    private static String canonical(JsonNode n) {
        if (n.isObject()) {
            Map<String, String> sorted = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                sorted.put(e.getKey(), canonical(e.getValue()));
            }
            StringBuilder b = new StringBuilder("{");
            sorted.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append(com.fasterxml.jackson.databind.node.TextNode.valueOf(k).toString()).append(':').append(v));
            return b.append('}').toString();
        }
        if (n.isArray()) {
            StringBuilder b = new StringBuilder("[");
            n.forEach(e -> b.append(b.length() > 1 ? "," : "").append(canonical(e)));
            return b.append(']').toString();
        }
        return n.isNumber() ? numericText(n.asText()) : n.toString();
    }
}
