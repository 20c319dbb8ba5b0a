package dev.ferry.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The migration that started last and has not finished, as the wizard remembers it to offer
 * Resume at the next start: the file, where it went (never the password) and its choices.
 * Remembered when a real run starts; forgotten when it finishes or is undone.
 */
record LastRun(Path source, String host, String port, String database, String user, String sslMode,
               String rootCert, String schema, String naming) {

    private static final List<String> KEYS = List.of("source", "host", "port", "database", "user", "sslmode",
            "sslrootcert", "schema", "naming");

    /** The remembered run, or null when there is none or its file is gone. */
    static LastRun load(Settings settings) {
        String[] v = KEYS.stream().map(k -> settings.get("resume." + k, "")).toArray(String[]::new);
        if (v[0].isEmpty() || v[2].isEmpty() || !Files.isRegularFile(Path.of(v[0]))) {
            return null;
        }
        return new LastRun(Path.of(v[0]), v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
    }

    void save(Settings settings) {
        String[] v = {source.toAbsolutePath().normalize().toString(), host, port, database, user, sslMode, rootCert,
                schema, naming};
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < KEYS.size(); i++) {
            m.put("resume." + KEYS.get(i), v[i] == null ? "" : v[i]);
        }
        settings.putAll(m);
    }

    static void forget(Settings settings) {
        Map<String, String> m = new HashMap<>();
        KEYS.forEach(k -> m.put("resume." + k, null));
        settings.putAll(m);
    }

    /** Where it went, as the welcome page names it: user@host:port/database. */
    String where() {
        return user + "@" + host + ":" + port + "/" + database;
    }
}
