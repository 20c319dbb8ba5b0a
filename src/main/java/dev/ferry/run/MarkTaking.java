package dev.ferry.run;

import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.PgTarget;
import dev.ferry.sqlite.RecordMarks;
import dev.ferry.sqlite.SqliteSource;
import dev.ferry.verify.TableCheck;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The migrate's part of {@link SyncMarks}: as each table's verification starts, PostgreSQL's
 * snapshot is noted (before verify reads the table) and the table's pages are walked on a thread
 * of its own, beside PostgreSQL computing its checksum; once the run is verified, the marks of the
 * tables verified equal are kept. Only when the file is still the one the copy read (its stamp as at
 * the run's start, or a private snapshot): then the walk saw exactly the rows verify proved equal.
 * Never fails the run: without marks a sync compares every row, as before.
 */
final class MarkTaking {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MarkTaking.class);

    private final SqliteSource source;
    private final PgTarget target;
    private final SourceStamp stamp;
    private final UUID run;
    private final ExecutorService walker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ferry-marks");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Future<UUID>> walks = new ConcurrentHashMap<>();
    private final Map<String, SyncMarks.Since> since = new ConcurrentHashMap<>();

    MarkTaking(SqliteSource source, PgTarget target, SourceStamp stamp, UUID run) {
        this.source = source;
        this.target = target;
        this.stamp = stamp;
        this.run = run;
    }

    /** Called just before verify reads table {@code t} in PostgreSQL. */
    void before(TablePlan t) {
        if (!SyncMarks.eligible(t) || walks.containsKey(t.target())) {
            return;
        }
        try (Connection c = target.connection()) {
            since.put(t.target(), SyncMarks.since(c));
        } catch (SQLException e) {
            LOG.warn("no marks for {}: could not read PostgreSQL's snapshot", t.target(), e);
            return;
        }
        walks.put(t.target(), walker.submit(() -> {
            long s = System.nanoTime();
            UUID id = SyncMarks.store(t, source, target, run);
            LOG.info("{} ms: marks of {} taken", (System.nanoTime() - s) / 1_000_000, t.target());
            return id;
        }));
    }

    /**
     * In the run's last journal note: the marks of every table Ferry created ({@code created}) and
     * verified equal without leaving a row out. Logs, never throws.
     */
    void note(Connection c, List<TableCheck> checked, Set<String> created) {
        try {
            if (walks.isEmpty()) {
                return;
            }
            if (source.readsFileDirectly() && !SourceStamp.of(source.file()).fingerprint().equals(stamp.fingerprint())) {
                LOG.warn("no marks: the SQLite file changed during the run, so its pages are not what was copied");
                return;
            }
            try (PreparedStatement up = c.prepareStatement(Sql.query("upsert-marks"))) {
                for (TableCheck check : checked) {
                    Future<UUID> walk = walks.get(check.target());
                    if (walk == null || !created.contains(check.target()) || !check.checksumMatch() || check.rejected() > 0) {
                        continue;
                    }
                    UUID id = taken(check.target(), walk);
                    if (id != null) {
                        SyncMarks.header(up, c, run, check.target(), id, check, since.get(check.target()), new long[0]);
                        up.executeUpdate();
                    }
                }
            }
            SyncMarks.unused(c, run);
        } catch (RuntimeException | SQLException e) {
            LOG.warn("no marks kept for a later sync", e);
        } finally {
            walker.shutdown();
        }
    }

    private static UUID taken(String table, Future<UUID> walk) {
        try {
            return walk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordMarks.Unreadable u) {
                LOG.warn("no marks for {}: the SQLite file cannot be read page by page with certainty ({}); a sync will "
                        + "compare its every row", table, u.getMessage());
            } else {
                LOG.warn("no marks for {}", table, e.getCause());
            }
            return null;
        }
    }

    /** A run that stops takes no marks: the walks still queued are dropped. */
    void stop() {
        walker.shutdownNow();
    }
}
