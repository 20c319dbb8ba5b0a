package dev.ferry.verify;

import java.math.BigDecimal;
import net.openhft.hashing.LongHashFunction;

/**
 * Hashes JSON text by meaning, the way PostgreSQL's jsonb sees it: whitespace and key order do not
 * count, the last of duplicate keys wins, numbers compare by value (1.0 = 1, 1e2 = 100), escapes
 * are decoded. Hand-written because it runs for every JSON value on both sides of a checksum, and
 * a general parser spent most of its time building objects this needs none of.
 */
final class JsonHash {

    private static final LongHashFunction XX = LongHashFunction.xx3();
    private final StringBuilder sb = new StringBuilder(64);
    private String s;
    private int i;

    /** The hash of a JSON text; invalid JSON hashes as its raw text, so it still compares exactly. */
    long hash(String text) {
        s = text;
        i = 0;
        try {
            long h = value();
            skipSpace();
            if (i == s.length()) {
                return h;
            }
        } catch (RuntimeException e) {
            // not JSON after all: fall through to the raw text
        }
        return XX.hashChars("invalid:" + text);
    }

    private long value() {
        skipSpace();
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return XX.hashChars(string()) ^ 0x1111;
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
        if (s.charAt(i) == '}') {
            i++;
        } else {
            while (true) {
                skipSpace();
                long k = XX.hashChars(string());
                skipSpace();
                if (s.charAt(i++) != ':') {
                    throw new IllegalArgumentException();
                }
                long v = value();
                int at = indexOf(keys, n, k); // jsonb keeps the last value of a repeated key
                if (at >= 0) {
                    values[at] = v;
                } else {
                    if (n == keys.length) {
                        keys = java.util.Arrays.copyOf(keys, n * 2);
                        values = java.util.Arrays.copyOf(values, n * 2);
                    }
                    keys[n] = k;
                    values[n++] = v;
                }
                skipSpace();
                char c = s.charAt(i++);
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
        if (s.charAt(i) == ']') {
            i++;
            return XX.hashLong(h);
        }
        for (int n = 0; ; n++) {
            h = (h ^ value()) * 0x9E3779B97F4A7C15L + n;
            skipSpace();
            char c = s.charAt(i++);
            if (c == ']') {
                return XX.hashLong(h);
            }
            if (c != ',') {
                throw new IllegalArgumentException();
            }
        }
    }

    private String string() {
        if (s.charAt(i++) != '"') {
            throw new IllegalArgumentException();
        }
        int start = i;
        while (true) { // fast path: no escapes
            char c = s.charAt(i);
            if (c == '"') {
                return s.substring(start, i++);
            }
            if (c == '\\') {
                break;
            }
            i++;
        }
        sb.setLength(0);
        sb.append(s, start, i);
        while (true) {
            char c = s.charAt(i++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                case '"', '\\', '/' -> sb.append(e);
                default -> throw new IllegalArgumentException();
            }
        }
    }

    private long number() {
        int start = i;
        boolean plain = true;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '.' || c == 'e' || c == 'E' || c == '+') {
                plain = false;
            } else if (!(c == '-' || (c >= '0' && c <= '9'))) {
                break;
            }
            i++;
        }
        String lexeme = s.substring(start, i);
        if (plain && !lexeme.isEmpty() && !lexeme.equals("-")) {
            return XX.hashChars(lexeme.equals("-0") ? "0" : lexeme) ^ 0x2222;
        }
        BigDecimal d = new BigDecimal(lexeme);
        return XX.hashChars(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString()) ^ 0x2222;
    }

    private void expect(String word) {
        if (!s.startsWith(word, i)) {
            throw new IllegalArgumentException();
        }
        i += word.length();
    }

    private void skipSpace() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            i++;
        }
    }
}
