package dev.ferry.bench;

import ch.qos.logback.classic.Level;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * Benchmark program, not a test: times `ferry migrate` (in a child JVM capped at -Xmx256m) against
 * PostgreSQL's own limit (COPY of pre-encoded rows plus keys and indexes) on the same server.
 * See docs/benchmark.md. Exit code: 0 ran and Ferry succeeded, 1 Ferry failed or did not verify, 2 setup error.
 */
public final class Benchmark {
    private static final String USAGE = "[--rows N] [--parents N] [--runs N] [--dir DIR] [--jar target/ferry.jar] "
            + "[--pg-url jdbc:postgresql://host:port/db?user=U] [--sync] [--ferry-only [--histogram SECONDS]]";
    private static final Set<String> OPTIONS = Set.of("rows", "parents", "runs", "dir", "jar", "pg-url", "histogram");
    /** Options that take no value. */
    private static final Set<String> FLAGS = Set.of("sync", "ferry-only");

    /** A PostgreSQL server and the role we use on it; password null when none is needed. */
    private record Pg(String host, int port, String user, String password, String adminDb) {
        Connection connect(String db) throws SQLException {
            Properties p = new Properties();
            p.setProperty("user", user);
            if (password != null) {
                p.setProperty("password", password);
            }
            return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + db, p);
        }

        static Pg parse(String jdbcUrl) {
            URI u = URI.create(jdbcUrl.replaceFirst("^jdbc:", ""));
            Map<String, String> q = new HashMap<>();
            for (String kv : u.getQuery() == null ? new String[0] : u.getQuery().split("&")) {
                int eq = kv.indexOf('=');
                q.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
            }
            String path = u.getPath() == null ? "" : u.getPath().replaceFirst("^/", "");
            return new Pg(u.getHost(), u.getPort() > 0 ? u.getPort() : 5432, q.getOrDefault("user", System.getProperty("user.name")),
                    System.getenv("PGPASSWORD") != null ? System.getenv("PGPASSWORD") : q.get("password"), path.isEmpty() ? "postgres" : path);
        }
    }

    public static void main(String[] args) {
        // The embedded server logs every initdb/postmaster line at INFO; only problems belong in the output.
        if (LoggerFactory.getLogger("io.zonky") instanceof ch.qos.logback.classic.Logger zonky) {
            zonky.setLevel(Level.WARN);
        }
        int code;
        try {
            code = run(options(args));
        } catch (Exception e) {
            System.out.println("[bench] FAILED: " + e.getMessage());
            if (!(e instanceof IllegalArgumentException || e instanceof IllegalStateException)) {
                e.printStackTrace(System.out); // unexpected: show where
            }
            code = 2;
        }
        System.exit(code); // also ends stray driver threads that exec:java would otherwise wait for
    }

    private static int run(Map<String, String> o) throws Exception {
        int parents = Integer.parseInt(o.getOrDefault("parents", "100000"));
        long rows = Long.parseLong(o.getOrDefault("rows", "2000000")), children = rows - parents;
        Path dir = Path.of(o.getOrDefault("dir", System.getProperty("java.io.tmpdir") + "/ferry-bench")).toAbsolutePath();
        Path jar = Path.of(o.getOrDefault("jar", "target/ferry.jar")).toAbsolutePath();
        boolean ferryOnly = o.containsKey("ferry-only");
        // scale files keep their size in their name, so a 2 M and an 8 M file can sit side by side
        Path sqlite = dir.resolve(ferryOnly ? "scale-" + rows + ".sqlite" : "bench-source.sqlite"), report = dir.resolve("report.json");
        int runs = Integer.parseInt(o.getOrDefault("runs", "3"));
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1");
        }
        if (parents < 1 || children < 1) {
            throw new IllegalArgumentException("--rows must exceed --parents, both positive");
        }
        if (!Files.isRegularFile(jar)) { // fail before spending minutes on data
            throw new IllegalStateException("no Ferry jar at " + jar + " (build it: ./mvnw -B -DskipTests package, or pass --jar)");
        }
        if (!ferryOnly && Runtime.getRuntime().maxMemory() < rows * 300) { // the limit holds every row pre-encoded (~200 B/row)
            System.out.printf("[bench] WARNING: max heap %,d MB may be too small to pre-encode %,d rows; use -Xmx4g%n",
                    Runtime.getRuntime().maxMemory() >> 20, rows);
        }
        Files.createDirectories(dir);

        System.out.printf("[bench] 1/5 SQLite source %s (%,d parent + %,d child rows)%n", sqlite, parents, children);
        long t = System.nanoTime();
        boolean reused = BenchData.ensure(sqlite, parents, children);
        System.out.printf("[bench]   %s, %,d MB, %.1f s%n", reused ? "reused the existing file (row counts match)" : "generated",
                Files.size(sqlite) >> 20, CopyLimit.secs(System.nanoTime() - t));

        String url = o.getOrDefault("pg-url", System.getenv("FERRY_BENCH_PG_URL"));
        EmbeddedPostgres embedded = null;
        try {
            Pg pg;
            if (url == null) {
                System.out.println("[bench] 2/5 PostgreSQL: starting an embedded server");
                embedded = EmbeddedPostgres.builder().start();
                pg = new Pg("127.0.0.1", embedded.getPort(), "postgres", null, "postgres");
            } else {
                pg = Pg.parse(url);
                System.out.printf("[bench] 2/5 PostgreSQL: using %s:%d as %s%n", pg.host(), pg.port(), pg.user());
            }
            if (o.containsKey("sync")) { // the final sync instead of the rounds against the limit
                Pg on = pg;
                return SyncRound.run(jar, sqlite, dir, pg.host(), pg.port(), pg.user(), pg.password(), () -> {
                    try {
                        freshDatabase(on, "bench_sync");
                    } catch (SQLException e) {
                        throw new IllegalStateException("could not make database bench_sync: " + e.getMessage(), e);
                    }
                }, () -> checkpoint(on));
            }
            if (ferryOnly) { // Ferry alone on a file too big for the limit's rows in memory
                Pg on = pg;
                return ScaleRun.run(jar, sqlite, dir, rows,
                        "postgresql://" + pg.user() + "@" + pg.host() + ":" + pg.port() + "/bench_scale", pg.password(), () -> {
                            try {
                                freshDatabase(on, "bench_scale");
                            } catch (SQLException e) {
                                throw new IllegalStateException("could not make database bench_scale: " + e.getMessage(), e);
                            }
                        }, () -> checkpoint(on), Integer.parseInt(o.getOrDefault("histogram", "0")));
            }
            try (Connection admin = pg.connect(pg.adminDb())) {
                System.out.println("[bench]   on " + admin.getMetaData().getDatabaseProductVersion() + "; " + runs
                        + " rounds of Ferry, the text limit and the binary limit, each into a fresh database");
            }
            List<FerryRun> ferry = new ArrayList<>();
            List<CopyLimit.Result> text = new ArrayList<>(), binary = new ArrayList<>();
            List<CopyLimit.Encoded> textData = null, binaryData = null;
            Map<String, Map<String, String>> types = null;
            boolean verified = true;
            for (int round = 1; round <= runs; round++) {
                System.out.printf("[bench] 3/5 round %d of %d: Ferry run (child JVM, %s)%n", round, runs, FerryRun.XMX);
                freshDatabase(pg, "bench_ferry");
                Files.deleteIfExists(report);
                checkpoint(pg); // start each timed part without dirty buffers left by earlier work
                FerryRun f = FerryRun.launch(jar, sqlite,
                        "postgresql://" + pg.user() + "@" + pg.host() + ":" + pg.port() + "/bench_ferry", pg.password(), report);
                System.out.printf("[bench]   Ferry exited %d after %.2f s%n", f.exit(), CopyLimit.secs(f.nanos()));
                ferry.add(f);
                verified &= FerryRun.readReport(report);
                if (f.exit() != 0) {
                    System.out.println("[bench]   Ferry failed: no limit to measure against");
                    summary(rows, parents, children, ferry, text, binary, false);
                    return 1;
                }
                System.out.printf("[bench] 4/5 round %d of %d: PostgreSQL limit, COPY of pre-encoded rows + keys/indexes%n",
                        round, runs);
                if (textData == null) {
                    try {
                        textData = new ArrayList<>();
                        binaryData = new ArrayList<>();
                        types = encode(pg, sqlite, textData, binaryData);
                    } catch (IllegalStateException e) {
                        System.out.println("[bench]   not measured: " + e.getMessage());
                        summary(rows, parents, children, ferry, text, binary, verified);
                        return 1;
                    }
                }
                text.add(limit(pg, "bench_limit", types, textData, false));
                binary.add(limit(pg, "bench_limit_binary", types, binaryData, true));
            }
            summary(rows, parents, children, ferry, text, binary, verified);
            return verified ? 0 : 1;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /**
     * Step 4, untimed: the rows in Ferry's own target types, pre-encoded in memory twice: as COPY
     * text (what psql's \\copy sends) and as binary COPY (the format Ferry sends to the tables it
     * creates), the latter the very bytes PostgreSQL writes for the rows Ferry loaded.
     */
    private static Map<String, Map<String, String>> encode(Pg pg, Path sqlite, List<CopyLimit.Encoded> text,
                                                           List<CopyLimit.Encoded> binary) throws SQLException {
        Map<String, Map<String, String>> types;
        try (Connection c = pg.connect("bench_ferry"); Connection src = BenchData.open(sqlite)) {
            types = CopyLimit.ferryTypes(c);
            for (String table : CopyLimit.TABLES) {
                System.out.printf("[bench]   Ferry's %s: %s, %,d rows%n", table, types.get(table), count(c, table));
                CopyLimit.Encoded e = CopyLimit.encode(src, table, types.get(table));
                text.add(e);
                System.out.printf("[bench]   pre-encoded %s: %,d rows, %,d MB (untimed)%n", table, e.rows(), e.bytes() >> 20);
                CopyLimit.Encoded b = CopyLimit.encodeBinary(c, table, e.columns());
                binary.add(b);
                System.out.printf("[bench]   binary %s: %,d rows, %,d MB (untimed, as PostgreSQL wrote them)%n", table,
                        b.rows(), b.bytes() >> 20);
            }
        }
        return types;
    }

    /** One timed load of the pre-encoded rows into fresh tables of a fresh database. */
    private static CopyLimit.Result limit(Pg pg, String db, Map<String, Map<String, String>> types,
                                          List<CopyLimit.Encoded> data, boolean binary) throws SQLException {
        freshDatabase(pg, db);
        try (Connection c = pg.connect(db)) {
            CopyLimit.createTables(c, types);
            System.gc(); // collect garbage now rather than inside the timed part
            checkpoint(pg);
            return CopyLimit.run(c, data, binary);
        }
    }

    private static void freshDatabase(Pg pg, String db) throws SQLException {
        try (Connection admin = pg.connect(pg.adminDb()); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + db);
        }
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int n = sorted.size();
        return CopyLimit.secs(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
    }

    private static String each(List<Long> nanos) {
        return String.join(" ", nanos.stream().map(n -> String.format("%.2f", CopyLimit.secs(n))).toList());
    }

    private static void summary(long rows, int parents, long children, List<FerryRun> ferry, List<CopyLimit.Result> text,
                                List<CopyLimit.Result> binary, boolean verified) {
        System.out.println("[bench] 5/5 summary (medians of " + ferry.size() + " rounds; each round's figure in brackets)");
        System.out.println("==================== Ferry benchmark ====================");
        System.out.printf("rows                %,d (parent %,d + child %,d)%n", rows, parents, children);
        List<Long> f = ferry.stream().map(FerryRun::nanos).toList();
        boolean ok = ferry.stream().allMatch(r -> r.exit() == 0);
        System.out.printf("Ferry               %8.2f s  [%s] (child JVM %s, %s)%n", median(f), each(f), FerryRun.XMX,
                ok ? "exit code 0" : "FAILED");
        java.util.OptionalDouble peak = ferry.stream().filter(r -> r.peakMb() != null)
                .mapToDouble(r -> Double.parseDouble(r.peakMb())).max();
        System.out.printf("Ferry peak heap     %s%n", peak.isEmpty() ? "not reported (no 'peak heap: N MB' line)"
                : String.format("%.0f MB of 256 MB (the highest of the rounds)", peak.getAsDouble()));
        for (List<CopyLimit.Result> limit : List.of(text, binary)) {
            if (limit.isEmpty()) {
                System.out.println("PostgreSQL limit    not measured");
                continue;
            }
            List<Long> total = limit.stream().map(CopyLimit.Result::totalNanos).toList();
            System.out.printf("PostgreSQL limit    %8.2f s  [%s] (COPY %.2f s + keys/indexes/FK %.2f s; rows as %s)%n",
                    median(total), each(total), median(limit.stream().map(CopyLimit.Result::copyNanos).toList()),
                    median(limit.stream().map(CopyLimit.Result::indexNanos).toList()),
                    limit.get(0).binary() ? "binary COPY" : "COPY text");
        }
        for (List<CopyLimit.Result> limit : List.of(text, binary)) {
            if (!limit.isEmpty() && ok) {
                // each round's Ferry against the limit measured right after it, so slow spells of
                // the machine count against both sides of a ratio alike
                List<Double> ratios = new ArrayList<>();
                for (int r = 0; r < limit.size(); r++) {
                    ratios.add((double) f.get(r) / limit.get(r).totalNanos());
                }
                List<Double> sorted = ratios.stream().sorted().toList();
                int n = sorted.size();
                double ratio = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
                System.out.printf("ratio Ferry/limit   %8.2f  [%s] (%s, median of the rounds; target <= 1.50: %s)%n", ratio,
                        String.join(" ", ratios.stream().map(x -> String.format("%.2f", x)).toList()),
                        limit.get(0).binary() ? "binary COPY" : "COPY text", ratio <= 1.5 ? "met" : "NOT met");
            }
        }
        System.out.printf("verified            %s%n", verified ? "yes, every round's report.json matched rows and checksum of every table" : "NO");
        System.out.println("=========================================================");
    }

    private static void checkpoint(Pg pg) {
        try (Connection c = pg.connect(pg.adminDb()); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        } catch (SQLException e) {
            System.out.println("[bench]   (CHECKPOINT not allowed for this role, continuing: " + e.getMessage() + ")");
        }
    }

    private static long count(Connection c, String table) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            return -1; // not on the search_path: the count is informative only
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (args[i].startsWith("--") && FLAGS.contains(args[i].substring(2))) { // --sync (see SyncRound), --ferry-only (ScaleRun)
                o.put(args[i].substring(2), "true");
                i--;
                continue;
            }
            String key = args[i].replaceFirst("^--", "");
            if (!args[i].startsWith("--") || !OPTIONS.contains(key) || i + 1 >= args.length) {
                throw new IllegalArgumentException("bad argument " + args[i] + "; usage: Benchmark " + USAGE);
            }
            o.put(key, args[i + 1]);
        }
        return o;
    }
}
