package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.Naming;
import dev.ferry.postgres.PgTarget;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Which failures during a run are worth another try (the connection dropped, the server
 * restarted or was full), how long to wait before each, and where the part stands afterwards.
 * The last question is answered by the journal, not by what this process believes: a COPY that
 * broke during its COMMIT may or may not have been kept, and only the journal line, committed in
 * the same transaction, says which.
 */
final class Faults {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Faults.class);

    /** Waits before each new try; after the last, the run stops, resumable. Package-private so tests can see it. */
    static final long[] BACKOFF_MILLIS = {1_000, 2_000, 4_000, 8_000};

    // admin shutdown, crash shutdown, cannot connect now (starting up), too many connections
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private Faults() {
    }

    /** Connection-class failures only: a constraint violation or a bad value would fail the same way again. */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String state = s.getSQLState() == null ? "" : s.getSQLState();
                if (state.startsWith("08") || TRANSIENT_STATES.contains(state) || s instanceof SQLTransientConnectionException) {
                    return true;
                }
            }
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** Sleeps before try {@code n} (0-based), waking early to stop; false when the run should stop instead. */
    static boolean backoff(int n, BooleanSupplier stop) {
        long until = System.nanoTime() + BACKOFF_MILLIS[n] * 1_000_000;
        while (System.nanoTime() < until) {
            if (stop.getAsBoolean()) {
                return false;
            }
            try {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !stop.getAsBoolean();
    }

    /**
     * The part as its last committed chunk left it. A table without a rowid has no order to go on
     * from, so what it holds is emptied (with its journal line, in one transaction) and it starts over.
     */
    static CopyPart reload(UUID run, CopyPart part, PgTarget target, String schema) throws SQLException {
        PartJournal.PartState s = null;
        try (Connection c = target.connection()) {
            for (PartJournal.PartState p : PartJournal.parts(c, run)) {
                if (p.table().equals(part.table().target()) && p.part().equals(part.part())) {
                    s = p;
                }
            }
            if (s == null) {
                throw new IllegalStateException("the journal has no progress for " + part.table().target() + " " + part.part());
            }
            if (part.rowid() == null && !s.done() && s.rows() > 0) {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement(); PreparedStatement ps = c.prepareStatement("UPDATE "
                        + "ferry_journal.progress SET rows_committed = 0, last_rowid = NULL WHERE run_id = ? AND table_name = ?")) {
                    st.execute("TRUNCATE " + Naming.qualified(schema, part.table().target()));
                    ps.setObject(1, run);
                    ps.setString(2, s.table());
                    ps.executeUpdate();
                }
                c.commit();
                s = new PartJournal.PartState(s.table(), s.part(), s.from(), s.to(), null, 0, false);
            }
        }
        return new CopyPart(part.table(), part.from(), part.to(), part.rowid(), part.progress(), s.lastRowid(), s.rows(),
                s.done());
    }

    /** After the last try: a stop like a cancel (exit 130), since everything committed is kept and resumable. */
    static FerryException gaveUp(TablePlan t, PgTarget target, SQLException e) {
        return new FerryException(FerryException.Kind.INTERRUPTED, lostWhile("copying table " + t.source().name(), target)
                + " The rows copied so far are kept.", "Check that the server is running and reachable, then continue "
                + "where it stopped with the same command plus --resume (or Resume in the wizard), or remove what was "
                + "copied with ferry undo.", e);
    }

    /** One try of work that talks to PostgreSQL; {@code attempt} counts from 0, so a retry can tell it is one. */
    interface Work<T> {
        T run(int attempt) throws SQLException;
    }

    /**
     * {@code work}, tried again after each of the copy's back-offs when the connection is lost (a
     * server restarted or failed over after the copy); any other failure is thrown as it came. When
     * the tries run out, or {@code stop} says the run stops meanwhile, the run ends resumably (exit
     * 130): every row is in, and a resume makes the rest again without copying a row.
     * {@code doing} names the step for the user: "making keys, indexes and views".
     */
    static <T> T retry(String doing, PgTarget target, MigrationListener listener, BooleanSupplier stop, Work<T> work)
            throws SQLException {
        return retry(doing, Stopped.AFTER_THE_COPY, target, listener, stop, work);
    }

    /**
     * What a run that stops after a lost connection keeps, and how to go on, in the user's words:
     * they differ by phase (before the copy nothing is copied yet; a sync changes all or nothing).
     */
    record Stopped(String kept, String advice) {

        static final Stopped AFTER_THE_COPY = new Stopped("Every row was copied and is kept.", "Check that the server is "
                + "running and reachable, then finish the run with the same command plus --resume (or Resume in the "
                + "wizard): it makes the keys, indexes and views again and checks every table, without copying a row again.");
        /** The tables and the run's journal entry are made in one transaction: there is either a run to resume or none. */
        static final Stopped CREATING = new Stopped("No row was copied yet.", "Check that the server is running and "
                + "reachable, then run the same command plus --resume (or Resume in the wizard): it goes on from the "
                + "tables already made, or starts the run afresh when none were.");
        /** The sync's changes go in one transaction, and a sync compares both sides afresh every time. */
        static final Stopped SYNCING = new Stopped("The sync writes its changes in one transaction, so PostgreSQL holds "
                + "either all of them or none.", "Check that the server is running and reachable, then run the same sync "
                + "again: it compares both sides afresh and writes only what still differs.");
    }

    /** {@link #retry} of a step whose stop keeps {@code stopped} (see {@link Stopped}). */
    static <T> T retry(String doing, Stopped stopped, PgTarget target, MigrationListener listener, BooleanSupplier stop,
                       Work<T> work) throws SQLException {
        for (int tries = 0; ; tries++) {
            try {
                return work.run(tries);
            } catch (SQLException | RuntimeException e) {
                if (!isTransient(e) || e instanceof FerryException f && f.kind() == FerryException.Kind.INTERRUPTED) {
                    throw e; // an INTERRUPTED one already gave up (or was cancelled) further in
                }
                LOG.warn("{}: the connection was lost ({}); try {} of {}", doing, e.getMessage(), tries + 1,
                        BACKOFF_MILLIS.length, e);
                if (tries == BACKOFF_MILLIS.length) {
                    throw stopped(stopped, lostWhile(doing, target), e);
                }
                listener.on(new MigrationEvent.Note("The connection to PostgreSQL was lost while " + doing
                        + "; trying again in " + BACKOFF_MILLIS[tries] / 1000 + " s (try " + (tries + 1) + " of "
                        + BACKOFF_MILLIS.length + ")."));
                if (!backoff(tries, stop)) {
                    throw stopped(stopped, "The run stopped while " + doing + ", after the connection to PostgreSQL was lost.", e);
                }
            }
        }
    }

    /** {@link #retry} of work whose other failures are already the run's end (FerryExceptions). */
    static <T> T retryUnchecked(String doing, PgTarget target, MigrationListener listener, BooleanSupplier stop,
                                Work<T> work) {
        try {
            return retry(doing, target, listener, stop, work);
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "PostgreSQL refused while " + doing + ": " + e.getMessage(),
                    "See the details; every row is copied, and the same command plus --resume finishes the run.", e);
        }
    }

    /**
     * {@code listener}, less the repeats: when several statements lose the connection at once, each
     * says the same "trying again" line; the user needs it once.
     */
    static MigrationListener quiet(MigrationListener listener) {
        return new MigrationListener() {
            private String last;
            private long lastAt;

            @Override
            public synchronized void on(MigrationEvent e) {
                long now = System.nanoTime();
                if (e instanceof MigrationEvent.Note n && n.text().equals(last) && now - lastAt < 2_000_000_000L) {
                    return;
                }
                if (e instanceof MigrationEvent.Note n) {
                    last = n.text();
                    lastAt = now;
                }
                listener.on(e);
            }
        };
    }

    private static String lostWhile(String doing, PgTarget target) {
        long seconds = 0;
        for (long ms : BACKOFF_MILLIS) {
            seconds += ms / 1000;
        }
        return "The connection to PostgreSQL at " + target.address().host() + ":" + target.address().port()
                + " was lost while " + doing + ", and Ferry could not get it back after " + BACKOFF_MILLIS.length
                + " more tries over " + seconds + " s.";
    }

    private static FerryException stopped(Stopped stopped, String what, Throwable e) {
        return new FerryException(FerryException.Kind.INTERRUPTED, what + " " + stopped.kept(), stopped.advice(), e);
    }
}
