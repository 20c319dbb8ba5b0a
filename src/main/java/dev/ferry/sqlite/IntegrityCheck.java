package dev.ferry.sqlite;

import dev.ferry.FerryException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * SQLite's own check of every page of the source (PRAGMA quick_check), on a thread and a connection
 * of its own, so a migrate need not wait for it before copying: on a file the page cache does not
 * hold, the check alone reads the whole file once more before the first row moves. Whoever started
 * it joins it before calling the run done ({@link #join}); a damaged file is told in the words of
 * {@link SqliteSource#check}, whenever it is found.
 */
public final class IntegrityCheck {

    /** The tag of a damaged file's failure (see {@link FerryException#tagged}). */
    static final String DAMAGED = "damaged-file";

    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile Statement running;
    private volatile boolean stopped;

    private IntegrityCheck() {
    }

    /** Starts the check of {@code source} now, beside whatever the caller does next, once {@code first} has run. */
    static IntegrityCheck start(SqliteSource source, Runnable first) {
        IntegrityCheck check = new IntegrityCheck();
        Thread t = new Thread(() -> {
            long start = System.nanoTime();
            try {
                first.run();
                source.check(s -> check.running = s);
                check.done.complete(null);
            } catch (RuntimeException e) {
                check.done.completeExceptionally(e);
            } finally {
                check.running = null;
                // ferry.log's line for the run's timeline: whether the check ended before the run needed it
                org.slf4j.LoggerFactory.getLogger(IntegrityCheck.class).info("{} ms: PRAGMA quick_check ({})",
                        (System.nanoTime() - start) / 1_000_000, check.stopped ? "stopped"
                                : check.done.isCompletedExceptionally() ? "the file is damaged" : "ok");
            }
        }, "ferry-source-check");
        t.setDaemon(true); // a run that stops (or a JVM that exits) does not wait for it
        t.start();
        return check;
    }

    /** {@code then} runs once the check finds the file damaged (at once when it has): so the run can stop early. */
    public void whenDamaged(Runnable then) {
        done.whenComplete((ok, failure) -> {
            if (failure != null && !stopped) {
                then.run();
            }
        });
    }

    /** True once the check has found the file damaged (or could not read it). */
    public boolean damaged() {
        return !stopped && done.isCompletedExceptionally();
    }

    /** Waits for the check; throws what it found, in the user's words (see {@link SqliteSource#check}). */
    public void join() {
        try {
            done.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    /**
     * The run stops for another reason: the check is interrupted (SQLite stops at its next page)
     * and whatever it would have said is not said.
     */
    public void stop() {
        stopped = true;
        Statement s = running;
        if (s != null) {
            try {
                s.cancel();
            } catch (SQLException e) {
                // already finished or closed: nothing left to stop
            }
        }
    }

    /**
     * When {@code failure} (or what caused it) is SQLite saying a page is damaged, as a copy reading
     * it would: the failure as the check says it, else null.
     */
    public static FerryException damage(java.nio.file.Path file, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FerryException f && DAMAGED.equals(f.tag())) {
                return f;
            }
            // SQLite's own code, never words: PostgreSQL too says "malformed" (of an array literal, say)
            if (t instanceof org.sqlite.SQLiteException s && (s.getResultCode().name().startsWith("SQLITE_CORRUPT")
                    || s.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_NOTADB)) {
                return Header.damaged(file, report(s), s);
            }
        }
        return null;
    }

    /** SQLite's words without the driver's prefix: "database disk image is malformed". */
    private static String report(SQLException s) {
        String m = String.valueOf(s.getMessage());
        int colon = m.indexOf("] ");
        return (colon >= 0 ? m.substring(colon + 2) : m).strip();
    }
}
