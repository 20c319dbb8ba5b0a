package dev.ferry.verify;

import dev.ferry.value.JsonbText;

import dev.ferry.value.NumericDigits;
import dev.ferry.plan.PgType.Kind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * An order-independent checksum of a table, defined so PostgreSQL can compute it too: each value
 * is hashed with its PostgreSQL type's own 64-bit hash function ({@link PgHash}), a row's hashes
 * are combined as {@code hash_record_extended} combines them, the row's hash is hashed once more
 * ({@code hashint8extended(h, h)}, so values swapped between rows change the sum) and the rows'
 * hashes are added up. The same rows in any order give the same sum; a missing, extra or changed
 * row changes it.
 *
 * <p>The element hashes follow {@link ServerChecksum#rowExpression}: JSON is hashed as the text
 * jsonb prints ({@link JsonbText}), and a numeric adds a second element for what numeric's own hash
 * leaves out, its sign and which special value (NaN, Infinity) it is.
 */
public final class RowHasher {

    private final boolean[] jsonColumns;
    private final boolean[] numericColumns;
    private final JsonbText json = new JsonbText();
    private boolean lastJsonTaken;
    private long row;
    private int column;
    private long sum;
    private long rows;

    /** @param kinds each column's planned PostgreSQL type */
    public RowHasher(Kind[] kinds) {
        jsonColumns = new boolean[kinds.length];
        numericColumns = new boolean[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            jsonColumns[i] = kinds[i] == Kind.JSONB;
            numericColumns[i] = kinds[i] == Kind.NUMERIC;
        }
    }

    public void value(Object v) {
        if (v == null) {
            nullValue();
        } else if (numericColumns[column]) {
            numericValue(v);
        } else if (jsonColumns[column]) {
            byte[] b = v instanceof byte[] bytes ? bytes : ((String) v).getBytes(StandardCharsets.UTF_8);
            jsonValue(b, 0, b.length);
        } else {
            put(hash(v));
        }
    }

    // The methods below hash a value as value(Object) does, straight from what a reader holds, so
    // reading a table back builds no object per value.

    public void nullValue() {
        if (numericColumns[column]) {
            mix(0);
        }
        put(0);
    }

    public void longValue(long v) {
        put(PgHash.int8(v));
    }

    public void doubleValue(double v) {
        put(PgHash.float8(v));
    }

    public void booleanValue(boolean v) {
        put(PgHash.bool(v));
    }

    /** Text as UTF-8 bytes, or bytea; in a JSON column, JSON as the source holds it (see {@link #jsonbTextValue}). */
    public void bytesValue(byte[] b, int off, int len) {
        if (jsonColumns[column]) {
            jsonValue(b, off, len);
        } else {
            put(PgHash.bytes(b, off, len));
        }
    }

    /** Text PostgreSQL printed from a jsonb value: already as {@link JsonbText} writes it. */
    public void jsonbTextValue(byte[] b, int off, int len) {
        put(PgHash.bytes(b, off, len));
    }

    /** A timestamp as microseconds since 1970-01-01 00:00 (UTC for timestamptz; both hash alike, as in PostgreSQL). */
    public void timestampMicros(long micros) {
        put(PgHash.timestampUnixMicros(micros));
    }

    public void dateDays(long epochDay) {
        put(PgHash.dateEpochDay(epochDay));
    }

    public void timeMicros(long micros) {
        put(PgHash.int8(micros));
    }

    public void uuidValue(long most, long least) {
        put(PgHash.uuid(most, least));
    }

    /** A numeric: a BigDecimal (or a Long), or "NaN", "Infinity", "-Infinity". */
    public void numericValue(Object v) {
        if (v instanceof Long l) {
            v = BigDecimal.valueOf(l);
        }
        if (v instanceof BigDecimal d) {
            mix(numericHash(d));
            put(PgHash.uint32(d.signum() < 0 ? 1 : 0));
        } else {
            mix(0); // numeric's hash of every special value is its seed
            put(PgHash.uint32(switch ((String) v) {
                case "NaN" -> 2;
                case "Infinity" -> 4;
                case "-Infinity" -> 1;
                default -> throw new IllegalArgumentException("not a numeric: " + v);
            }));
        }
    }

    private void jsonValue(byte[] b, int off, int len) {
        lastJsonTaken = json.write(b, off, len);
        if (lastJsonTaken) {
            put(PgHash.bytes(json.buffer(), 0, json.size()));
        } else { // not JSON jsonb takes: hashed so that it cannot match what PostgreSQL holds
            put(~PgHash.bytes(b, off, len));
        }
    }

    /**
     * Whether the last JSON value hashed is one jsonb takes, nested at most {@code levels} deep: the
     * copy's check of a JSON column is this parse, which every JSON value goes through anyway.
     */
    public boolean lastJsonTaken(int levels) {
        return lastJsonTaken && json.deepest() <= levels;
    }

    /** Adds one element to the row's hash, as hash_record_extended combines a row's values. */
    private void mix(long h) {
        row = row * 31 + h;
    }

    /** Adds a column's last element and moves on to the next column. */
    private void put(long h) {
        mix(h);
        column++;
    }

    public void endRow() {
        // hashed once more so values swapped between rows change the sum; seeded with itself, as
        // hashint8extended keeps only 32 bits of the value but all 64 of the seed
        sum += PgHash.int8(row, row);
        rows++;
        row = 0;
        column = 0;
    }

    public long sum() {
        return sum;
    }

    public long rows() {
        return rows;
    }

    private static long hash(Object v) {
        if (v instanceof Long l) {
            return PgHash.int8(l);
        } else if (v instanceof String s) {
            return PgHash.bytes(s.getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof Double d) {
            return PgHash.float8(d);
        } else if (v instanceof byte[] b) {
            return PgHash.bytes(b);
        } else if (v instanceof Boolean b) {
            return PgHash.bool(b);
        } else if (v instanceof LocalDateTime t) {
            return PgHash.timestampUnixMicros(t.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + t.getNano() / 1000);
        } else if (v instanceof Instant t) {
            return PgHash.timestampUnixMicros(t.getEpochSecond() * 1_000_000 + t.getNano() / 1000);
        } else if (v instanceof LocalDate d) {
            return PgHash.dateEpochDay(d.toEpochDay());
        } else if (v instanceof LocalTime t) {
            return PgHash.int8(t.toNanoOfDay() / 1000);
        } else if (v instanceof UUID u) {
            return PgHash.uuid(u.getMostSignificantBits(), u.getLeastSignificantBits());
        }
        throw new IllegalArgumentException("no checksum for " + v.getClass().getSimpleName());
    }

    /**
     * {@code hash_numeric_extended}: the value's base-10000 digits without leading or trailing
     * zero digits, hashed as int16s, XOR the weight of the first; zero hashes as -1. Sign and
     * display scale do not count.
     */
    static long numericHash(BigDecimal d) {
        NumericDigits n = NumericDigits.of(d);
        if (n.digits().length == 0) {
            return -1;
        }
        byte[] le = new byte[n.digits().length * 2];
        for (int k = 0; k < n.digits().length; k++) {
            le[2 * k] = (byte) n.digits()[k];
            le[2 * k + 1] = (byte) (n.digits()[k] >>> 8);
        }
        return PgHash.bytes(le, 0, le.length) ^ n.weight();
    }

    /** The canonical jsonb text of a JSON text, or null when jsonb would refuse it; for tests. */
    static String jsonbText(String json) {
        return JsonbText.canonical(json);
    }
}
