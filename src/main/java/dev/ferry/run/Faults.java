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
 * Which failures during the copy are worth another try (the connection dropped, the server
 * restarted or was full), how long to wait before each, and where the part stands afterwards.
 * The last question is answered by the journal, not by what this process believes: a COPY that
 * broke during its COMMIT may or may not have been kept, and only the journal line, committed in
 * the same transaction, says which.
 */
final class Faults {

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
        long seconds = 0;
        for (long ms : BACKOFF_MILLIS) {
            seconds += ms / 1000;
        }
        String where = target.address().host() + ":" + target.address().port();
        return new FerryException(FerryException.Kind.INTERRUPTED, "The connection to PostgreSQL at " + where
                + " was lost while copying table " + t.source().name() + ", and Ferry could not get it back after "
                + BACKOFF_MILLIS.length + " more tries over " + seconds + " s. The rows copied so far are kept.",
                "Check that the server is running and reachable, then continue where it stopped with the same command "
                        + "plus --resume (or Resume in the wizard), or remove what was copied with ferry undo.", e);
    }
}
