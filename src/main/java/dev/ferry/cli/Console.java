package dev.ferry.cli;

import dev.ferry.FerryException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Where the command line writes: results to stdout, progress and messages to stderr, in UTF-8. */
final class Console {

    final PrintStream out;
    final PrintStream err;
    final boolean interactive;
    final boolean verbose;

    Console(boolean verbose) {
        this(new PrintStream(System.out, true, StandardCharsets.UTF_8), new PrintStream(System.err, true, StandardCharsets.UTF_8),
                System.console() != null && System.getenv("CI") == null, verbose);
    }

    Console(PrintStream out, PrintStream err, boolean interactive, boolean verbose) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        this.verbose = verbose;
    }

    void info(String line) {
        err.println(line);
    }

    void warn(String line) {
        err.println("Warning: " + line);
    }

    /** What happened, what to do, and (with --verbose) the technical detail. */
    int fail(FerryException e) {
        err.println("Error: " + e.getMessage());
        if (e.advice() != null) {
            err.println("What to do: " + e.advice());
        }
        if (!e.details().isEmpty()) {
            err.println(verbose ? "Details: " + e.details() : "(run with --verbose for the technical details)");
        }
        return e.kind().exitCode;
    }

    String check(boolean ok) {
        return ok ? "✓" : "✗";
    }
}
