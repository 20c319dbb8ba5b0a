package dev.ferry.ui;

import dev.ferry.plan.Plan;
import dev.ferry.plan.TablePlan;
import dev.ferry.run.Eta;
import dev.ferry.run.MigrationEvent;
import dev.ferry.run.MigrationEvent.Phase;
import dev.ferry.run.MigrationListener;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers a run's events as they come from the engine's worker threads, cheaply and without
 * touching JavaFX; the Migrate page takes a {@link Snapshot} a few times a second. That is the
 * throttle: a copy sending thousands of events costs the window four updates a second.
 */
final class RunProgress implements MigrationListener {

    /** The state at one moment; {@code log} holds only the lines since the previous snapshot. */
    /** {@code left}: the whole run's seconds left ({@link Eta}), or -1 while unknown. */
    record Snapshot(Phase phase, Set<Phase> finished, Map<String, long[]> tables, long copied, long total,
                    double copySeconds, double seconds, double left, List<String> log) {

        /** Creating takes little, copying most of a run, keys and checks the last tenth; -1 before it starts. */
        double overall() {
            double copy = total == 0 ? 1 : copied / (double) total;
            return phase == null ? -1 : finished.contains(Phase.COPY) ? 0.9 : 0.05 + 0.85 * copy;
        }

        /**
         * "12,000 of 15,607 rows · 48,000 rows/s · 0:03 elapsed · about 0:01 left": the time left is the
         * whole run's, keys, indexes and checksums included, so it stays on after the copy.
         */
        String statsLine() {
            double rate = copySeconds > 0 ? copied / copySeconds : 0;
            String shown = left >= 0 ? Text.get("migrate.left", Ui.duration(Duration.ofSeconds(Math.round(left)))) : "";
            return Text.get("migrate.stats", copied, total, Math.round(rate),
                    Ui.duration(Duration.ofMillis((long) (seconds * 1000))), shown);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(RunProgress.class);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final long start = System.nanoTime();
    private final Map<String, long[]> tables = new LinkedHashMap<>(); // name -> {done, total, finished}
    private final Set<Phase> finished = new HashSet<>();
    private final List<String> pending = new ArrayList<>();
    private Phase phase;
    private long copyStart, copyEnd;
    private final Eta eta;

    RunProgress(Plan plan) {
        eta = new Eta(plan);
        for (TablePlan t : plan.tables()) {
            tables.put(t.source().name(), new long[] {0, t.rows(), 0});
        }
    }

    @Override
    public synchronized void on(MigrationEvent e) {
        eta.on(e, System.nanoTime());
        if (e instanceof MigrationEvent.RowsCopied r) {
            long[] t = table(r.table());
            t[0] = Math.max(t[0], r.done()); // events of one table may arrive out of order from several threads
            return;
        }
        if (e instanceof MigrationEvent.PhaseStarted p) {
            phase = p.phase();
            copyStart = p.phase() == Phase.COPY ? System.nanoTime() : copyStart;
            line(Text.get("migrate.log.phase", label(p.phase())));
        } else if (e instanceof MigrationEvent.PhaseFinished p) {
            finished.add(p.phase());
            copyEnd = p.phase() == Phase.COPY ? System.nanoTime() : copyEnd;
            line(Text.get("migrate.log.phase.done", label(p.phase()), p.took().toMillis() / 1000.0));
        } else if (e instanceof MigrationEvent.TableStarted t) {
            line(Text.get("migrate.log.table", t.table(), t.rows()));
        } else if (e instanceof MigrationEvent.TableFinished t) {
            long[] row = table(t.table());
            row[0] = t.rows();
            row[2] = 1;
            line(Text.get("migrate.log.table.done", t.table(), t.rows(), t.took().toMillis() / 1000.0));
        } else if (e instanceof MigrationEvent.ProblemFound p) {
            line(Ui.WARN + " " + p.problem().message());
        } else if (e instanceof MigrationEvent.PlanChanged c) {
            line(Ui.WARN + " " + c.why());
        } else if (e instanceof MigrationEvent.Note n) {
            line(Advice.sentence(n.text())); // "ferry undo --run …" is the command line's; here it is Undo
        }
    }

    static String label(Phase p) {
        return Text.orElse("phase." + p.name(), p.label);
    }

    private long[] table(String name) {
        return tables.computeIfAbsent(name, n -> new long[] {0, 0, 0});
    }

    private void line(String text) {
        LOG.info(text);
        pending.add(LocalTime.now().format(CLOCK) + "  " + text);
    }

    synchronized Snapshot snapshot() {
        Map<String, long[]> copy = new LinkedHashMap<>();
        long copied = 0, total = 0;
        for (Map.Entry<String, long[]> t : tables.entrySet()) {
            copy.put(t.getKey(), t.getValue().clone());
            copied += t.getValue()[0];
            total += Math.max(t.getValue()[1], t.getValue()[0]);
        }
        long now = System.nanoTime();
        double copySeconds = copyStart == 0 ? 0 : ((copyEnd != 0 ? copyEnd : now) - copyStart) / 1e9;
        List<String> lines = List.copyOf(pending);
        pending.clear();
        return new Snapshot(phase, Set.copyOf(finished), copy, copied, total, copySeconds, (now - start) / 1e9,
                eta.secondsLeft(now).orElse(-1), lines);
    }
}
