package dev.ferry;

import java.nio.file.Path;

/** The per-user folders where Ferry keeps its log and settings, in each system's usual place. */
public final class AppDirs {

    private AppDirs() {
    }

    public static Path data() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.startsWith("windows")) {
            String appData = System.getenv("LOCALAPPDATA");
            return Path.of(appData != null ? appData : home, "Ferry");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Ferry");
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "ferry") : Path.of(home, ".local", "state", "ferry");
    }

    public static Path logs() {
        return data().resolve("logs");
    }
}
