package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.ChinookLikeFixture;
import dev.ferry.testing.TestPostgres;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A known password goes in through --password-stdin; afterwards not one byte of it may be found in
 * anything the runs left: the JSON and HTML reports, the log folder, standard output and error
 * (a failing run with --verbose included), and the journal's tables in PostgreSQL. Ferry runs in
 * its own JVM, so the log folder is exactly the one it was given.
 */
class SecretsStayHiddenTest {

    static final String PASSWORD = "Kn0wn-P4ssw0rd!ferry";

    @Test
    void thePasswordIsInNoFileOutputOrJournal(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(TestPostgres.get().embedded(), "needs the embedded server's password-checked role");
        TestPostgres pg = TestPostgres.get();
        pg.execute("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + TestPostgres.PASSWORD_ROLE
                + "') THEN CREATE ROLE " + TestPostgres.PASSWORD_ROLE + " LOGIN; END IF; END$$");
        pg.execute("ALTER ROLE " + TestPostgres.PASSWORD_ROLE + " PASSWORD '" + PASSWORD + "'");
        try {
            Path source = ChinookLikeFixture.write(dir);
            Path logs = Files.createDirectories(dir.resolve("logs"));
            TargetAddress admin = pg.freshDatabase();
            pg.execute("ALTER DATABASE " + admin.database() + " OWNER TO " + TestPostgres.PASSWORD_ROLE);
            String url = "postgresql://" + TestPostgres.PASSWORD_ROLE + "@" + admin.host() + ":" + admin.port() + "/"
                    + admin.database() + "?sslmode=disable";

            assertEquals(0, ferry(dir, logs, "json", PASSWORD, "migrate", source.toString(), "--to", url, "--report",
                    dir.resolve("report.json").toString(), "--verbose"));
            assertEquals(0, ferry(dir, logs, "html", PASSWORD, "migrate", source.toString(), "--to", url, "--schema",
                    "again", "--report", dir.resolve("report.html").toString(), "--verbose"));
            assertEquals(4, ferry(dir, logs, "wrong", PASSWORD + "x", "migrate", source.toString(), "--to", url,
                    "--verbose"), "a refused password is a failure too, and its output must not echo it either");

            List<Path> files;
            try (Stream<Path> all = Files.walk(dir)) {
                files = all.filter(Files::isRegularFile).toList();
            }
            assertTrue(files.contains(dir.resolve("report.json")) && files.contains(dir.resolve("report.html")), files.toString());
            try (Stream<Path> log = Files.list(logs)) {
                assertTrue(log.findAny().isPresent(), "the run wrote a log");
            }
            assertTrue(Files.readString(dir.resolve("out-json.txt")).contains("Every table arrived"));
            byte[] needle = PASSWORD.getBytes(StandardCharsets.UTF_8);
            for (Path f : files) {
                assertFalse(contains(Files.readAllBytes(f), needle), "the password is in " + dir.relativize(f));
            }
            assertFalse(journal(admin).contains(PASSWORD), "the journal holds the password");
            System.out.println("searched " + files.size() + " files and the journal: no password");
        } finally {
            pg.execute("ALTER ROLE " + TestPostgres.PASSWORD_ROLE + " PASSWORD 'right-one'"); // what other tests expect
        }
    }

    /** Ferry in its own JVM, the password on standard input, output kept in files next to the reports. */
    static int ferry(Path dir, Path logs, String name, String password, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dferry.logdir=" + logs, "-cp", System.getProperty("java.class.path"), "dev.ferry.app.Main"));
        cmd.addAll(List.of(args));
        cmd.add("--password-stdin");
        Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out-" + name + ".txt").toFile())
                .redirectError(dir.resolve("err-" + name + ".txt").toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write((password + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Ferry finished");
        return p.exitValue();
    }

    static String journal(TargetAddress db) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (String t : List.of("runs", "objects", "progress")) {
            try (Connection c = TestPostgres.get().connect(db); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT row_to_json(x)::text FROM ferry_journal." + t + " x")) {
                while (rs.next()) {
                    sb.append(rs.getString(1)).append('\n');
                }
            }
        }
        assertTrue(sb.length() > 0, "the journal has rows");
        return sb.toString();
    }

    static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
