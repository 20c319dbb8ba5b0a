package dev.ferry.ui;

import dev.ferry.FerryException;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * A failure as the wizard tells it: one plain sentence, what to do, and the technical text kept
 * behind a Details expander. The tag names a case a page acts on (a "Create it" button for a
 * missing database).
 */
record Failure(String message, String advice, String details, String tag) {

    /** A failure the wizard itself words, of no case a page acts on. */
    Failure(String message, String advice, String details) {
        this(message, advice, details, null);
    }

    static Failure of(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof FerryException)
                && (t instanceof java.util.concurrent.CompletionException || t instanceof java.lang.reflect.InvocationTargetException)) {
            t = t.getCause();
        }
        if (t instanceof FerryException f) {
            return new Failure(Advice.sentence(f.getMessage()), Advice.of(f), f.details().isEmpty() ? stackTrace(f) : f.details(),
                    f.tag());
        }
        // the engine's own validation (Options, PgType.parse, TargetAddress) speaks plain words already
        if (t instanceof IllegalArgumentException) {
            return new Failure(Advice.sentence(t.getMessage()), null, stackTrace(t));
        }
        return new Failure(Text.get("error.unexpected"), Text.get("error.unexpected.advice"), stackTrace(t));
    }

    /** True when the user asked for it, so the page shows "cancelled" rather than an error. */
    static boolean isCancel(Throwable e) {
        return e instanceof FerryException f && f.kind() == FerryException.Kind.INTERRUPTED;
    }

    static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
