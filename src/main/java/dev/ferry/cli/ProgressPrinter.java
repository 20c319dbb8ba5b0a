package dev.ferry.cli;

import dev.ferry.plan.Plan;
import dev.ferry.run.Eta;
import dev.ferry.run.MigrationEvent;
import dev.ferry.run.MigrationListener;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a run's events: on a terminal one overall progress bar with rows per second, and a plain line
 * per table as it finishes; otherwise (CI, a pipe, a log) one plain line per step. A bar per table was
 * tried: with several bars on screen the library lost track of their lines and left a finished table's
 * bar behind after the run. The time left is the whole run's ({@link Eta}: the copy and the keys,
 * indexes and checksums after it), on the bar, in a line at a few milestones of the copy when there
 * is no bar, and in a line when the copy ends.
 */
final class ProgressPrinter implements MigrationListener {

    private final Console console;
    private volatile long totalRows;
    private final Map<String, Long> done = new ConcurrentHashMap<>();
    private ProgressBar overall;
    private volatile Eta eta;
    /** Shares of the rows copied at which a plain line tells the time left (off a terminal only). */
    private static final int[] MILESTONES = {10, 25, 50, 75, 90};
    private int milestone;

    ProgressPrinter(Console console, long totalRows) {
        this.console = console;
        this.totalRows = totalRows;
    }

    /** The rows the overall bar counts to, known once the plan is made. */
    ProgressPrinter total(long rows) {
        this.totalRows = rows;
        return this;
    }

    /** The plan about to run: the rows the bar counts to, and what the time left is estimated from. */
    ProgressPrinter plan(Plan plan) {
        this.eta = new Eta(plan);
        return total(plan.totalRows());
    }

    @Override
    public synchronized void on(MigrationEvent e) {
        Eta estimate = eta;
        if (estimate != null) {
            estimate.on(e, System.nanoTime());
        }
        if (e instanceof MigrationEvent.PhaseStarted p) {
            console.info("» " + p.phase().label + "…");
            if (p.phase() == MigrationEvent.Phase.COPY && console.interactive) {
                overall = bar("All tables", totalRows);
            }
        } else if (e instanceof MigrationEvent.PhaseFinished p) {
            if (p.phase() == MigrationEvent.Phase.COPY && overall != null) {
                overall.stepTo(totalRows);
                overall.close();
                overall = null;
            }
            if (p.phase() == MigrationEvent.Phase.COPY && estimate != null) {
                OptionalDouble left = estimate.secondsLeft(System.nanoTime());
                console.info("  Every row copied; keys, indexes and checksums next"
                        + (left.isPresent() ? ", " + leftWords(left.getAsDouble()) + "." : "."));
            }
            if (!console.interactive) {
                OptionalDouble left = p.phase() == MigrationEvent.Phase.VERIFY && estimate != null
                        ? estimate.secondsLeft(System.nanoTime()) : OptionalDouble.empty();
                console.info(String.format("  %s in %.1f s%s", p.phase().finished, p.took().toMillis() / 1000.0,
                        left.isPresent() ? "; keys and indexes still going, " + leftWords(left.getAsDouble()) + "." : "."));
            }
        } else if (e instanceof MigrationEvent.RowsCopied r) {
            Long before = done.put(r.table(), r.done());
            if (overall != null) {
                overall.stepBy(r.done() - (before == null ? 0 : before));
            } else if (!console.interactive && estimate != null) {
                milestone(estimate);
            }
        } else if (e instanceof MigrationEvent.TableFinished t) {
            line(String.format("  %s: %,d rows in %.1f s", t.table(), t.rows(), t.took().toMillis() / 1000.0));
        } else if (e instanceof MigrationEvent.PlanChanged c) {
            line("  " + c.why());
        } else if (e instanceof MigrationEvent.Note n) {
            line("  " + n.text());
        }
    }

    /**
     * A line printed while the overall bar is drawn takes the bar's place (erased first: carriage return,
     * then ANSI "erase line"), and the bar draws itself again below it at its next tick; printed after the
     * bar, it left a stale copy of the bar above each table's line.
     */
    private void line(String text) {
        if (overall != null && console.interactive) {
            console.err.print("\r\033[2K" + text + System.lineSeparator());
            console.err.flush();
        } else {
            console.info(text);
        }
    }

    /** Off a terminal, a line as the copy passes each milestone: "  25 % of the rows copied (…); about 1 min 5 s left". */
    private void milestone(Eta estimate) {
        double share = estimate.copiedShare() * 100;
        if (milestone >= MILESTONES.length || share < MILESTONES[milestone]) {
            return;
        }
        while (milestone < MILESTONES.length && share >= MILESTONES[milestone]) {
            milestone++; // a big jump passes several milestones: one line for the last of them
        }
        OptionalDouble left = estimate.secondsLeft(System.nanoTime());
        long done = this.done.values().stream().mapToLong(Long::longValue).sum();
        console.info(String.format("  %d %% of the rows copied (%,d of %,d)%s", MILESTONES[milestone - 1], done, totalRows,
                left.isPresent() ? "; " + leftWords(left.getAsDouble()) : ""));
    }

    /** "about 42 s left", or "under a second left" (not "about under a second"). */
    static String leftWords(double seconds) {
        String w = words(seconds);
        return (Math.round(seconds) == 0 ? w : "about " + w) + " left";
    }

    /** "42 s", "1 min 5 s", "1 h 3 min 0 s": plain words a log reader (and the benchmark) can read. */
    static String words(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d h %d min %d s", s / 3600, s / 60 % 60, s % 60)
                : s >= 60 ? String.format("%d min %d s", s / 60, s % 60) : s == 0 ? "under a second" : s + " s";
    }

    /** Names padded to one width and one rendered length, so the bars line up one under the other. */
    static final int NAME_WIDTH = 24;
    static final int LINE_WIDTH = 100;

    static String name(String table) {
        String n = table.length() > NAME_WIDTH ? table.substring(0, NAME_WIDTH - 1) + "…" : table;
        return String.format("%-" + NAME_WIDTH + "s", n);
    }

    private ProgressBar bar(String name, long max) {
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(name(name))
                .setInitialMax(Math.max(max, 1)).setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setMaxRenderedLength(LINE_WIDTH)
                .setUnit(" rows", 1).setUpdateIntervalMillis(250).continuousUpdate().clearDisplayOnFinish()
                .setEtaFunction(state -> timeLeft())
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(console.err, LINE_WIDTH))
                .showSpeed(new java.text.DecimalFormat("#,##0"));
        return b.build();
    }

    /** The whole run's time left for the bar ("?" while unknown), not the bar's own rows-only guess. */
    private Optional<Duration> timeLeft() {
        Eta estimate = eta;
        OptionalDouble left = estimate == null ? OptionalDouble.empty() : estimate.secondsLeft(System.nanoTime());
        return left.isPresent() ? Optional.of(Duration.ofMillis((long) (left.getAsDouble() * 1000))) : Optional.empty();
    }
}
