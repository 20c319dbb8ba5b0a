package dev.ferry.testing;

import dev.ferry.postgres.TargetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * A lost connection at exactly the statement a test means: Ferry's statements on one table are let
 * through a batch at a time, and those {@code kill} picks have their sessions ended, as a server
 * restart or failover ends them, up to {@code times} times; then the table is let go. The table is
 * held locked from {@link #start}; when Ferry's sessions wait for it, another holder queues behind
 * them before the lock is let go, so they pass and the statements after them wait again.
 */
public final class LockGate implements AutoCloseable {

    /** The statements whose sessions were ended, as PostgreSQL showed them. */
    public final List<String> killed = new CopyOnWriteArrayList<>();
    private final TargetAddress target;
    private final String table;
    private final Predicate<String> kill;
    private final int times;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile CompletableFuture<Void> loop;

    public LockGate(TargetAddress target, String table, Predicate<String> kill, int times) {
        this.target = target;
        this.table = table;
        this.kill = kill;
        this.times = times;
    }

    /** Takes the lock now (so no statement of Ferry's slips by) and starts letting statements through. */
    public void start() {
        if (loop != null) {
            return;
        }
        try {
            Connection first = lock();
            loop = CompletableFuture.runAsync(() -> run(first));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void run(Connection first) {
        Connection holder = first;
        try (Connection watch = TestPostgres.get().connect(target)) {
            while (!done.get() && killed.size() < times) {
                Set<Integer> passing = new HashSet<>();
                judge(watch, holder, passing);
                if (passing.isEmpty()) {
                    Thread.sleep(10);
                    continue;
                }
                if (killed.size() < times) {
                    holder = passOn(holder, watch, passing);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            release(holder);
        }
    }

    /**
     * Each of Ferry's statements waiting for the holder that is not judged yet ({@code passing} holds
     * those let pass): its session ended when {@code kill} picks it, else added to {@code passing}.
     */
    private void judge(Connection watch, Connection holder, Set<Integer> passing) throws SQLException {
        List<Integer> pids = new ArrayList<>();
        List<String> queries = new ArrayList<>();
        try (PreparedStatement ps = watch.prepareStatement("SELECT pid, query FROM pg_stat_activity "
                + "WHERE application_name = 'Ferry' AND datname = current_database() AND ? = ANY(pg_blocking_pids(pid))")) {
            ps.setInt(1, pid(holder));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getInt(1));
                    queries.add(rs.getString(2));
                }
            }
        }
        for (int i = 0; i < pids.size(); i++) {
            if (passing.contains(pids.get(i))) {
                continue;
            }
            if (kill.test(queries.get(i)) && killed.size() < times) {
                try (Statement s = watch.createStatement()) {
                    s.execute("SELECT pg_terminate_backend(" + pids.get(i) + ")");
                }
                killed.add(queries.get(i));
            } else {
                passing.add(pids.get(i));
            }
        }
    }

    /**
     * The waiting statements pass: a new holder queues behind them, then the old one lets go. A
     * statement that began waiting after they were judged and before the new holder queued would
     * pass with them unjudged (seen under load: a second count let through, never ended), so the
     * waiting ones are judged again once the new holder waits; later ones queue behind it.
     */
    private Connection passOn(Connection holder, Connection watch, Set<Integer> passing) throws Exception {
        Connection next = TestPostgres.get().connect(target);
        int nextPid = pid(next);
        CompletableFuture<Void> taken = CompletableFuture.runAsync(() -> {
            try (Statement s = next.createStatement()) {
                next.setAutoCommit(false);
                s.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!waiting(watch, nextPid) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        judge(watch, holder, passing);
        release(holder);
        taken.get(60, TimeUnit.SECONDS);
        return next;
    }

    private static boolean waiting(Connection watch, int pid) throws SQLException {
        try (Statement s = watch.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = " + pid)) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private Connection lock() throws SQLException {
        Connection c = TestPostgres.get().connect(target);
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
        }
        return c;
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void release(Connection c) {
        try (c) {
            c.rollback();
        } catch (SQLException ignored) {
            // closing lets the lock go all the same
        }
    }

    /** Lets the table go (if it still holds it) and waits for the gate to stop. */
    @Override
    public void close() throws Exception {
        done.set(true);
        if (loop != null) {
            loop.get(90, TimeUnit.SECONDS);
        }
    }
}
