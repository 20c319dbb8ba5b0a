package dev.ferry.ui;

import dev.ferry.AppDirs;
import java.nio.file.Path;

/** Where the log file is: the folder Main chose (or a test set), else the per-user default. */
final class LogFolder {

    private LogFolder() {
    }

    static Path path() {
        String dir = System.getProperty("ferry.logdir");
        return dir == null ? AppDirs.logs() : Path.of(dir);
    }
}
