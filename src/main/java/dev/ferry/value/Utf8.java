package dev.ferry.value;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text as SQLite stores it: bytes that should be UTF-8 but need not be. PostgreSQL's text takes
 * neither NUL bytes nor invalid UTF-8, and the driver would silently replace invalid bytes while
 * making a Java string, so such text is looked at as bytes.
 */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * The code point at {@code s[i]}: a surrogate pair's, or U+FFFD for a lone surrogate (which has
     * no UTF-8 form). The encoders step on by {@code Character.charCount} of it.
     */
    public static int codePointAt(String s, int i) {
        char c = s.charAt(i);
        if (!Character.isSurrogate(c)) {
            return c;
        }
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            return Character.toCodePoint(c, s.charAt(i + 1));
        }
        return 0xFFFD;
    }

    /** Writes a code point's UTF-8 bytes into {@code b} at {@code n}; returns the index after them. */
    public static int put(byte[] b, int n, int cp) {
        if (cp < 0x80) {
            b[n++] = (byte) cp;
        } else if (cp < 0x800) {
            b[n++] = (byte) (0xC0 | cp >> 6);
            b[n++] = (byte) (0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            b[n++] = (byte) (0xE0 | cp >> 12);
            b[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
            b[n++] = (byte) (0x80 | cp & 0x3F);
        } else {
            b[n++] = (byte) (0xF0 | cp >> 18);
            b[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
            b[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
            b[n++] = (byte) (0x80 | cp & 0x3F);
        }
        return n;
    }

    /** True when PostgreSQL's text can hold the bytes exactly: valid UTF-8 without NUL. */
    public static boolean safe(byte[] b) {
        int i = 0, n = b.length;
        while (i < n) {
            int c = b[i] & 0xff;
            if (c >= 0x01 && c < 0x80) {
                i++;
                continue;
            }
            if (c == 0) {
                return false;
            }
            int more;
            int min;
            if (c >= 0xc2 && c <= 0xdf) {
                more = 1;
                min = 0x80;
            } else if (c >= 0xe0 && c <= 0xef) {
                more = 2;
                min = 0x800;
            } else if (c >= 0xf0 && c <= 0xf4) {
                more = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + more >= n) {
                return false;
            }
            int cp = c & (0x3f >> more);
            for (int k = 1; k <= more; k++) {
                int cc = b[i + k] & 0xff;
                if ((cc & 0xc0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (cc & 0x3f);
            }
            if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
                return false;
            }
            i += more + 1;
        }
        return true;
    }

    /** The text with invalid sequences replaced by U+FFFD and NUL bytes removed. */
    public static String repair(byte[] b) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer chars = d.decode(ByteBuffer.wrap(b));
            return chars.toString().replace("\u0000", "");
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e); // REPLACE never throws
        }
    }

    /**
     * The bytes for a person to read: valid text as it is, each byte that is not as \xNN and NUL as
     * \0, so an example in a report shows exactly what is wrong.
     */
    public static String show(byte[] b) {
        StringBuilder sb = new StringBuilder();
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        int i = 0;
        while (i < b.length) {
            int len = sequenceLength(b, i);
            if (len == 0) {
                sb.append(String.format("\\x%02X", b[i] & 0xff));
                i++;
            } else if (b[i] == 0) {
                sb.append("\\0");
                i++;
            } else {
                try {
                    sb.append(d.decode(ByteBuffer.wrap(b, i, len)));
                } catch (CharacterCodingException e) {
                    sb.append(String.format("\\x%02X", b[i] & 0xff));
                    len = 1;
                }
                i += len;
            }
        }
        return sb.toString();
    }

    /** Length of the valid UTF-8 sequence starting at i, or 0 when the byte there starts none. */
    private static int sequenceLength(byte[] b, int i) {
        int c = b[i] & 0xff;
        int more = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
        if (more <= 0) {
            return more + 1;
        }
        if (i + more >= b.length) {
            return 0;
        }
        return safe(java.util.Arrays.copyOfRange(b, i, i + more + 1)) ? more + 1 : 0;
    }
}
