package dev.ferry.plan;

import dev.ferry.value.IsoTime;

import dev.ferry.plan.PgType.Kind;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import dev.ferry.value.Uuids;

/**
 * Turns a value as SQLite stored it (Long, Double, String or byte[]: its storage class, not the
 * declared type) into the Java value of the column's PostgreSQL type. The same value is written
 * to COPY and hashed for the checksum, so what is verified is what was sent.
 */
public final class ValueConverter {

    private static final double UNIX_EPOCH_JULIAN_DAY = 2440587.5;

    private ValueConverter() {
    }

    /** Converts one non-null value; throws IllegalArgumentException naming the value when it cannot. */
    public static Object convert(Object v, Kind kind, TypeRule.Conversion conversion) {
        return switch (kind) {
            case BIGINT, INTEGER, SMALLINT -> ((Number) v).longValue();
            case DOUBLE -> v instanceof Number n ? n.doubleValue() : specialDouble((String) v);
            case NUMERIC -> numeric(v);
            case BOOLEAN -> bool(v);
            case TEXT, VARCHAR -> conversion == TypeRule.Conversion.JSON_ARRAY || conversion == TypeRule.Conversion.JSON_FLOAT_ARRAY
                    ? dev.ferry.value.PgArrayText.fromJson(text(v), conversion == TypeRule.Conversion.JSON_FLOAT_ARRAY)
                    : conversion == TypeRule.Conversion.FLOAT32_ARRAY || conversion == TypeRule.Conversion.FLOAT32_VECTOR
                    ? dev.ferry.value.Float4Text.ofBlob(blob(v), conversion == TypeRule.Conversion.FLOAT32_VECTOR)
                    : v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8)
                    : v instanceof Double d ? Double.toString(d) : v.toString();
            case BYTEA -> v instanceof byte[] b ? b : text(v).getBytes(StandardCharsets.UTF_8);
            case TIMESTAMP -> timestamp(v, conversion);
            case TIMESTAMPTZ -> IsoTime.instant((String) v);
            case DATE -> LocalDate.parse(((String) v).trim());
            case TIME -> IsoTime.time((String) v);
            case JSONB -> text(v);
            case UUID -> v instanceof byte[] b ? uuid(b) : uuidText((String) v);
        };
    }

    private static byte[] blob(Object v) {
        if (v instanceof byte[] b) {
            return b;
        }
        throw new IllegalArgumentException("'" + v + "' is not a blob of float32s");
    }

    private static String text(Object v) {
        return v instanceof Double d ? Double.toString(d) : v.toString();
    }

    private static double specialDouble(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "nan" -> Double.NaN;
            case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(t);
        };
    }

    /** NaN and infinities stay strings: PostgreSQL's numeric has them, BigDecimal does not. */
    private static Object numeric(Object v) {
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return d.isNaN() ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
            }
            return new BigDecimal(Double.toString(d));
        }
        if (v instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        return new BigDecimal(v.toString().trim());
    }

    private static Boolean bool(Object v) {
        if (v instanceof Number n) {
            return n.longValue() != 0;
        }
        String t = v.toString().trim().toLowerCase(Locale.ROOT);
        if (TypeRules.TRUE_WORDS.contains(t)) {
            return true;
        }
        if (TypeRules.FALSE_WORDS.contains(t)) {
            return false;
        }
        throw new IllegalArgumentException("'" + v + "' is not a boolean");
    }

    private static LocalDateTime timestamp(Object v, TypeRule.Conversion conversion) {
        return switch (conversion) {
            case EPOCH_SECONDS -> LocalDateTime.ofEpochSecond(((Number) v).longValue(), 0, ZoneOffset.UTC);
            case EPOCH_MILLIS -> {
                yield IsoTime.ofUnixMicros(Math.multiplyExact(((Number) v).longValue(), 1000L));
            }
            case JULIAN_DAY -> {
                yield IsoTime.ofUnixMicros(Math.round((((Number) v).doubleValue() - UNIX_EPOCH_JULIAN_DAY) * 86_400_000_000.0));
            }
            case AS_IS, JSON_ARRAY, JSON_FLOAT_ARRAY, FLOAT32_ARRAY, FLOAT32_VECTOR -> IsoTime.localDateTime((String) v);
        };
    }

    private static UUID uuidText(String s) {
        UUID u = Uuids.parse(s);
        if (u == null) {
            throw new IllegalArgumentException("'" + s + "' is not a UUID");
        }
        return u;
    }

    private static UUID uuid(byte[] b) {
        if (b.length != 16) {
            throw new IllegalArgumentException("a blob of " + b.length + " bytes is not a UUID");
        }
        ByteBuffer bb = ByteBuffer.wrap(b);
        return new UUID(bb.getLong(), bb.getLong());
    }
}
