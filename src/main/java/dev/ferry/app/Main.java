package dev.ferry.app;

import dev.ferry.AppDirs;

import dev.ferry.cli.FerryCommand;
import java.nio.file.Path;

/**
 * Starts Ferry: with a command, the command line; without one (a double-click), the wizard. The
 * wizard's classes are only touched on that path, so the command line runs without a display.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty("ferry.logdir") == null) {
            System.setProperty("ferry.logdir", AppDirs.logs().toString());
        }
        // logging and SQLite's library: loaded on a second core while picocli or JavaFX starts on this one
        Thread warmUp = new Thread(FerryCommand::warmUp, "ferry-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        if (opensWizard(args)) {
            dev.ferry.ui.WizardLauncher.launch(args);
            return;
        }
        int code = FerryCommand.execute(args);
        if (Boolean.getBoolean("ferry.printPeakHeap")) {
            System.err.printf("peak heap: %d MB%n", peakHeapBytes() / (1024 * 1024));
        }
        System.exit(code);
    }

    /**
     * The wizard for no arguments (a double-click) and for one existing file (a file manager's
     * "Open with", or `ferry bot.db` in a terminal), which it opens; the command line otherwise.
     */
    static boolean opensWizard(String[] args) {
        return args.length == 0 || (args.length == 1 && !args[0].startsWith("-") && isFile(args[0]));
    }

    private static boolean isFile(String arg) {
        return java.nio.file.Files.isRegularFile(Path.of(arg));
    }

    /** The sum of each heap pool's peak: an upper bound of the heap the run ever held at once. */
    static long peakHeapBytes() {
        return java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
