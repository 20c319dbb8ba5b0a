package dev.ferry.cli;

/** The command line in this JVM, for tests of other packages: {exit code, stdout, stderr}. */
public final class CliRunner {

    private CliRunner() {
    }

    public static String[] run(String... args) {
        CommandLineTest.Run r = CommandLineTest.ferry(null, args);
        return new String[] {Integer.toString(r.code()), r.out(), r.err()};
    }
}
