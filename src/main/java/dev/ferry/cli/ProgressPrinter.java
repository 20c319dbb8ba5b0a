package dev.ferry.cli;

import dev.ferry.run.MigrationEvent;
import dev.ferry.run.MigrationListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a run's events: on a terminal one overall progress bar with rows per second, and a plain line
 * per table as it finishes; otherwise (CI, a pipe, a log) one plain line per step. A bar per table was
 * tried: with several bars on screen the library lost track of their lines and left a finished table's
 * bar behind after the run.
 */
final class ProgressPrinter implements MigrationListener {

    private final Console console;
    private volatile long totalRows;
    private final Map<String, Long> done = new ConcurrentHashMap<>();
    private ProgressBar overall;

    ProgressPrinter(Console console, long totalRows) {
        this.console = console;
        this.totalRows = totalRows;
    }

    /** The rows the overall bar counts to, known once the plan is made. */
    ProgressPrinter total(long rows) {
        this.totalRows = rows;
        return this;
    }

    @Override
    public synchronized void on(MigrationEvent e) {
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
            if (!console.interactive) {
                console.info(String.format("  %s in %.1f s.", p.phase().finished, p.took().toMillis() / 1000.0));
            }
        } else if (e instanceof MigrationEvent.RowsCopied r) {
            Long before = done.put(r.table(), r.done());
            if (overall != null) {
                overall.stepBy(r.done() - (before == null ? 0 : before));
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
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(console.err, LINE_WIDTH))
                .showSpeed(new java.text.DecimalFormat("#,##0"));
        return b.build();
    }
}
