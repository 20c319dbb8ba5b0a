package dev.ferry.run;

import dev.ferry.postgres.PgTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A PostgreSQL advisory lock named after a run, held by whoever works on it (a migration, a resume,
 * an undo). A run marked "running" whose lock is free was left by a Ferry that died (kill, crash,
 * power cut) and may be resumed; one whose lock is held is alive elsewhere and must be left alone.
 */
final class RunLock implements AutoCloseable {

    private final Connection connection;
    private final long key;

    private RunLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    /** Takes the run's lock for as long as this object is open; null when someone else holds it. */
    static RunLock take(PgTarget target, UUID run) throws SQLException {
        Connection c = target.connection();
        try {
            if (tryLock(c, "pg_try_advisory_lock", key(run))) {
                return new RunLock(c, key(run));
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        c.close();
        return null;
    }

    /** Whether another session works on the run right now. */
    static boolean busy(PgTarget target, UUID run) throws SQLException {
        try (Connection c = target.connection()) {
            c.setAutoCommit(false);
            boolean free = tryLock(c, "pg_try_advisory_xact_lock", key(run));
            c.rollback(); // ends the transaction, and with it the lock just taken
            return !free;
        }
    }

    private static boolean tryLock(Connection c, String function, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + function + "(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static long key(UUID run) {
        return run.getMostSignificantBits() ^ run.getLeastSignificantBits();
    }

    /** Unlocks before the connection goes back to the pool, which would otherwise keep the lock alive. */
    @Override
    public void close() {
        try (Connection c = connection; PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, key);
            ps.execute();
        } catch (SQLException ignored) {
            // a broken connection has released the lock already
        }
    }
}
