package dev.ferry.cli;

/** Asks yes/no on the terminal; without a terminal the answer is no, so scripts must say --yes. */
final class Confirm {

    private Confirm() {
    }

    static boolean ask(Console c, String what) {
        java.io.Console console = System.console();
        if (console == null) {
            c.info(what + " Ferry needs --yes to do that without a terminal to ask on.");
            return false;
        }
        String answer = console.readLine("%s Continue? [y/N] ", what);
        return answer != null && answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y");
    }
}
