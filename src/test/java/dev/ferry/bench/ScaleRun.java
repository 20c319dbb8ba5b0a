package dev.ferry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's scale mode (--ferry-only): Ferry alone on a big generated file, no limit beside it
 * (the limit holds every row pre-encoded in memory, ~300 B a row, which a 20-million-row file does
 * not fit). One `ferry migrate` in a child JVM capped at -Xmx256m, and what a scale run must show:
 * the wall time, Ferry's phases, its peak heap, the most it kept after a collection (from its GC
 * log: the heap it really needs, garbage left out), and how far each ETA it printed was from the
 * real finish.
 */
final class ScaleRun {

    /** A GC log line: "GC(12) Pause Young (Normal) (G1 Evacuation Pause) 150M->20M(256M) 5.123ms". */
    private static final Pattern GC = Pattern.compile("GC\\(\\d+\\) Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\)");
    /** Ferry's phase lines off a terminal: "  Rows copied in 41.3 s." (the checksums' line goes on with an ETA) */
    private static final Pattern PHASE = Pattern.compile("^\\s+(.+?) in ([0-9.]+) s[.;]");
    /**
     * Ferry's ETA lines off a terminal: "  10 % of the rows copied (…); about 2 min 5 s left", "  Every row
     * copied; …", "  Counts and checksums compared in 36.1 s; …".
     */
    private static final Pattern ETA = Pattern.compile("^\\s+(?:(\\d+) % of the rows copied|(Every row copied)|(Counts and "
            + "checksums compared)).*about (?:(\\d+) h )?(?:(\\d+) min )?(\\d+) s left");

    /** A line of Ferry's output and when it came, in seconds since the child started. */
    private record Timed(double at, String line) {
    }

    private ScaleRun() {
    }

    /** Exit code: 0 when Ferry exited 0 and every table verified, 1 otherwise. */
    static int run(Path jar, Path sqlite, Path dir, long rows, String url, String password, Runnable freshDatabase,
                   Runnable checkpoint, int histogramSeconds) throws IOException, InterruptedException {
        System.out.printf("[bench] scale: %,d rows, file %,d MB; %,d MB free in %s%n", rows, Files.size(sqlite) >> 20,
                Files.getFileStore(dir).getUsableSpace() >> 20, dir);
        freshDatabase.run();
        checkpoint.run();
        Path gcLog = dir.resolve("scale-gc.log"), report = dir.resolve("scale-report.json");
        Files.deleteIfExists(gcLog);
        Files.deleteIfExists(report);
        String loadBefore = loadavg();
        List<Timed> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Process> child = new AtomicReference<>();
        long start = System.nanoTime();
        ScheduledExecutorService histograms = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger taken = new AtomicInteger();
        if (histogramSeconds > 0) { // each one makes the child collect in full: slows the run, for looking only
            histograms.scheduleAtFixedRate(() -> histogram(child.get(), dir, taken.incrementAndGet(), start),
                    histogramSeconds, histogramSeconds, TimeUnit.SECONDS);
        }
        FerryRun f;
        try {
            f = FerryRun.launch(jar, List.of("-Xlog:gc:file=" + gcLog, "-Dferry.logdir=" + dir.resolve("logs")), child::set,
                    line -> lines.add(new Timed((System.nanoTime() - start) / 1e9, line)), password,
                    "migrate", sqlite.toString(), "--to", url, "--yes", "--report", report.toString());
        } finally {
            histograms.shutdownNow();
        }
        String loadAfter = loadavg();
        double wall = CopyLimit.secs(f.nanos());
        boolean verified = FerryRun.readReport(report);

        System.out.println("==================== Ferry at scale ====================");
        System.out.printf("rows                %,d, SQLite file %,d MB%n", rows, Files.size(sqlite) >> 20);
        System.out.printf("Ferry               %8.2f s  (child JVM %s, %s; load %s -> %s)%n", wall, FerryRun.XMX,
                f.exit() == 0 ? "exit code 0" : "exit code " + f.exit() + ": FAILED", loadBefore, loadAfter);
        for (Timed t : List.copyOf(lines)) {
            Matcher m = PHASE.matcher(t.line());
            if (m.find()) {
                System.out.printf("  phase             %s: %s s%n", m.group(1), m.group(2));
            }
        }
        System.out.printf("peak heap           %s MB (each heap pool's peak, garbage included, summed)%n",
                f.peakMb() == null ? "?" : f.peakMb());
        System.out.printf("kept after GC       %s (the most the heap held right after a collection)%n", keptAfterGc(gcLog));
        for (Timed t : List.copyOf(lines)) {
            Matcher m = ETA.matcher(t.line());
            if (m.find()) {
                double eta = (m.group(4) == null ? 0 : Long.parseLong(m.group(4)) * 3600)
                        + (m.group(5) == null ? 0 : Long.parseLong(m.group(5)) * 60) + Long.parseLong(m.group(6));
                double left = wall - t.at();
                System.out.printf("ETA at %-12s %6.0f s shown at %6.1f s; really %6.1f s left: off by %+4.0f %%%n",
                        m.group(1) != null ? m.group(1) + " %" : m.group(2) != null ? "copy's end" : "checksums", eta, t.at(), left, 100 * (eta - left) / left);
            }
        }
        if (taken.get() > 0) {
            System.out.printf("histograms          %d in %s (scale-histogram-N.txt)%n", taken.get(), dir);
        }
        System.out.printf("Ferry's log         %s (each index, key and checksum with its time)%n", dir.resolve("logs"));
        System.out.printf("verified            %s%n", verified ? "yes, rows and checksum of every table" : "NO");
        System.out.println("========================================================");
        return f.exit() == 0 && verified ? 0 : 1;
    }

    /** The largest "after" of the GC log's pauses, and the heap size then. */
    static String keptAfterGc(Path gcLog) {
        try {
            long most = -1, of = 0;
            int pauses = 0;
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = GC.matcher(line);
                if (m.find()) {
                    pauses++;
                    if (Long.parseLong(m.group(2)) > most) {
                        most = Long.parseLong(m.group(2));
                        of = Long.parseLong(m.group(3));
                    }
                }
            }
            return most < 0 ? "no pause in the GC log" : most + " MB of a " + of + " MB heap (" + pauses + " pauses)";
        } catch (IOException e) {
            return "no GC log: " + e.getMessage();
        }
    }

    /** `jcmd PID GC.class_histogram` into the run's folder, its top lines on screen. */
    private static void histogram(Process p, Path dir, int n, long start) {
        if (p == null || !p.isAlive()) {
            return;
        }
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd"), to = dir.resolve("scale-histogram-" + n + ".txt");
            Process h = new ProcessBuilder(jcmd.toString(), String.valueOf(p.pid()), "GC.class_histogram")
                    .redirectErrorStream(true).redirectOutput(to.toFile()).start();
            h.waitFor(60, TimeUnit.SECONDS);
            List<String> top = Files.readAllLines(to);
            System.out.printf("[bench]   histogram %d at %.0f s:%n", n, (System.nanoTime() - start) / 1e9);
            top.stream().skip(1).limit(9).forEach(l -> System.out.println("[bench]     " + l));
        } catch (IOException e) {
            System.out.println("[bench]   no histogram: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String loadavg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
