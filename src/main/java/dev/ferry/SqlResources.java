package dev.ferry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * SQL kept in .sql resources beside the class that runs it, so it reads as SQL rather than as
 * Java strings: whole scripts, and files of named blocks, each block starting at a
 * {@code -- name: NAME} line. It lives in the root package so every package can keep its own
 * files, under {@code src/main/resources/dev/ferry/<package>/}.
 */
public final class SqlResources {

    private static final String NAME = "-- name:";

    private final String resource;
    private final Map<String, String> blocks;

    private SqlResources(String resource, Map<String, String> blocks) {
        this.resource = resource;
        this.blocks = blocks;
    }

    /** The named blocks of {@code resource}, a file in the package of {@code near}; read once, when called. */
    public static SqlResources named(Class<?> near, String resource) {
        return new SqlResources(resource, parse(text(near, resource)));
    }

    /** A whole file in the package of {@code near}, as it is. */
    public static String text(Class<?> near, String resource) {
        try (InputStream in = near.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + near.getPackageName().replace('.', '/') + "/" + resource
                        + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The block as written (its comment lines too; the server skips them), without the blank lines around it. */
    public String get(String name) {
        String sql = blocks.get(name);
        if (sql == null) {
            throw new IllegalArgumentException("no query named " + name + " in " + resource);
        }
        return sql;
    }

    /**
     * A statement template filled in: the block's lines joined into one line (each line's own
     * indent dropped, its comment lines left out), so a long statement can be written over several
     * lines yet come out as the single line a script shows; then each {@code {key}} replaced by its
     * value, given as key, value, key, value... One pass: braces inside a value are never read as a
     * key. A null value is written as null, as string concatenation would.
     */
    public String fill(String name, String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs for " + name + " of " + resource);
        }
        Map<String, String> values = new HashMap<>();
        for (int k = 0; k < keysAndValues.length; k += 2) {
            values.put(keysAndValues[k], String.valueOf(keysAndValues[k + 1]));
        }
        StringBuilder template = new StringBuilder();
        for (String line : get(name).split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("--")) {
                template.append(template.isEmpty() ? "" : " ").append(l);
            }
        }
        StringBuilder out = new StringBuilder(template.length() + 64);
        Set<String> used = new HashSet<>();
        for (int i = 0; i < template.length(); ) {
            int open = template.indexOf("{", i);
            int close = open < 0 ? -1 : template.indexOf("}", open);
            if (close < 0) {
                out.append(template, i, template.length());
                break;
            }
            String key = template.substring(open + 1, close);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException("no value for {" + key + "} in " + name + " of " + resource);
            }
            out.append(template, i, open).append(value);
            used.add(key);
            i = close + 1;
        }
        if (used.size() < values.size()) {
            throw new IllegalArgumentException("more values than keys for " + name + " of " + resource + ": " + values.keySet());
        }
        return out.toString();
    }

    private static Map<String, String> parse(String text) {
        Map<String, String> out = new HashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith(NAME)) {
                if (name != null) {
                    out.put(name, body.toString().strip());
                }
                name = line.substring(NAME.length()).strip();
                body.setLength(0);
            } else if (name != null) {
                body.append(line).append('\n');
            }
        }
        if (name != null) {
            out.put(name, body.toString().strip());
        }
        return Map.copyOf(out);
    }
}
