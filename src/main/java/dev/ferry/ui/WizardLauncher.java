package dev.ferry.ui;

import javafx.application.Application;

/**
 * Starts the JavaFX wizard. A separate class from {@link FerryApp} so that the fat jar's main class
 * does not extend Application (the JavaFX launcher refuses that on the class path).
 */
public final class WizardLauncher {

    private WizardLauncher() {
    }

    public static void launch(String[] args) {
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")
                && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            System.err.println("Ferry's wizard needs a desktop to open its window, and none was found (no DISPLAY).");
            System.err.println("Run a command instead, for example: ferry --help");
            System.exit(2);
        }
        Application.launch(FerryApp.class, args);
    }
}
