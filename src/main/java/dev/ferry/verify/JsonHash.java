package dev.ferry.verify;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import net.openhft.hashing.LongHashFunction;

/**
 * Hashes JSON text by meaning, the way PostgreSQL's jsonb sees it: whitespace and key order do not
 * count, the last of duplicate keys wins, numbers compare by value (1.0 = 1, 1e2 = 100), escapes
 * are decoded. Hand-written because it runs for every JSON value on both sides of a checksum, and
 * a general parser spent most of its time building objects this needs none of. It reads UTF-8
 * bytes where they lie (a COPY message, a SQLite value), so no string is built for a value.
 */
final class JsonHash {

    private static final LongHashFunction XX = LongHashFunction.xx3();
    private static final byte[] INVALID = "invalid:".getBytes(StandardCharsets.US_ASCII);
    private final ByteArrayOutputStream decoded = new ByteArrayOutputStream(64);
    private byte[] s;
    private int i;
    private int end;

    /** The hash of a JSON text; invalid JSON hashes as its raw text, so it still compares exactly. */
    long hash(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return hash(utf8, 0, utf8.length);
    }

    /** The hash of the JSON text in {@code len} UTF-8 bytes from {@code off}. */
    long hash(byte[] utf8, int off, int len) {
        s = utf8;
        i = off;
        end = off + len;
        try {
            long h = value();
            skipSpace();
            if (i == end) {
                return h;
            }
        } catch (RuntimeException e) {
            // not JSON after all: fall through to the raw text
        }
        byte[] raw = new byte[INVALID.length + len];
        System.arraycopy(INVALID, 0, raw, 0, INVALID.length);
        System.arraycopy(utf8, off, raw, INVALID.length, len);
        return XX.hashBytes(raw);
    }

    private byte at(int k) {
        if (k >= end) {
            throw new IllegalArgumentException("the JSON text ends early");
        }
        return s[k];
    }

    private long value() {
        skipSpace();
        switch (at(i)) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string() ^ 0x1111;
            case 't':
                expect("true");
                return 0x3333;
            case 'f':
                expect("false");
                return 0x4444;
            case 'n':
                expect("null");
                return 0x5555;
            default:
                return number();
        }
    }

    private long object() {
        i++;
        long[] keys = new long[8], values = new long[8];
        int n = 0;
        skipSpace();
        if (at(i) == '}') {
            i++;
        } else {
            while (true) {
                skipSpace();
                long k = string();
                skipSpace();
                if (at(i++) != ':') {
                    throw new IllegalArgumentException();
                }
                long v = value();
                int found = indexOf(keys, n, k); // jsonb keeps the last value of a repeated key
                if (found >= 0) {
                    values[found] = v;
                } else {
                    if (n == keys.length) {
                        keys = java.util.Arrays.copyOf(keys, n * 2);
                        values = java.util.Arrays.copyOf(values, n * 2);
                    }
                    keys[n] = k;
                    values[n++] = v;
                }
                skipSpace();
                byte c = at(i++);
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw new IllegalArgumentException();
                }
            }
        }
        long sum = 0x51ED270B27A2F1A9L;
        for (int k = 0; k < n; k++) {
            sum += XX.hashLong(keys[k] * 31 + values[k]);
        }
        return XX.hashLong(sum);
    }

    private static int indexOf(long[] keys, int n, long k) {
        for (int j = 0; j < n; j++) {
            if (keys[j] == k) {
                return j;
            }
        }
        return -1;
    }

    private long array() {
        i++;
        long h = 0x2545F4914F6CDD1DL;
        skipSpace();
        if (at(i) == ']') {
            i++;
            return XX.hashLong(h);
        }
        for (int n = 0; ; n++) {
            h = (h ^ value()) * 0x9E3779B97F4A7C15L + n;
            skipSpace();
            byte c = at(i++);
            if (c == ']') {
                return XX.hashLong(h);
            }
            if (c != ',') {
                throw new IllegalArgumentException();
            }
        }
    }

    /** The hash of a string's decoded UTF-8 bytes. */
    private long string() {
        if (at(i++) != '"') {
            throw new IllegalArgumentException();
        }
        int start = i;
        while (true) { // fast path: no escapes, hash the bytes where they are
            byte c = at(i);
            if (c == '"') {
                return XX.hashBytes(s, start, i++ - start);
            }
            if (c == '\\') {
                break;
            }
            i++;
        }
        decoded.reset();
        decoded.write(s, start, i - start);
        StringBuilder escaped = new StringBuilder(); // \\u escapes, kept as UTF-16 until a pair is complete
        while (true) {
            byte c = at(i++);
            if (c != '\\' && escaped.length() > 0) {
                flush(escaped);
            }
            if (c == '"') {
                return XX.hashBytes(decoded.toByteArray());
            }
            if (c != '\\') {
                decoded.write(c);
                continue;
            }
            byte e = at(i++);
            if (e == 'u') {
                if (i + 4 > end) {
                    throw new IllegalArgumentException();
                }
                escaped.append((char) Integer.parseInt(new String(s, i, 4, StandardCharsets.US_ASCII), 16));
                i += 4;
                continue;
            }
            if (escaped.length() > 0) {
                flush(escaped);
            }
            switch (e) {
                case 'n' -> decoded.write('\n');
                case 't' -> decoded.write('\t');
                case 'r' -> decoded.write('\r');
                case 'b' -> decoded.write('\b');
                case 'f' -> decoded.write('\f');
                case '"', '\\', '/' -> decoded.write(e);
                default -> throw new IllegalArgumentException();
            }
        }
    }

    private void flush(StringBuilder escaped) {
        decoded.writeBytes(escaped.toString().getBytes(StandardCharsets.UTF_8));
        escaped.setLength(0);
    }

    private long number() {
        int start = i;
        boolean plain = true;
        while (i < end) {
            byte c = s[i];
            if (c == '.' || c == 'e' || c == 'E' || c == '+') {
                plain = false;
            } else if (!(c == '-' || (c >= '0' && c <= '9'))) {
                break;
            }
            i++;
        }
        int len = i - start;
        if (plain && len > 0 && !(len == 1 && s[start] == '-')) {
            if (len == 2 && s[start] == '-' && s[start + 1] == '0') {
                return XX.hashBytes(new byte[] {'0'}) ^ 0x2222;
            }
            return XX.hashBytes(s, start, len) ^ 0x2222;
        }
        BigDecimal d = new BigDecimal(new String(s, start, len, StandardCharsets.US_ASCII));
        d = d.stripTrailingZeros();
        // a number no jsonb can hold (1e999999999) is hashed without writing out its digits
        String canonical = d.signum() == 0 ? "0" : Math.abs((long) d.scale()) > 1_000_000
                ? d.unscaledValue() + "e" + d.scale() : d.toPlainString();
        return XX.hashBytes(canonical.getBytes(StandardCharsets.US_ASCII)) ^ 0x2222;
    }

    private void expect(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (at(i + k) != word.charAt(k)) {
                throw new IllegalArgumentException();
            }
        }
        i += word.length();
    }

    private void skipSpace() {
        while (i < end) {
            byte c = s[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            i++;
        }
    }
}
