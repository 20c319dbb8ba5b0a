package dev.ferry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One `ferry migrate` in a child JVM, so its heap really is capped at -Xmx256m and the benchmark's
 * own (large) heap cannot help it. {@code peakMb} is null when Ferry printed no "peak heap: N MB".
 */
record FerryRun(int exit, long nanos, String peakMb, String stoppedSecs) {
    static final String XMX = "-Xmx256m";
    private static final Pattern PEAK = Pattern.compile("peak heap:\\s*([0-9.]+)\\s*MB");
    /** What `ferry sync` says of its own time: "The app had to be stopped for 4.2 s". */
    private static final Pattern STOPPED = Pattern.compile("stopped for\\s*([0-9.]+) s");

    /** Runs Ferry to completion; the time covers the whole child process, JVM start-up included. */
    static FerryRun launch(Path jar, Path sqlite, String toUrl, String password, Path report)
            throws IOException, InterruptedException {
        return launch(jar, password, "migrate", sqlite.toString(), "--to", toUrl, "--yes", "--report", report.toString());
    }

    /** Runs any Ferry command to completion in a child JVM (the password, if any, in PGPASSWORD). */
    static FerryRun launch(Path jar, String password, String... args) throws IOException, InterruptedException {
        return launch(jar, List.of(), p -> { }, line -> { }, password, args);
    }

    /**
     * The same, with more JVM options ({@code jvm}, e.g. a GC log), the child process handed to
     * {@code started} as soon as it runs (to take heap histograms of it), and each line of its
     * output handed to {@code lines} as it comes (to time when Ferry said what).
     */
    static FerryRun launch(Path jar, List<String> jvm, Consumer<Process> started, Consumer<String> lines, String password,
                           String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new java.util.ArrayList<>(List.of(java, XMX, "-Dferry.printPeakHeap=true"));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-jar", jar.toString()));
        cmd.addAll(List.of(args));
        System.out.println("[bench]   " + String.join(" ", cmd));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (password != null) {
            pb.environment().put("PGPASSWORD", password); // never on the command line
        }
        AtomicReference<String> peak = new AtomicReference<>(), stopped = new AtomicReference<>();
        long start = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close(); // no stdin: --yes has to be enough
        started.accept(p);
        Thread out = pump(p.getInputStream(), "[ferry] ", peak, stopped, lines),
                err = pump(p.getErrorStream(), "[ferry:err] ", peak, stopped, lines);
        int exit = p.waitFor();
        long nanos = System.nanoTime() - start;
        out.join();
        err.join();
        return new FerryRun(exit, nanos, peak.get(), stopped.get());
    }

    /** Forwards a child stream line by line with a prefix, keeping \r so progress bars still redraw in place. */
    private static Thread pump(InputStream in, String prefix, AtomicReference<String> peak, AtomicReference<String> stopped,
                               Consumer<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                StringBuilder line = new StringBuilder();
                for (int ch, prev = 0; (ch = r.read()) >= 0; prev = ch) {
                    if (ch != '\n' && ch != '\r') {
                        line.append((char) ch);
                        continue;
                    }
                    Matcher m = PEAK.matcher(line);
                    if (m.find()) {
                        peak.set(m.group(1));
                    }
                    Matcher st = STOPPED.matcher(line);
                    if (st.find()) {
                        stopped.set(st.group(1));
                    }
                    if (line.length() > 0) {
                        lines.accept(line.toString());
                    }
                    System.out.print(ch == '\n' && prev == '\r' && line.length() == 0 ? "\n" : prefix + line + (char) ch);
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    System.out.println(prefix + line);
                }
            } catch (IOException e) {
                System.out.println(prefix + "(output lost: " + e + ")");
            }
        }, "pump " + prefix);
        t.start();
        return t;
    }

    /** Prints report.json's tables; true only when it lists at least one table and every one matched. */
    static boolean readReport(Path report) {
        try {
            JsonNode r = new ObjectMapper().readTree(report.toFile());
            boolean all = r.path("tables").size() > 0;
            for (JsonNode tab : r.path("tables")) {
                long src = tab.path("rows").path("source").asLong(-1), dst = tab.path("rows").path("target").asLong(-2);
                boolean ok = src == dst && tab.path("checksum").path("match").asBoolean(false);
                all &= ok;
                System.out.printf("[bench]   report: %-8s source %,d target %,d checksum match %s -> %s%n",
                        tab.path("name").asText(tab.path("table").asText("?")), src, dst,
                        tab.path("checksum").path("match").asText("?"), ok ? "ok" : "MISMATCH");
            }
            System.out.printf("[bench]   report status: %s, all tables matched: %s%n", r.path("status").asText("?"), all);
            return all;
        } catch (IOException e) {
            System.out.println("[bench]   no readable report at " + report + ": " + e.getMessage());
            return false;
        }
    }
}
