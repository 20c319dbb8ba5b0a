package dev.ferry.verify;

import dev.ferry.mapping.IsoTime;
import dev.ferry.mapping.PgType.Kind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Reads rows PostgreSQL wrote with COPY ... TO STDOUT (text format, ISO dates in UTC) back into
 * the same Java values the copy sent, so both sides of a checksum see the same things.
 */
public final class CopyTextParser {

    private final Kind[] kinds;
    private final Object[] row;
    private byte[] field = new byte[256];

    public CopyTextParser(Kind[] kinds) {
        this.kinds = kinds.clone();
        this.row = new Object[kinds.length];
    }

    /** Parses one row (one line of COPY output, with or without its newline). */
    public Object[] parse(byte[] line) {
        int pos = 0, end = line.length;
        if (end > 0 && line[end - 1] == '\n') {
            end--;
        }
        for (int col = 0; col < kinds.length; col++) {
            int len = 0;
            boolean isNull = false;
            while (pos < end && line[pos] != '\t') {
                byte b = line[pos++];
                if (b == '\\' && pos < end) {
                    byte e = line[pos++];
                    b = switch (e) {
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 't' -> '\t';
                        case 'b' -> '\b';
                        case 'f' -> '\f';
                        case 'v' -> 0x0B;
                        case 'N' -> {
                            isNull = true;
                            yield 0;
                        }
                        default -> e;
                    };
                    if (isNull) {
                        continue;
                    }
                }
                if (len == field.length) {
                    field = Arrays.copyOf(field, len * 2);
                }
                field[len++] = b;
            }
            pos++; // the tab
            row[col] = isNull ? null : value(kinds[col], new String(field, 0, len, StandardCharsets.UTF_8));
        }
        return row;
    }

    private static Object value(Kind kind, String s) {
        return switch (kind) {
            case BIGINT, INTEGER, SMALLINT -> Long.parseLong(s);
            case DOUBLE -> Double.parseDouble(s);
            case NUMERIC -> s.equals("NaN") || s.endsWith("Infinity") ? s : new BigDecimal(s);
            case BOOLEAN -> s.equals("t");
            case TEXT, VARCHAR, JSONB -> s;
            case BYTEA -> HexFormat.of().parseHex(s, 2, s.length());
            case TIMESTAMP -> IsoTime.localDateTime(s);
            case TIMESTAMPTZ -> IsoTime.instant(s);
            case DATE -> LocalDate.parse(s);
            case TIME -> IsoTime.time(s);
            case UUID -> UUID.fromString(s);
        };
    }
}
