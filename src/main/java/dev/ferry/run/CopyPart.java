package dev.ferry.run;

import dev.ferry.mapping.TablePlan;
import dev.ferry.source.SqliteSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A piece of work for the copy phase: a whole table, or a rowid range of a large one so that a
 * single big table still keeps every core busy. Parts of one table share its {@link Progress}.
 *
 * @param where "" for the whole table, else a WHERE clause on rowid
 */
record CopyPart(TablePlan table, String where, Progress progress) {

    private static final long SPLIT_ROWS = 400_000;

    /** Splits the tables into parts, largest first. */
    static List<CopyPart> plan(List<TablePlan> tables, SqliteSource source, int jobs) {
        List<CopyPart> out = new ArrayList<>();
        for (TablePlan t : tables) {
            List<String> wheres = ranges(t, source, jobs);
            Progress p = new Progress(t, wheres.size());
            wheres.forEach(w -> out.add(new CopyPart(t, w, p)));
        }
        out.sort((a, b) -> Long.compare(b.table().rows() / b.progress().parts, a.table().rows() / a.progress().parts));
        return out;
    }

    private static List<String> ranges(TablePlan t, SqliteSource source, int jobs) {
        if (jobs < 2 || t.rows() < SPLIT_ROWS || t.source().withoutRowid()) {
            return List.of("");
        }
        try (Connection c = source.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT min(rowid), max(rowid) FROM " + SqliteSource.quote(t.source().name()))) {
            rs.next();
            long lo = rs.getLong(1), hi = rs.getLong(2), step = (hi - lo) / jobs + 1;
            List<String> out = new ArrayList<>();
            for (long start = lo; start <= hi; start += step) {
                out.add(" WHERE rowid BETWEEN " + start + " AND " + Math.min(hi, start + step - 1));
            }
            return out;
        } catch (SQLException e) {
            return List.of(""); // no split: the table is still copied whole
        }
    }

    /** Rows, checksum and timing of a table, summed over its parts (checksums are sums, so parts add up). */
    static final class Progress {
        final TablePlan table;
        final int parts;
        private final AtomicInteger remaining;
        private final AtomicLong rows = new AtomicLong(), checksum = new AtomicLong(), copied = new AtomicLong();
        private volatile long start, end;

        Progress(TablePlan table, int parts) {
            this.table = table;
            this.parts = parts;
            this.remaining = new AtomicInteger(parts);
        }

        synchronized void started(MigrationListener l) {
            if (start == 0) {
                start = System.nanoTime();
                l.on(new MigrationEvent.TableStarted(table.source().name(), table.rows()));
            }
        }

        void copied(MigrationListener l, long delta) {
            l.on(new MigrationEvent.RowsCopied(table.source().name(), copied.addAndGet(delta), table.rows()));
        }

        void partDone(MigrationListener l, long partRows, long partChecksum) {
            rows.addAndGet(partRows);
            checksum.addAndGet(partChecksum);
            if (remaining.decrementAndGet() == 0) {
                end = System.nanoTime();
                l.on(new MigrationEvent.TableFinished(table.source().name(), rows.get(), took()));
            }
        }

        long rows() {
            return rows.get();
        }

        long checksum() {
            return checksum.get();
        }

        /** How long the copy of the whole table took (so far, while parts are still running). */
        Duration took() {
            return Duration.ofNanos((end == 0 ? System.nanoTime() : end) - start);
        }
    }
}
