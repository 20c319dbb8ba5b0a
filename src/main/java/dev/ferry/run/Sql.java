package dev.ferry.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The run package's SQL, kept in resources beside this class so it reads as SQL: whole scripts,
 * and named queries (a file of blocks, each starting at a {@code -- name: NAME} line).
 */
final class Sql {

    private static final Map<String, String> QUERIES = named(text("queries.sql"));

    private Sql() {
    }

    static String query(String name) {
        String sql = QUERIES.get(name);
        if (sql == null) {
            throw new IllegalArgumentException("no query named " + name + " in queries.sql");
        }
        return sql;
    }

    static String text(String resource) {
        try (InputStream in = Sql.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource dev/ferry/run/" + resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> named(String text) {
        Map<String, String> out = new HashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("-- name:")) {
                if (name != null) {
                    out.put(name, body.toString().strip());
                }
                name = line.substring("-- name:".length()).strip();
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
