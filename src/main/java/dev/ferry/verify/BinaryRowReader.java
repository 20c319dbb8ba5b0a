package dev.ferry.verify;

import dev.ferry.value.IsoTime;
import dev.ferry.plan.PgType.Kind;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.postgresql.copy.CopyOut;

/**
 * Reads rows PostgreSQL writes with COPY ... TO STDOUT (FORMAT binary) into the same Java values
 * the copy sent. Binary spares both sides the text formatting and parsing of numbers, dates and
 * bytea, which is most of what reading a table back costs.
 */
public final class BinaryRowReader {

    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
    private static final int PG_EPOCH_DAYS = 10_957;
    private final ChunkInput in;
    private final Kind[] kinds;
    private final Object[] row;

    /** Reads the messages of a COPY ... TO STDOUT (FORMAT binary) as they arrive. */
    public BinaryRowReader(CopyOut copy, Kind[] kinds) throws IOException {
        this(new ChunkInput(() -> {
            try {
                return copy.readFromCopy();
            } catch (java.sql.SQLException e) {
                throw new IOException(e);
            }
        }), kinds);
    }

    private BinaryRowReader(ChunkInput in, Kind[] kinds) throws IOException {
        this.in = in;
        this.kinds = kinds.clone();
        this.row = new Object[kinds.length];
        byte[] signature = in.readBytes(11);
        if (!new String(signature, 0, 5, StandardCharsets.US_ASCII).equals("PGCOP")) {
            throw new IOException("not a binary COPY stream");
        }
        in.readInt(); // flags
        in.skip(in.readInt()); // header extension
    }

    /** The next row, or null after the last; the array is reused from row to row. */
    public Object[] next() throws IOException {
        if (!rowFollows()) {
            return null;
        }
        for (int i = 0; i < kinds.length; i++) {
            int len = in.readInt();
            row[i] = len < 0 ? null : value(kinds[i], len);
        }
        return row;
    }

    /**
     * Hashes the next row into the hasher as {@link RowHasher#value} would hash what {@link #next}
     * returns, without building the values; false after the last row.
     */
    public boolean hashNext(RowHasher h) throws IOException {
        if (!rowFollows()) {
            return false;
        }
        for (int i = 0; i < kinds.length; i++) {
            int len = in.readInt();
            if (len < 0) {
                h.nullValue();
                continue;
            }
            switch (kinds[i]) {
                case BIGINT -> h.longValue(in.readLong());
                case INTEGER -> h.longValue(in.readInt());
                case SMALLINT -> h.longValue(in.readShort());
                case DOUBLE -> h.doubleValue(in.readDouble());
                case BOOLEAN -> h.booleanValue(in.readByte() != 0);
                case TEXT, VARCHAR, BYTEA -> {
                    in.take(len);
                    h.bytesValue(in.array(), in.offsetOfLast(len), len);
                }
                case JSONB -> {
                    in.readByte(); // jsonb's format version
                    in.take(len - 1);
                    h.jsonbTextValue(in.array(), in.offsetOfLast(len - 1), len - 1);
                }
                case TIMESTAMP, TIMESTAMPTZ -> h.timestampMicros(in.readLong() + PG_EPOCH_MICROS);
                case DATE -> h.dateDays(in.readInt() + (long) PG_EPOCH_DAYS);
                case TIME -> h.timeMicros(in.readLong());
                case UUID -> h.uuidValue(in.readLong(), in.readLong());
                case NUMERIC -> h.numericValue(numeric());
            }
        }
        h.endRow();
        return true;
    }

    /** Reads a row's field count: false at the end of the data, an error when it is not this table's. */
    private boolean rowFollows() throws IOException {
        if (in.atEnd()) {
            return false;
        }
        short fields = in.readShort();
        if (fields == -1) {
            return false;
        }
        if (fields != kinds.length) {
            throw new IOException("expected " + kinds.length + " columns, PostgreSQL sent " + fields);
        }
        return true;
    }

    private Object value(Kind kind, int len) throws IOException {
        return switch (kind) {
            case BIGINT -> in.readLong();
            case INTEGER -> (long) in.readInt();
            case SMALLINT -> (long) in.readShort();
            case DOUBLE -> in.readDouble();
            case BOOLEAN -> in.readByte() != 0;
            case TEXT, VARCHAR -> bytes(len); // hashed as UTF-8 bytes (see RowHasher): no string needed
            case JSONB -> {
                in.readByte(); // jsonb's format version
                yield new String(bytes(len - 1), StandardCharsets.UTF_8);
            }
            case BYTEA -> bytes(len);
            case NUMERIC -> numeric();
            case TIMESTAMP -> IsoTime.ofUnixMicros(in.readLong() + PG_EPOCH_MICROS);
            case TIMESTAMPTZ -> IsoTime.ofUnixMicros(in.readLong() + PG_EPOCH_MICROS).toInstant(ZoneOffset.UTC);
            case DATE -> LocalDate.ofEpochDay(in.readInt() + (long) PG_EPOCH_DAYS);
            case TIME -> LocalTime.ofNanoOfDay(in.readLong() * 1000);
            case UUID -> new UUID(in.readLong(), in.readLong());
        };
    }

    private byte[] bytes(int len) throws IOException {
        return in.readBytes(len);
    }

    /** numeric's wire form: base-10000 digits with a weight, a sign word and a display scale. */
    private Object numeric() throws IOException {
        int ndigits = in.readUnsignedShort();
        int weight = in.readShort();
        int sign = in.readUnsignedShort();
        in.readShort(); // display scale: trailing zeros do not change the value
        if (sign == 0xC000) {
            return "NaN";
        } else if (sign == 0xD000) {
            return "Infinity";
        } else if (sign == 0xF000) {
            return "-Infinity";
        }
        BigInteger unscaled = BigInteger.ZERO;
        BigInteger base = BigInteger.valueOf(10_000);
        for (int i = 0; i < ndigits; i++) {
            unscaled = unscaled.multiply(base).add(BigInteger.valueOf(in.readUnsignedShort()));
        }
        BigDecimal v = new BigDecimal(unscaled).scaleByPowerOfTen(4 * (weight - ndigits + 1));
        return sign == 0x4000 ? v.negate() : v;
    }
}
