package dev.ferry.verify;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a JSON text the way PostgreSQL prints it back from a jsonb column ({@code jsonb::text}):
 * whitespace gone except ", " and ": ", an object's keys sorted shortest first and then bytewise,
 * the last of repeated keys kept, escapes decoded and written again as jsonb writes them, numbers
 * as numeric prints them (1e2 is 100, 1.50 stays 1.50, -0 is 0). A checksum of the source's JSON
 * then equals one PostgreSQL computes over the jsonb it stored. Hand-written because it runs for
 * every JSON value of a copy; it reads UTF-8 bytes where they lie, and is as strict as
 * PostgreSQL's parser: what PostgreSQL would refuse is refused here too ({@link #write} is false).
 */
final class JsonbText {

    /** The most digits numeric holds after the point, and before it. */
    private static final int MAX_SCALE = 16_383;
    private static final int MAX_INTEGER_DIGITS = 131_072;
    private byte[] out = new byte[256];
    private int size;
    private byte[] s;
    private int i;
    private int end;

    /** Canonical text of the JSON in {@code len} bytes at {@code off}, in {@link #buffer()}; false when it is not JSON jsonb accepts. */
    boolean write(byte[] utf8, int off, int len) {
        s = utf8;
        i = off;
        end = off + len;
        size = 0;
        try {
            value();
            skipSpace();
            return i == end;
        } catch (IllegalArgumentException | ArithmeticException e) {
            return false;
        }
    }

    byte[] buffer() {
        return out;
    }

    int size() {
        return size;
    }

    /** The canonical text as a string (for tests and callers outside a checksum), or null when invalid. */
    static String canonical(String json) {
        JsonbText t = new JsonbText();
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return t.write(b, 0, b.length) ? new String(t.out, 0, t.size, StandardCharsets.UTF_8) : null;
    }

    private byte at(int k) {
        if (k >= end) {
            throw new IllegalArgumentException("the JSON text ends early");
        }
        return s[k];
    }

    private void value() {
        skipSpace();
        switch (at(i)) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> escaped(string());
            case 't' -> word("true");
            case 'f' -> word("false");
            case 'n' -> word("null");
            default -> number();
        }
    }

    private record Member(byte[] key, byte[] value, int order) {
    }

    private void object() {
        i++;
        skipSpace();
        if (at(i) == '}') {
            i++;
            put("{}");
            return;
        }
        List<Member> members = new ArrayList<>();
        int start = size;
        while (true) {
            skipSpace();
            if (at(i) != '"') {
                throw new IllegalArgumentException("a key must be a string");
            }
            byte[] key = string();
            skipSpace();
            if (at(i++) != ':') {
                throw new IllegalArgumentException("':' expected");
            }
            size = start;
            value();
            members.add(new Member(key, Arrays.copyOfRange(out, start, size), members.size()));
            size = start;
            skipSpace();
            byte c = at(i++);
            if (c == '}') {
                break;
            }
            if (c != ',') {
                throw new IllegalArgumentException("',' or '}' expected");
            }
        }
        // jsonb's order: shorter keys first, then bytewise; of equal keys the last one stays
        members.sort((a, b) -> {
            int d = a.key.length != b.key.length ? Integer.compare(a.key.length, b.key.length)
                    : Arrays.compareUnsigned(a.key, b.key);
            return d != 0 ? d : Integer.compare(b.order, a.order);
        });
        put("{");
        byte[] last = null;
        boolean first = true;
        for (Member m : members) {
            if (last != null && Arrays.equals(last, m.key)) {
                continue; // an earlier duplicate
            }
            last = m.key;
            if (!first) {
                put(", ");
            }
            first = false;
            escaped(m.key);
            put(": ");
            put(m.value, 0, m.value.length);
        }
        put("}");
    }

    private void array() {
        i++;
        put("[");
        skipSpace();
        if (at(i) == ']') {
            i++;
            put("]");
            return;
        }
        for (boolean first = true; ; first = false) {
            if (!first) {
                put(", ");
            }
            value();
            skipSpace();
            byte c = at(i++);
            if (c == ']') {
                put("]");
                return;
            }
            if (c != ',') {
                throw new IllegalArgumentException("',' or ']' expected");
            }
        }
    }

    /** A string's decoded UTF-8 bytes (the opening quote at i). */
    private byte[] string() {
        i++;
        int start = i;
        while (true) { // fast path: no escapes
            byte c = at(i);
            if (c == '"') {
                return Arrays.copyOfRange(s, start, i++);
            }
            if (c == '\\') {
                break;
            }
            if ((c & 0xff) < 0x20) {
                throw new IllegalArgumentException("a control character must be escaped");
            }
            i++;
        }
        java.io.ByteArrayOutputStream decoded = new java.io.ByteArrayOutputStream(i - start + 16);
        decoded.write(s, start, i - start);
        while (true) {
            byte c = at(i++);
            if (c == '"') {
                return decoded.toByteArray();
            }
            if ((c & 0xff) < 0x20) {
                throw new IllegalArgumentException("a control character must be escaped");
            }
            if (c != '\\') {
                decoded.write(c);
                continue;
            }
            byte e = at(i++);
            switch (e) {
                case 'n' -> decoded.write('\n');
                case 't' -> decoded.write('\t');
                case 'r' -> decoded.write('\r');
                case 'b' -> decoded.write('\b');
                case 'f' -> decoded.write('\f');
                case '"', '\\', '/' -> decoded.write(e);
                case 'u' -> {
                    int cp = hex4();
                    if (cp == 0) {
                        throw new IllegalArgumentException("jsonb cannot hold \\u0000");
                    }
                    if (Character.isHighSurrogate((char) cp)) {
                        if (at(i) != '\\' || at(i + 1) != 'u') {
                            throw new IllegalArgumentException("a lone surrogate");
                        }
                        i += 2;
                        int low = hex4();
                        if (!Character.isLowSurrogate((char) low)) {
                            throw new IllegalArgumentException("a lone surrogate");
                        }
                        cp = Character.toCodePoint((char) cp, (char) low);
                    } else if (Character.isLowSurrogate((char) cp)) {
                        throw new IllegalArgumentException("a lone surrogate");
                    }
                    decoded.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                }
                default -> throw new IllegalArgumentException("an unknown escape");
            }
        }
    }

    private int hex4() {
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(at(i++), 16);
            if (d < 0) {
                throw new IllegalArgumentException("\\u needs four hex digits");
            }
            v = v * 16 + d;
        }
        return v;
    }

    /** A string as jsonb writes it: quoted, with " \ and control characters escaped. */
    private void escaped(byte[] str) {
        put("\"");
        for (byte b : str) {
            switch (b) {
                case '"' -> put("\\\"");
                case '\\' -> put("\\\\");
                case '\b' -> put("\\b");
                case '\f' -> put("\\f");
                case '\n' -> put("\\n");
                case '\r' -> put("\\r");
                case '\t' -> put("\\t");
                default -> {
                    if ((b & 0xff) < 0x20) {
                        put(String.format("\\u%04x", b & 0xff));
                    } else {
                        put(b);
                    }
                }
            }
        }
        put("\"");
    }

    private void number() {
        int start = i;
        if (at(i) == '-') {
            i++;
        }
        if (at(i) == '0') {
            i++;
        } else if (at(i) >= '1' && at(i) <= '9') {
            while (i < end && s[i] >= '0' && s[i] <= '9') {
                i++;
            }
        } else {
            throw new IllegalArgumentException("not a JSON value");
        }
        boolean plain = true;
        if (i < end && s[i] == '.') {
            plain = false;
            i++;
            if (!(at(i) >= '0' && at(i) <= '9')) {
                throw new IllegalArgumentException("digits expected after '.'");
            }
            while (i < end && s[i] >= '0' && s[i] <= '9') {
                i++;
            }
        }
        if (i < end && (s[i] == 'e' || s[i] == 'E')) {
            plain = false;
            i++;
            if (at(i) == '+' || at(i) == '-') {
                i++;
            }
            if (!(at(i) >= '0' && at(i) <= '9')) {
                throw new IllegalArgumentException("digits expected in the exponent");
            }
            while (i < end && s[i] >= '0' && s[i] <= '9') {
                i++;
            }
        }
        if (i < end && (Character.isLetterOrDigit(s[i]) || s[i] == '_' || (s[i] & 0x80) != 0)) {
            throw new IllegalArgumentException("a number runs into other characters");
        }
        int len = i - start;
        if (plain) {
            if (len == 2 && s[start] == '-' && s[start + 1] == '0') {
                put("0");
            } else {
                put(s, start, len);
            }
            return;
        }
        BigDecimal d = new BigDecimal(new String(s, start, len, StandardCharsets.US_ASCII));
        // numeric keeps the digits written after the point, less the exponent, and never fewer than none
        int scale = Math.max(0, d.scale());
        if (scale > MAX_SCALE || (long) d.precision() - d.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("numeric cannot hold this number");
        }
        put(d.setScale(scale).toPlainString());
    }

    private void word(String w) {
        for (int k = 0; k < w.length(); k++) {
            if (at(i + k) != w.charAt(k)) {
                throw new IllegalArgumentException("not a JSON value");
            }
        }
        i += w.length();
        if (i < end && (Character.isLetterOrDigit(s[i]) || s[i] == '_' || (s[i] & 0x80) != 0)) {
            throw new IllegalArgumentException("not a JSON value");
        }
        put(w);
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

    private void put(String ascii) {
        for (int k = 0; k < ascii.length(); k++) {
            put((byte) ascii.charAt(k));
        }
    }

    private void put(byte b) {
        if (size == out.length) {
            out = Arrays.copyOf(out, size * 2);
        }
        out[size++] = b;
    }

    private void put(byte[] b, int off, int len) {
        if (size + len > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + len));
        }
        System.arraycopy(b, off, out, size, len);
        size += len;
    }
}
