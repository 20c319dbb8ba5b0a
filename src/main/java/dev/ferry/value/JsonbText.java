package dev.ferry.value;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a JSON text the way PostgreSQL prints it back from a jsonb column ({@code jsonb::text}):
 * whitespace gone except ", " and ": ", an object's keys sorted shortest first and then bytewise,
 * the last of repeated keys kept, escapes decoded and written again as jsonb writes them, numbers
 * as numeric prints them (1e2 is 100, 1.50 stays 1.50, -0 is 0). A checksum of the source's JSON
 * then equals one PostgreSQL computes over the jsonb it stored. Hand-written because it runs for
 * every JSON value of a copy; it reads UTF-8 bytes where they lie, and is as strict as
 * PostgreSQL's parser: what PostgreSQL would refuse is refused here too ({@link #write} is false).
 */
public final class JsonbText {

    private static final ThreadLocal<JsonbText> PER_THREAD = ThreadLocal.withInitial(JsonbText::new);

    /**
     * Whether PostgreSQL's jsonb takes this JSON text. Stricter than SQLite's {@code json_valid},
     * which also passes the escape of NUL (backslash-u-0000) and lone surrogate escapes.
     */
    public static boolean jsonbTakes(byte[] utf8) {
        return PER_THREAD.get().write(utf8, 0, utf8.length);
    }

    /** The most digits numeric holds after the point, and before it. */
    private static final int MAX_SCALE = 16_383;
    private static final int MAX_INTEGER_DIGITS = 131_072;
    private byte[] out = new byte[256];
    private int depth;
    private int deepest;
    private int size;
    private byte[] s;
    private int i;
    private int end;

    /** Canonical text of the JSON in {@code len} bytes at {@code off}, in {@link #buffer()}; false when it is not JSON jsonb accepts. */
    public boolean write(byte[] utf8, int off, int len) {
        s = utf8;
        i = off;
        end = off + len;
        size = 0;
        metaTop = 0; // (an earlier text that was not JSON may have left members behind)
        keyTop = 0;
        depth = 0;
        deepest = 0;
        try {
            value();
            skipSpace();
            return i == end;
        } catch (IllegalArgumentException | ArithmeticException e) {
            return false;
        } catch (StackOverflowError e) {
            return false; // nested deeper than a thread's stack holds: not a text any rule of Ferry's takes as JSON
        }
    }

    /**
     * How deep the last text written nests arrays and objects (0 for a scalar, 1 for [1]), as far as
     * it was read. SQLite's {@code json_valid} refuses JSON nested deeper than 1,000 levels, jsonb
     * does not: a copy that checks JSON by this parse instead of SQLite's needs both.
     */
    public int deepest() {
        return deepest;
    }

    public byte[] buffer() {
        return out;
    }

    public int size() {
        return size;
    }

    /** The canonical text as a string (for tests and callers outside a checksum), or null when invalid. */
    public static String canonical(String json) {
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

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'}, FALSE = {'f', 'a', 'l', 's', 'e'}, NULL = {'n', 'u', 'l', 'l'};

    private void value() {
        skipSpace();
        byte c = at(i);
        if (c == '{' || c == '[') {
            if (++depth > deepest) {
                deepest = depth;
            }
            if (c == '{') {
                object();
            } else {
                array();
            }
            depth--;
        } else if (c == '"') {
            stringValue();
        } else if (c == 't') {
            word(TRUE);
        } else if (c == 'f') {
            word(FALSE);
        } else if (c == 'n') {
            word(NULL);
        } else {
            number();
        }
    }

    /**
     * An object, written in one pass: each member goes straight into the output, and only when the
     * keys were not already in jsonb's order (or repeat) are the written members put in order, from
     * a copy. A key without escapes is compared where it lies in the input; one with escapes is
     * decoded into {@link #keyBuf} first.
     */
    private void object() {
        int outStart = size, base = metaTop, keyBase = keyTop;
        i++;
        put((byte) '{');
        skipSpace();
        if (at(i) == '}') {
            i++;
            put((byte) '}');
            return;
        }
        boolean ordered = true;
        for (int n = 0; ; n++) {
            skipSpace();
            if (at(i) != '"') {
                throw new IllegalArgumentException("a key must be a string");
            }
            int keyAt, keyLen, keyEnd = plainStringEnd(i + 1);
            if (keyEnd >= 0) {
                keyAt = i + 1;
                keyLen = keyEnd - keyAt;
                i = keyEnd + 1;
            } else {
                keyAt = -1 - keyTop; // (negative: decoded into keyBuf)
                keyLen = decodedKey();
            }
            skipSpace();
            if (at(i++) != ':') {
                throw new IllegalArgumentException("':' expected");
            }
            if (n > 0) {
                put2((byte) ',', (byte) ' ');
                int prev = metaTop - 4;
                if (compareKeys(meta[prev], meta[prev + 1], keyAt, keyLen) >= 0) {
                    ordered = false;
                }
            }
            int memberStart = size;
            if (keyAt >= 0) {
                ensure(keyLen + 4); // the key as it stands: no escapes in it, no control characters, nothing to escape
                out[size++] = '"';
                System.arraycopy(s, keyAt, out, size, keyLen);
                size += keyLen;
                out[size++] = '"';
            } else {
                escaped(keyBuf, -1 - keyAt, keyLen);
            }
            put2((byte) ':', (byte) ' ');
            value();
            push(keyAt, keyLen, memberStart, size);
            skipSpace();
            byte c = at(i++);
            if (c == '}') {
                break;
            }
            if (c != ',') {
                throw new IllegalArgumentException("',' or '}' expected");
            }
        }
        put((byte) '}');
        if (!ordered) {
            reorder(base, outStart);
        }
        metaTop = base;
        keyTop = keyBase;
    }

    /** Keys with escapes, decoded, for the objects being written (a stack, as they nest). */
    private byte[] keyBuf = new byte[64];
    private int keyTop;

    /** Decodes the key string at i onto keyBuf, returning its length. */
    private int decodedKey() {
        byte[] key = string();
        if (keyTop + key.length > keyBuf.length) {
            keyBuf = Arrays.copyOf(keyBuf, Math.max(keyBuf.length * 2, keyTop + key.length));
        }
        System.arraycopy(key, 0, keyBuf, keyTop, key.length);
        keyTop += key.length;
        return key.length;
    }

    /** Members (4 ints each: the key's offset (in the input, or -1 - offset in keyBuf) and length, member start and end in the output). */
    private int[] meta = new int[64];
    private int metaTop;
    /** Scratch for {@link #reorder}, which never runs inside another reorder. */
    private int[] order = new int[16];
    private byte[] written = new byte[256];

    private void push(int keyStart, int keyLen, int memberStart, int memberEnd) {
        if (metaTop + 4 > meta.length) {
            meta = Arrays.copyOf(meta, meta.length * 2);
        }
        meta[metaTop++] = keyStart;
        meta[metaTop++] = keyLen;
        meta[metaTop++] = memberStart;
        meta[metaTop++] = memberEnd;
    }

    /** jsonb's key order: shorter first, then bytewise. */
    private int compareKeys(int a, int aLen, int b, int bLen) {
        if (aLen != bLen) {
            return Integer.compare(aLen, bLen);
        }
        byte[] x = a >= 0 ? s : keyBuf, y = b >= 0 ? s : keyBuf;
        int xo = a >= 0 ? a : -1 - a, yo = b >= 0 ? b : -1 - b;
        return Arrays.compareUnsigned(x, xo, xo + aLen, y, yo, yo + bLen);
    }

    /** Rewrites the object just written at outStart with its members in jsonb's order, the last of equal keys kept. */
    private void reorder(int base, int outStart) {
        int n = (metaTop - base) / 4;
        if (order.length < n) {
            order = new int[Math.max(n, order.length * 2)];
        }
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        for (int k = 1; k < n; k++) { // insertion sort: objects are small; later members first among equal keys
            int m = order[k], j = k - 1;
            while (j >= 0 && memberBefore(base, m, order[j])) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = m;
        }
        int len = size - outStart;
        if (written.length < len) {
            written = new byte[Math.max(len, written.length * 2)];
        }
        System.arraycopy(out, outStart, written, 0, len);
        size = outStart;
        put((byte) '{');
        int last = -1;
        for (int k = 0; k < n; k++) {
            int at = base + 4 * order[k];
            if (last >= 0 && compareKeys(meta[last], meta[last + 1], meta[at], meta[at + 1]) == 0) {
                continue; // an earlier member with the same key
            }
            if (last >= 0) {
                put2((byte) ',', (byte) ' ');
            }
            last = at;
            put(written, meta[at + 2] - outStart, meta[at + 3] - meta[at + 2]);
        }
        put((byte) '}');
    }

    private boolean memberBefore(int base, int m, int other) {
        int a = base + 4 * m, b = base + 4 * other;
        int d = compareKeys(meta[a], meta[a + 1], meta[b], meta[b + 1]);
        return d != 0 ? d < 0 : m > other;
    }

    /** The index of the closing quote of a string starting at {@code start} with no escapes, or -1 when it has some. */
    private int plainStringEnd(int start) {
        byte[] in = s;
        for (int k = start, e = end; k < e; k++) {
            byte c = in[k];
            if (c == '"') {
                return k;
            }
            if (c == '\\') {
                return -1;
            }
            if (c >= 0 && c < 0x20) {
                throw new IllegalArgumentException("a control character must be escaped");
            }
        }
        throw new IllegalArgumentException("the JSON text ends early");
    }

    /** A string value: written as it stands when it has no escapes, else decoded and escaped again. */
    private void stringValue() {
        int end = plainStringEnd(i + 1);
        if (end >= 0) {
            put(s, i, end + 1 - i);
            i = end + 1;
        } else {
            escaped(string());
        }
    }

    private void array() {
        i++;
        put((byte) '[');
        skipSpace();
        if (at(i) == ']') {
            i++;
            put((byte) ']');
            return;
        }
        for (boolean first = true; ; first = false) {
            if (!first) {
                put2((byte) ',', (byte) ' ');
            }
            value();
            skipSpace();
            byte c = at(i++);
            if (c == ']') {
                put((byte) ']');
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
        escaped(str, 0, str.length);
    }

    private void escaped(byte[] str, int off, int len) {
        put((byte) '"');
        for (int k = off; k < off + len; k++) {
            byte b = str[k];
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
        if (i < end && wordByte(s[i])) {
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

    private void word(byte[] w) {
        for (int k = 0; k < w.length; k++) {
            if (at(i + k) != w[k]) {
                throw new IllegalArgumentException("not a JSON value");
            }
        }
        i += w.length;
        if (i < end && wordByte(s[i])) {
            throw new IllegalArgumentException("not a JSON value");
        }
        put(w, 0, w.length);
    }

    /** What PostgreSQL's JSON lexer reads as part of a word (so 1x and truex are not JSON). */
    private static boolean wordByte(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c < 0;
    }

    private void skipSpace() {
        if (i < end && s[i] > ' ') { // compact JSON: nothing to skip
            return;
        }
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

    private void put2(byte a, byte b) {
        ensure(2);
        out[size++] = a;
        out[size++] = b;
    }

    private void ensure(int n) {
        if (size + n > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + n));
        }
    }

    private void put(byte[] b, int off, int len) {
        if (size + len > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + len));
        }
        System.arraycopy(b, off, out, size, len);
        size += len;
    }
}
