package dev.ferry;

/**
 * A failure told in the user's terms: what happened and what to do, with the technical text kept
 * apart (the wizard shows it behind "Details", the command line on --verbose).
 */
public class FerryException extends RuntimeException {

    /** What went wrong, which decides the command line's exit code. */
    public enum Kind {
        FAILED(1), USAGE(2), SOURCE(3), TARGET(4), VERIFY(5), INTERRUPTED(130);

        public final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    private final Kind kind;
    private final String advice;
    private String tag;

    public FerryException(Kind kind, String message, String advice, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.advice = advice;
    }

    public FerryException(Kind kind, String message, String advice) {
        this(kind, message, advice, null);
    }

    public Kind kind() {
        return kind;
    }

    /** What the user can do about it; may be null. */
    public String advice() {
        return advice;
    }

    /**
     * Names a case each face advises on in its own words ("wrong-password", "missing-database"):
     * the advice above is written for the command line (its options, its prompt), and the wizard
     * has fields and buttons instead.
     */
    public FerryException tagged(String caseName) {
        this.tag = caseName;
        return this;
    }

    /** The case named by {@link #tagged}, or null for a failure whose advice suits every face. */
    public String tag() {
        return tag;
    }

    /** The technical text of the cause chain, for the Details expander and logs. */
    public String details() {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (sb.length() > 0) {
                sb.append("\ncaused by: ");
            }
            sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return sb.toString();
    }
}
