package dev.ferry.postgres;

import dev.ferry.value.IsoTime;
import dev.ferry.value.Utf8;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Writes rows in PostgreSQL's COPY text format into a reusable byte buffer: tab between fields,
 * {@code \N} for NULL, backslash escapes, bytea as hex. Values arrive already converted to their
 * target type (see ValueConverter), so this class only spells them.
 */
public final class CopyEncoder implements RowEncoder {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private byte[] buf = new byte[1 << 16];
    private int len;
    private boolean rowStarted;
    private final StringBuilder scratch = new StringBuilder(40);
    private boolean doubtful;

    @Override
    public void begin() {
        // text COPY has no header
    }

    @Override
    public void finish() {
        // nor a trailer
    }

    @Override
    public String copyOptions() {
        return "";
    }

    public int size() {
        return len;
    }

    public byte[] buffer() {
        return buf;
    }

    public void reset() {
        len = 0;
    }

    /**
     * Whether the text written since the last call held a NUL or U+FFFD. PostgreSQL's text cannot
     * hold NUL, and the SQLite driver turns bytes that are not UTF-8 into U+FFFD without a word;
     * the caller looks at the original bytes, so neither can slip through unnoticed.
     */
    public boolean takeDoubtful() {
        boolean d = doubtful;
        doubtful = false;
        return d;
    }

    public void endRow() {
        put((byte) '\n');
        rowStarted = false;
    }

    public void value(Object v) {
        if (rowStarted) {
            put((byte) '\t');
        }
        rowStarted = true;
        if (v == null) {
            put((byte) '\\');
            put((byte) 'N');
        } else if (v instanceof String s) {
            text(s);
        } else if (v instanceof Long l) {
            ascii(Long.toString(l));
        } else if (v instanceof Double d) {
            ascii(Double.toString(d));
        } else if (v instanceof Boolean b) {
            put((byte) (b ? 't' : 'f'));
        } else if (v instanceof byte[] b) {
            bytea(b);
        } else if (v instanceof BigDecimal d) {
            ascii(d.toPlainString());
        } else if (v instanceof LocalDateTime t) {
            scratch.setLength(0);
            IsoTime.append(scratch, t);
            ascii(scratch);
        } else if (v instanceof Instant t) {
            scratch.setLength(0);
            IsoTime.append(scratch, LocalDateTime.ofInstant(t, ZoneOffset.UTC));
            ascii(scratch.append("+00"));
        } else if (v instanceof LocalDate d) {
            scratch.setLength(0);
            IsoTime.appendDate(scratch, d);
            ascii(scratch);
        } else if (v instanceof LocalTime t) {
            scratch.setLength(0);
            IsoTime.appendTime(scratch, t);
            ascii(scratch);
        } else {
            text(v.toString()); // UUID and anything whose text form is its input form
        }
    }

    /**
     * Text as SQLite stored it, UTF-8 bytes copied as they are (escaped), so no string is built on the
     * way. Anything that is not valid UTF-8, or a NUL, marks the value doubtful (see takeDoubtful).
     */
    public void utf8(byte[] v) {
        if (rowStarted) {
            put((byte) '\t');
        }
        rowStarted = true;
        ensure(v.length * 2);
        byte[] b = buf;
        int n = len;
        for (int i = 0; i < v.length; i++) {
            int c = v[i] & 0xFF;
            if (c >= 0x80) {
                int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 ? 1 : -1;
                if (extra < 0 || c > 0xF4 || i + extra >= v.length || !continuation(v, i, extra)) {
                    doubtful = true;
                    b[n++] = (byte) c;
                    continue;
                }
                for (int k = 0; k <= extra; k++) { // a whole valid character: its continuation bytes need no look
                    b[n++] = v[i + k];
                }
                i += extra;
                continue;
            }
            n = ascii(b, n, c);
        }
        len = n;
    }

    /** Writes one ASCII character with COPY's escapes at b[n]; returns the next position. */
    private int ascii(byte[] b, int n, int c) {
        switch (c) {
            case '\\' -> { b[n++] = '\\'; b[n++] = '\\'; }
            case '\n' -> { b[n++] = '\\'; b[n++] = 'n'; }
            case '\r' -> { b[n++] = '\\'; b[n++] = 'r'; }
            case '\t' -> { b[n++] = '\\'; b[n++] = 't'; }
            case 0 -> {
                doubtful = true; // PostgreSQL's text cannot hold NUL: the caller looks closer
                b[n++] = 0;
            }
            default -> b[n++] = (byte) c;
        }
        return n;
    }

    /** Whether the lead byte at i is followed by {@code extra} continuation bytes forming no overlong or surrogate. */
    private static boolean continuation(byte[] v, int i, int extra) {
        for (int k = 1; k <= extra; k++) {
            if ((v[i + k] & 0xC0) != 0x80) {
                return false;
            }
        }
        int lead = v[i] & 0xFF, second = v[i + 1] & 0xFF;
        return !(lead == 0xE0 && second < 0xA0 || lead == 0xED && second >= 0xA0
                || lead == 0xF0 && second < 0x90 || lead == 0xF4 && second >= 0x90);
    }

    private void text(String s) {
        ensure(s.length() * 3 + 2);
        byte[] b = buf;
        int n = len;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n = ascii(b, n, c);
            } else {
                int cp = Utf8.codePointAt(s, i);
                i += Character.charCount(cp) - 1;
                doubtful |= cp == 0xFFFD;
                n = Utf8.put(b, n, cp);
            }
        }
        len = n;
    }

    private void bytea(byte[] v) {
        ensure(v.length * 2 + 3);
        buf[len++] = '\\';
        buf[len++] = '\\';
        buf[len++] = 'x';
        for (byte x : v) {
            buf[len++] = HEX[(x >> 4) & 0xF];
            buf[len++] = HEX[x & 0xF];
        }
    }

    private void ascii(CharSequence s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }
}
