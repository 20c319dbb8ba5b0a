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
    private static final String USAGE = "[--rows N] [--parents N] [--dir DIR] [--jar target/ferry.jar] [--pg-url jdbc:postgresql://host:port/db?user=U]";
    private static final Set<String> OPTIONS = Set.of("rows", "parents", "dir", "jar", "pg-url");

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
        Path sqlite = dir.resolve("bench-source.sqlite"), report = dir.resolve("report.json");
        if (parents < 1 || children < 1) {
            throw new IllegalArgumentException("--rows must exceed --parents, both positive");
        }
        if (!Files.isRegularFile(jar)) { // fail before spending minutes on data
            throw new IllegalStateException("no Ferry jar at " + jar + " (build it: ./mvnw -B -DskipTests package, or pass --jar)");
        }
        if (Runtime.getRuntime().maxMemory() < rows * 300) { // the limit holds every row pre-encoded (~200 B/row)
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
            try (Connection admin = pg.connect(pg.adminDb()); Statement s = admin.createStatement()) {
                for (String db : List.of("bench_ferry", "bench_limit", "bench_limit_binary")) {
                    s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                    s.execute("CREATE DATABASE " + db);
                }
                System.out.println("[bench]   fresh bench_ferry and bench_limit on " + admin.getMetaData().getDatabaseProductVersion());
            }

            System.out.println("[bench] 3/5 Ferry run (child JVM, " + FerryRun.XMX + ")");
            Files.deleteIfExists(report);
            checkpoint(pg); // start both timed phases without dirty buffers left by earlier work
            FerryRun ferry = FerryRun.launch(jar, sqlite,
                    "postgresql://" + pg.user() + "@" + pg.host() + ":" + pg.port() + "/bench_ferry", pg.password(), report);
            System.out.printf("[bench]   Ferry exited %d after %.2f s%n", ferry.exit(), CopyLimit.secs(ferry.nanos()));
            boolean verified = FerryRun.readReport(report);

            System.out.println("[bench] 4/5 PostgreSQL limit: COPY of pre-encoded rows + keys/indexes into bench_limit");
            List<CopyLimit.Result> limit = null;
            if (ferry.exit() != 0) {
                System.out.println("[bench]   skipped: Ferry failed, so there are no target types to measure against");
            } else {
                try {
                    limit = measureLimit(pg, sqlite);
                } catch (IllegalStateException e) {
                    System.out.println("[bench]   not measured: " + e.getMessage());
                }
            }
            summary(rows, parents, children, ferry, limit, verified);
            return ferry.exit() == 0 && verified && limit != null ? 0 : 1;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** Step 4: Ferry's own target types, the rows pre-encoded in memory, then the timed COPY + DDL. */
    /**
     * Measured twice: with the rows as COPY text (what psql's \\copy sends), and as binary COPY, the
     * format Ferry sends to tables it creates, with the very bytes PostgreSQL writes for those rows.
     */
    private static List<CopyLimit.Result> measureLimit(Pg pg, Path sqlite) throws SQLException {
        Map<String, Map<String, String>> types;
        try (Connection c = pg.connect("bench_ferry")) {
            types = CopyLimit.ferryTypes(c);
            for (String table : CopyLimit.TABLES) {
                System.out.printf("[bench]   Ferry's %s: %s, %,d rows%n", table, types.get(table), count(c, table));
            }
        }
        try (Connection src = BenchData.open(sqlite); Connection pgLimit = pg.connect("bench_limit")) {
            CopyLimit.createTables(pgLimit, types);
            List<CopyLimit.Encoded> data = new ArrayList<>();
            for (String table : CopyLimit.TABLES) {
                CopyLimit.Encoded e = CopyLimit.encode(src, table, types.get(table));
                data.add(e);
                System.out.printf("[bench]   pre-encoded %s: %,d rows, %,d MB (untimed)%n", table, e.rows(), e.bytes() >> 20);
            }
            System.gc(); // collect the encoding garbage now rather than inside the timed part
            checkpoint(pg);
            CopyLimit.Result text = CopyLimit.run(pgLimit, data);
            List<CopyLimit.Encoded> binary = new ArrayList<>();
            for (CopyLimit.Encoded e : data) {
                binary.add(CopyLimit.encodeBinary(pgLimit, e.table(), e.columns()));
            }
            data.clear();
            try (Connection pgBinary = pg.connect("bench_limit_binary")) {
                CopyLimit.createTables(pgBinary, types);
                binary.forEach(e -> System.out.printf("[bench]   binary %s: %,d rows, %,d MB (untimed, as PostgreSQL wrote them)%n",
                        e.table(), e.rows(), e.bytes() >> 20));
                System.gc();
                checkpoint(pg);
                return List.of(text, CopyLimit.run(pgBinary, binary, true));
            }
        }
    }

    private static void summary(long rows, int parents, long children, FerryRun f, List<CopyLimit.Result> limit,
                                boolean verified) {
        double ferry = CopyLimit.secs(f.nanos());
        System.out.println("[bench] 5/5 summary");
        System.out.println("==================== Ferry benchmark ====================");
        System.out.printf("rows                %,d (parent %,d + child %,d)%n", rows, parents, children);
        System.out.printf("Ferry               %8.2f s  (child JVM %s, exit code %d%s)%n", ferry, FerryRun.XMX, f.exit(), f.exit() == 0 ? "" : " FAILED");
        System.out.printf("Ferry peak heap     %s%n", f.peakMb() == null ? "not reported (no 'peak heap: N MB' line)" : f.peakMb() + " MB of 256 MB");
        if (limit != null) {
            for (CopyLimit.Result l : limit) {
                System.out.printf("PostgreSQL limit    %8.2f s  (COPY %.2f s + keys/indexes/FK %.2f s; rows as %s)%n",
                        CopyLimit.secs(l.totalNanos()), CopyLimit.secs(l.copyNanos()), CopyLimit.secs(l.indexNanos()),
                        l.binary() ? "binary COPY" : "COPY text");
            }
            for (CopyLimit.Result l : limit) {
                double ratio = ferry / CopyLimit.secs(l.totalNanos());
                System.out.printf("ratio Ferry/limit   %8.2f    (%s; target <= 1.50: %s)%n", ratio,
                        l.binary() ? "binary COPY" : "COPY text", ratio <= 1.5 ? "met" : "NOT met");
            }
        } else {
            System.out.println("PostgreSQL limit    not measured");
        }
        System.out.printf("verified            %s%n", verified ? "yes, every table in report.json matched rows and checksum" : "NO");
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
            String key = args[i].replaceFirst("^--", "");
            if (!args[i].startsWith("--") || !OPTIONS.contains(key) || i + 1 >= args.length) {
                throw new IllegalArgumentException("bad argument " + args[i] + "; usage: Benchmark " + USAGE);
            }
            o.put(key, args[i + 1]);
        }
        return o;
    }
}
