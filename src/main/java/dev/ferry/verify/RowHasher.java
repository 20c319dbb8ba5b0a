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
        long h = v == null ? NULL_HASH : jsonColumns[column] ? json.hash((String) v) : hash(v);
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
