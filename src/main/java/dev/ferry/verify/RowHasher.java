package dev.ferry.verify;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;
import net.openhft.hashing.LongHashFunction;

/**
 * An order-independent checksum of a table: each row's values are hashed (xxHash3) in column
 * order and the row hashes are added up, so the same rows in any order give the same sum and a
 * missing, extra or changed row changes it. Values are hashed in a canonical form of their
 * PostgreSQL type, so SQLite's 0.99 and PostgreSQL's "0.99" numeric agree.
 */
public final class RowHasher {

    private static final LongHashFunction XX = LongHashFunction.xx3();
    private static final long NULL_HASH = 0x6A09E667F3BCC908L;

    private final boolean[] jsonColumns;
    private final JsonHash json = new JsonHash();
    private long row = 0x243F6A8885A308D3L;
    private int column;
    private long sum;
    private long rows;

    /** @param jsonColumns which columns hold JSON, hashed by meaning since jsonb reorders keys */
    public RowHasher(boolean[] jsonColumns) {
        this.jsonColumns = jsonColumns.clone();
    }

    public void value(Object v) {
        mix(v == null ? NULL_HASH : !jsonColumns[column] ? hash(v)
                : v instanceof byte[] b ? json.hash(b, 0, b.length) : json.hash((String) v));
    }

    // The methods below hash a value as value(Object) does, straight from what a reader holds, so
    // reading a table back builds no object per value.

    public void nullValue() {
        mix(NULL_HASH);
    }

    public void longValue(long v) {
        mix(XX.hashLong(v));
    }

    public void doubleValue(double v) {
        mix(XX.hashLong(Double.doubleToLongBits(v)));
    }

    public void booleanValue(boolean v) {
        mix(v ? 1 : 2);
    }

    /** Text as UTF-8 bytes, or bytea; JSON (by meaning) in a JSON column. */
    public void bytesValue(byte[] b, int off, int len) {
        mix(jsonColumns[column] ? json.hash(b, off, len) : XX.hashBytes(b, off, len));
    }

    /** A timestamp as microseconds since 1970-01-01 00:00 (UTC for timestamptz). */
    public void timestampMicros(long micros, boolean withZone) {
        mix(withZone ? XX.hashLong(micros) ^ 0x5555 : XX.hashLong(micros));
    }

    public void dateDays(long epochDay) {
        mix(XX.hashLong(epochDay) ^ 0x7777);
    }

    public void timeMicros(long micros) {
        mix(XX.hashLong(micros) ^ 0x3333);
    }

    public void uuidValue(long most, long least) {
        mix(XX.hashLong(most) * 31 + XX.hashLong(least));
    }

    private void mix(long h) {
        row = (row ^ h) * 0x9E3779B97F4A7C15L + column;
        column++;
    }

    public void endRow() {
        sum += XX.hashLong(row);
        rows++;
        row = 0x243F6A8885A308D3L;
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
            return XX.hashLong(l);
        } else if (v instanceof String s) {
            // text is hashed as its UTF-8 bytes, so text read as bytes on either side compares equal
            return XX.hashBytes(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        } else if (v instanceof Double d) {
            return XX.hashLong(Double.doubleToLongBits(d));
        } else if (v instanceof byte[] b) {
            return XX.hashBytes(b);
        } else if (v instanceof Boolean b) {
            return b ? 1 : 2;
        } else if (v instanceof BigDecimal d) {
            return XX.hashChars(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
        } else if (v instanceof LocalDateTime t) {
            return XX.hashLong(t.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + t.getNano() / 1000);
        } else if (v instanceof Instant t) {
            return XX.hashLong(t.getEpochSecond() * 1_000_000 + t.getNano() / 1000) ^ 0x5555;
        } else if (v instanceof LocalDate d) {
            return XX.hashLong(d.toEpochDay()) ^ 0x7777;
        } else if (v instanceof LocalTime t) {
            return XX.hashLong(t.toNanoOfDay() / 1000) ^ 0x3333;
        } else if (v instanceof UUID u) {
            return XX.hashLong(u.getMostSignificantBits()) * 31 + XX.hashLong(u.getLeastSignificantBits());
        }
        throw new IllegalArgumentException("no checksum for " + v.getClass().getSimpleName());
    }

    /** The hash of a JSON text by meaning (see {@link JsonHash}); for tests and callers outside a row. */
    static long jsonHash(String text) {
        return new JsonHash().hash(text);
    }
}
