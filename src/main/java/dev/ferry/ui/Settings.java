package dev.ferry.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the wizard remembers between runs, in small properties files in the app-data folder:
 * recent files, connection profiles (never a password) and the theme. A file that cannot be read
 * or written costs only the convenience, so failures are logged, not shown.
 */
final class Settings {

    /** A saved connection. There is deliberately no password field. */
    record Profile(String name, String host, String port, String database, String user, String sslMode) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);
    private static final int MAX_RECENT = 8;
    private final Path dir;

    Settings(Path dir) {
        this.dir = dir;
    }

    List<Path> recentFiles() {
        Properties p = load("recent.properties");
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT && p.getProperty(String.valueOf(i)) != null; i++) {
            out.add(Path.of(p.getProperty(String.valueOf(i))));
        }
        return out;
    }

    List<Path> addRecent(Path file) {
        List<Path> list = new ArrayList<>(recentFiles());
        Path abs = file.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        Properties p = new Properties();
        for (int i = 0; i < Math.min(MAX_RECENT, list.size()); i++) {
            p.setProperty(String.valueOf(i), list.get(i).toString());
        }
        store("recent.properties", p);
        return recentFiles();
    }

    Map<String, Profile> profiles() {
        Map<String, Profile> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        load("profiles.properties").forEach((k, v) -> {
            String[] f = v.toString().split("\t", -1);
            if (f.length == 5) {
                out.put(k.toString(), new Profile(k.toString(), f[0], f[1], f[2], f[3], f[4]));
            }
        });
        return out;
    }

    void saveProfile(Profile pr) {
        Properties p = load("profiles.properties");
        p.setProperty(pr.name(), String.join("\t", pr.host(), pr.port(), pr.database(), pr.user(), pr.sslMode()));
        store("profiles.properties", p);
    }

    void deleteProfile(String name) {
        Properties p = load("profiles.properties");
        p.remove(name);
        store("profiles.properties", p);
    }

    String get(String key, String fallback) {
        return load("settings.properties").getProperty(key, fallback);
    }

    void put(String key, String value) {
        Properties p = load("settings.properties");
        p.setProperty(key, value);
        store("settings.properties", p);
    }

    /** Several settings at once; a null value removes the key. */
    void putAll(Map<String, String> values) {
        Properties p = load("settings.properties");
        values.forEach((k, v) -> {
            if (v == null) {
                p.remove(k);
            } else {
                p.setProperty(k, v);
            }
        });
        store("settings.properties", p);
    }

    private Properties load(String name) {
        Properties p = new Properties();
        Path file = dir.resolve(name);
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Could not read {}", file, e);
            }
        }
        return p;
    }

    private void store(String name, Properties p) {
        try {
            Files.createDirectories(dir);
            try (Writer w = Files.newBufferedWriter(dir.resolve(name))) {
                p.store(w, "Ferry wizard settings");
            }
        } catch (IOException e) {
            LOG.warn("Could not write {}", dir.resolve(name), e);
        }
    }
}
