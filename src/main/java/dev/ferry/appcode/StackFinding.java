package dev.ferry.appcode;

/**
 * Where the app shows how it talks to SQLite: the file (relative to the app's folder), the 1-based
 * line, the stack, and what the line is: an import that tells the driver, or the one place to
 * change ({@code place}: "the URL", "ENGINE", "provider") when moving to PostgreSQL.
 */
public record StackFinding(String file, int line, Stack stack, boolean changeHere, String place, String code) {

    @Override
    public String toString() {
        return file + ":" + line + " " + stack.label() + (changeHere ? " (change " + place + ")" : " (" + place + ")");
    }
}
