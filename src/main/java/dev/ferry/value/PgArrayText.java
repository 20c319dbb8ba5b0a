package dev.ferry.value;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * A JSON array of scalars (what an app on SQLite keeps where PostgreSQL has an array column) as the
 * text PostgreSQL prints for an array: {@code ["a b", 1, null]} becomes {@code {"a b",1,NULL}}.
 * Written exactly as PostgreSQL writes it back (array_out), so the copy's checksum of this text and
 * the server's of the stored array agree.
 */
public final class PgArrayText {

    private static final JsonFactory JSON = new JsonFactory();

    private PgArrayText() {
    }

    /** Throws IllegalArgumentException when the text is not a JSON array of scalars. */
    public static String fromJson(String json) {
        return fromJson(json, false);
    }

    /**
     * With {@code floats}, every number is read as a double and written as float8out writes it
     * ({@link Float8Text}: 1.50 and 15e-1 become 1.5), since a double precision[] prints its own form.
     */
    public static String fromJson(String json, boolean floats) {
        StringBuilder sb = new StringBuilder("{");
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("'" + json + "' is not a JSON array");
            }
            boolean first = true;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null || t.isStructStart()) {
                    throw new IllegalArgumentException("'" + json + "' holds an array or object inside the array");
                }
                sb.append(first ? "" : ",");
                first = false;
                if (t == JsonToken.VALUE_NULL) {
                    sb.append("NULL");
                } else if (floats && t.isNumeric()) {
                    sb.append(Float8Text.of(p.getDoubleValue()));
                } else {
                    element(sb, p.getText()); // a number as it was written; a string decoded
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("'" + json + "' is not valid JSON", e);
        }
        return sb.append('}').toString();
    }

    /** An element as array_out writes it: quoted when empty, NULL, or holding a brace, comma, quote, backslash or space. */
    private static void element(StringBuilder sb, String s) {
        boolean quote = s.isEmpty() || s.equalsIgnoreCase("NULL");
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || c == ' ' || c == '\t' || c == '\n'
                    || c == '\r' || c == 0x0B || c == '\f';
        }
        if (!quote) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
