package dev.ferry.run;

import dev.ferry.plan.TablePlan;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rows, checksum and timing of one table's copy, summed over its parts (checksums are sums, so
 * parts add up). The checksum covers only rows sent by this process: for a table an earlier
 * attempt had started, or one of whose parts was retried after a lost connection ({@link #resumed()}),
 * verification checksums the whole source table instead.
 */
final class CopyProgress {

    final TablePlan table;
    final int parts;
    private volatile boolean resumed;
    private final AtomicInteger remaining;
    private final AtomicLong rows = new AtomicLong(), checksum = new AtomicLong(), copied = new AtomicLong(),
            rejected = new AtomicLong();
    private volatile long start, end;

    CopyProgress(TablePlan table, int parts, long rowsBefore, boolean resumed) {
        this.table = table;
        this.parts = parts;
        this.resumed = resumed;
        this.remaining = new AtomicInteger(parts);
        this.copied.set(rowsBefore);
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

    /** @param partRows every row of the part, earlier attempts' included; @param partChecksum this process's rows only */
    void partDone(MigrationListener l, long partRows, long partChecksum) {
        rows.addAndGet(partRows);
        checksum.addAndGet(partChecksum);
        if (remaining.decrementAndGet() == 0) {
            end = System.nanoTime();
            l.on(new MigrationEvent.TableFinished(table.source().name(), rows.get(), took()));
        }
    }

    /** Every part of the table is in. */
    boolean finished() {
        return remaining.get() == 0;
    }

    /** A part went again after a lost connection: rows of its rolled-back chunk were hashed but never kept. */
    void retried() {
        resumed = true;
    }

    boolean resumed() {
        return resumed;
    }

    /** Rows of a part sent to the rejects file instead of PostgreSQL. */
    void rejected(long partRows) {
        rejected.addAndGet(partRows);
    }

    long rejected() {
        return rejected.get();
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
