package dev.ferry.run;

import dev.ferry.plan.Plan;
import dev.ferry.plan.TablePlan;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How long the whole run has left, for the progress bars of both faces: the rest of the copy at the
 * rate of every table together (tables run in parallel, so one table's own rate says little of the
 * run's), plus the keys, indexes and checksums that follow it, which no row count shows. Those are
 * estimated from the copy's own time: each index, key or foreign key to build or validate, and each
 * table's checksum, costs about {@link #PER_STEP} of the time its table's rows took to copy.
 * Measured on the benchmark's file (docs/benchmark.md, "Scale"): what came after the copy (a primary
 * key, two indexes and a foreign key on `child`, both tables' checksums, ANALYZE) took 0.56-1.19 times
 * the copy in nine runs on the shared machine, 0.68 in the middle, with no trend from 2 to 20
 * million rows (about 0.85 on an idle one, in earlier rounds); 0.14 a step puts that file at 0.68.
 *
 * <p>The rate is that of the latter half of the copy so far: the first seconds of a copy are slow
 * (the JVM compiles the copy's code while it runs), and averaging them in put the time left at the
 * first tenth of a 2-million-row copy 2.5 times too high. On a machine whose load changes during the
 * run no rate foretells the rest well (the copy's own speed moved 2.5-fold within one run there).
 *
 * <p>Fed the run's events with the moment each came ({@link #on}), so a test can replay a timeline
 * without a clock. In a resumed run the rows an earlier attempt copied come as one jump in the first
 * counts; the latter-half rate leaves the jump behind within its first second.
 */
public final class Eta {

    /** One build or checksum per row, as a share of copying that row (fitted from the Scale runs). */
    static final double PER_STEP = 0.14;
    /** Rows copied by a moment, one sample a quarter second at most, thinned to keep them few. */
    private static final long SAMPLE_NANOS = 250_000_000L;
    private static final int MOST_SAMPLES = 512;
    /**
     * What is left once the checksums (which run beside the keys) are done, as a share of the steps
     * foreseen after the copy: in four Scale runs of the benchmark's file (2 M and 8 M rows, the file
     * in the page cache or not, load 2.5 to 14) the keys still to build then took 0.243-0.260 of the
     * copy's time, where {@link #PER_STEP} foresees 0.68 of it for all the steps after the copy.
     * The checksums' own time foretold it worse (0.53-1.13 of it): the checksums and the index
     * builds share the cores unevenly from run to run, while both the copy and the builds read
     * every row.
     */
    static final double LEFT_AFTER_CHECKSUMS = 0.375;

    private final long totalRows;
    private final double tailPerCopy;
    private final Map<String, Long> copied = new HashMap<>(); // per table: events of one may arrive out of order
    private long rows;
    private long copyStart = -1, copyEnd = -1, verified = -1;
    private final java.util.ArrayList<long[]> samples = new java.util.ArrayList<>(); // {nanos, rows}, oldest first
    private boolean done;

    public Eta(Plan plan) {
        this(plan.totalRows(), tailPerCopy(plan));
    }

    /** @param tailPerCopy the seconds of keys, indexes and checksums for each second of copying */
    Eta(long totalRows, double tailPerCopy) {
        this.totalRows = totalRows;
        this.tailPerCopy = tailPerCopy;
    }

    /** Counts one event of the run, which came at {@code nanos} ({@link System#nanoTime()}). */
    public synchronized void on(MigrationEvent e, long nanos) {
        if (e instanceof MigrationEvent.RowsCopied r) {
            Long before = copied.put(r.table(), Math.max(r.done(), copied.getOrDefault(r.table(), 0L)));
            rows += Math.max(0, r.done() - (before == null ? 0 : before));
            sample(nanos);
        } else if (e instanceof MigrationEvent.PhaseStarted p && p.phase() == MigrationEvent.Phase.COPY) {
            copyStart = nanos;
            samples.clear();
            samples.add(new long[] {nanos, rows});
        } else if (e instanceof MigrationEvent.PhaseFinished p && p.phase() == MigrationEvent.Phase.COPY) {
            copyEnd = nanos;
        } else if (e instanceof MigrationEvent.PhaseFinished p && p.phase() == MigrationEvent.Phase.VERIFY && copyEnd >= 0) {
            verified = nanos;
        } else if (e instanceof MigrationEvent.PhaseFinished p && p.phase() == MigrationEvent.Phase.COMPLETE) {
            done = true; // verification, if still going, ends within moments of the keys
        }
    }

    /**
     * Seconds left at {@code nanos}, or empty while nothing is known yet (before the first rows) and
     * once the estimate has run out (the last steps are taking longer than foreseen: no number then
     * rather than a wrong one).
     */
    public synchronized OptionalDouble secondsLeft(long nanos) {
        if (copyStart < 0 || done) {
            return OptionalDouble.empty();
        }
        if (copyEnd < 0) {
            double elapsed = (nanos - copyStart) / 1e9, share = Math.min(1, rows / (double) Math.max(totalRows, rows));
            if (rows == 0 || elapsed <= 0) {
                return OptionalDouble.empty();
            }
            double rate = recentRate(nanos), copyLeft = rate > 0 ? (Math.max(totalRows, rows) - rows) / rate
                    : elapsed / share - elapsed;
            return OptionalDouble.of(copyLeft + tailPerCopy * (elapsed + copyLeft));
        }
        double foreseen = tailPerCopy * (copyEnd - copyStart) / 1e9;
        double left = verified < 0 ? foreseen - (nanos - copyEnd) / 1e9
                : LEFT_AFTER_CHECKSUMS * foreseen - (nanos - verified) / 1e9;
        return left > 0 ? OptionalDouble.of(left) : OptionalDouble.empty();
    }

    private void sample(long nanos) {
        long[] last = samples.isEmpty() ? null : samples.get(samples.size() - 1);
        if (last != null && nanos - last[0] < SAMPLE_NANOS) {
            return;
        }
        samples.add(new long[] {nanos, rows});
        if (samples.size() > MOST_SAMPLES) { // a long copy: every other sample goes, the first and last stay
            for (int i = samples.size() - 2; i > 0; i -= 2) {
                samples.remove(i);
            }
        }
    }

    /** Rows a second over the latter half of the copy so far (from the last sample at or before its middle). */
    private double recentRate(long nanos) {
        long middle = copyStart + (nanos - copyStart) / 2;
        long[] from = samples.get(0);
        for (long[] s : samples) {
            if (s[0] > middle) {
                break;
            }
            from = s;
        }
        return nanos > from[0] && rows > from[1] ? (rows - from[1]) / ((nanos - from[0]) / 1e9) : 0;
    }

    /** The share of the rows copied so far, 0 to 1. */
    public synchronized double copiedShare() {
        return totalRows == 0 ? 1 : Math.min(1, rows / (double) totalRows);
    }

    /**
     * Seconds of the steps after the copy per second of copying: each table's builds and checksum,
     * weighted by its rows (a build costs what the table's rows do).
     */
    static double tailPerCopy(Plan plan) {
        long rows = plan.totalRows();
        if (rows == 0) {
            return PER_STEP;
        }
        double steps = 0;
        for (TablePlan t : plan.tables()) {
            long builds = plan.indexes().stream().filter(i -> i.table().target().equals(t.target()) && i.skipReason() == null)
                    .count() + plan.foreignKeys().stream()
                    .filter(f -> f.table().target().equals(t.target()) && f.skipReason() == null).count();
            steps += t.rows() * (1.0 + builds); // the checksum, then each build
        }
        return PER_STEP * steps / rows;
    }
}
