package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.ferry.FerryException;
import dev.ferry.postgres.ServerChecks;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.ChinookLikeFixture;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input, on the real command line: the plain message and the exit code. Each
 * case prints a row of docs/bad-input.md ("| input | message | exit |") from what it saw.
 */
class BadInputTest {

    /** What a case runs: standard input, the arguments, and what to release afterwards (a writer's lock). */
    record Setup(String stdin, List<String> args, AutoCloseable after) {
    }

    interface Maker {
        Setup make(Path dir) throws Exception;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("missing path", (Maker) d -> source(d.resolve("nope.db")), 3, "There is no file at"),
                arguments("a directory", (Maker) d -> source(d), 3, "is a folder, not a SQLite file"),
                arguments("an empty (0-byte) file", (Maker) d -> source(Files.createFile(d.resolve("empty.db"))), 3, "is empty"),
                arguments("a non-SQLite file", (Maker) d -> source(Files.writeString(d.resolve("notes.db"),
                        "these are my notes, not a database\n".repeat(200))), 3, "is not a SQLite database"),
                arguments("a truncated SQLite file", (Maker) d -> source(truncated(d)), 3, "is damaged"),
                arguments("a corrupt SQLite file", (Maker) d -> source(corrupt(d)), 3, "is damaged"),
                arguments("an encrypted (SQLCipher-like) file", (Maker) d -> source(encrypted(d)), 3, "looks encrypted"),
                arguments("a database with no tables", (Maker) d -> source(noTables(d)), 3, "has no tables"),
                arguments("a file locked by an exclusive writer", (Maker) BadInputTest::locked, 3, "Another program is writing"),
                arguments("a host that never answers", (Maker) BadInputTest::silent, 4, "could not be reached"),
                arguments("wrong port", (Maker) d -> target("postgresql://app@localhost:" + freePort() + "/db"), 4,
                        "Nothing answered at localhost:"),
                arguments("wrong port, another program listens there", (Maker) BadInputTest::notPostgres, 4,
                        "is not a PostgreSQL server"),
                arguments("unknown host name", (Maker) d -> target("postgresql://app@no-such-host.invalid/db"), 4,
                        "The host name 'no-such-host.invalid' is unknown"),
                arguments("wrong password", (Maker) BadInputTest::wrongPassword, 4, "PostgreSQL rejected the password"),
                arguments("no password given, no terminal", (Maker) BadInputTest::noPassword, 4,
                        "PostgreSQL asked for a password for user '" + TestPostgres.PASSWORD_ROLE + "', and none was given"),
                arguments("missing database", (Maker) d -> target(missingDatabase()), 4, "There is no database"),
                arguments("missing database with --create-database", (Maker) d -> target(missingDatabase(),
                        "--create-database"), 0, "Created database"),
                arguments("no CREATE privilege on the schema", (Maker) BadInputTest::noCreate, 4, "may not create tables"),
                arguments("TLS required, server without TLS", (Maker) d -> {
                    TargetAddress db = TestPostgres.get().freshDatabase();
                    return target(TestPostgres.url(db).replace("sslmode=disable", "sslmode=require"));
                }, 4, "does not offer encrypted connections"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsToldPlainly(String input, Maker maker, int code, String expected, @TempDir Path dir) throws Exception {
        Setup s = maker.make(dir);
        CommandLineTest.Run r;
        try {
            r = CommandLineTest.ferry(s.stdin(), s.args().toArray(String[]::new));
        } finally {
            if (s.after() != null) {
                s.after().close();
            }
        }
        String shown = r.err().lines().filter(l -> l.startsWith("Error: ") || l.startsWith("Created")).findFirst()
                .orElse(r.err().lines().findFirst().orElse("")).replace(dir.toString(), "…");
        System.out.println("| " + input + " | " + shown.replace("|", "\\|") + " | " + r.code() + " |");
        assertEquals(code, r.code(), r.all());
        assertTrue(r.err().contains(expected), r.err());
        if (code != 0) {
            assertTrue(r.err().contains("What to do: "), "every refusal says what to do: " + r.err());
        }
    }

    @Test
    void oldServersAndStandbysAreRefused() {
        TargetAddress a = TargetAddress.parse("postgresql://app@db.example:5432/app", Map.of());
        FerryException old = ServerChecks.refuse(110_022, "11.22", false, a);
        assertNotNull(old);
        assertEquals(FerryException.Kind.TARGET, old.kind());
        System.out.println("| a server below PostgreSQL 12 (unit test) | Error: " + old.getMessage() + " | 4 |");
        assertTrue(old.getMessage().contains("Ferry needs PostgreSQL 12 or newer"), old.getMessage());
        FerryException standby = ServerChecks.refuse(160_004, "16.4", true, a);
        assertNotNull(standby);
        System.out.println("| a read-only standby (unit test) | Error: " + standby.getMessage() + " | 4 |");
        assertTrue(standby.getMessage().contains("read-only standby"), standby.getMessage());
        assertNull(ServerChecks.refuse(120_000, "12.0", false, a));
    }

    static Setup source(Path file) {
        TargetAddress db = TestPostgres.get().freshDatabase();
        return new Setup(null, List.of("migrate", file.toString(), "--to", TestPostgres.url(db)), null);
    }

    static Setup target(String url, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("migrate", chinook().toString(), "--to", url));
        args.addAll(List.of(more));
        return new Setup(null, args, null);
    }

    private static Path chinook;

    /** A sound source for the PostgreSQL cases, made once (not CommandLineTest's: its folder goes with that class). */
    static synchronized Path chinook() throws Exception {
        if (chinook == null) {
            Path dir = Files.createTempDirectory("ferry-bad-input");
            dir.toFile().deleteOnExit();
            chinook = ChinookLikeFixture.write(dir);
            chinook.toFile().deleteOnExit();
        }
        return chinook;
    }

    static Path sample(Path dir, String name) throws Exception {
        Path file = dir.resolve(name);
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
                            + "INSERT INTO notes SELECT i, printf('note number %d, with some words', i) FROM n");
        }
        return file;
    }

    static Path truncated(Path dir) throws Exception {
        Path file = sample(dir, "truncated.db");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        return file;
    }

    static Path corrupt(Path dir) throws Exception {
        Path file = sample(dir, "corrupt.db");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] junk = new byte[4096];
            new Random(7).nextBytes(junk);
            f.seek(f.length() / 2 - f.length() / 2 % 4096); // a whole page in the middle
            f.write(junk);
        }
        return file;
    }

    static Path encrypted(Path dir) throws Exception {
        byte[] bytes = new byte[16 * 4096]; // a 16-byte salt, then pages of ciphertext: all of it random
        new Random(42).nextBytes(bytes);
        return Files.write(dir.resolve("secret.db"), bytes);
    }

    static Path noTables(Path dir) throws Exception {
        Path file = dir.resolve("blank.db");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE t (a)", "DROP TABLE t");
        }
        return file;
    }

    static Setup locked(Path dir) throws Exception {
        Path file = sample(dir, "busy.db");
        Connection writer = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA journal_mode = DELETE"); // a rollback journal: an exclusive writer shuts out readers
            s.execute("BEGIN EXCLUSIVE");
            s.execute("DELETE FROM notes WHERE id = 1");
        }
        Setup s = source(file);
        return new Setup(null, s.args(), writer::close);
    }

    static Setup wrongPassword(Path dir) throws Exception {
        TestPostgres.get().execute("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
                + TestPostgres.PASSWORD_ROLE + "') THEN CREATE ROLE " + TestPostgres.PASSWORD_ROLE
                + " LOGIN PASSWORD 'right-one'; END IF; END$$");
        TargetAddress db = TestPostgres.get().freshDatabase();
        String url = "postgresql://" + TestPostgres.PASSWORD_ROLE + "@" + db.host() + ":" + db.port() + "/" + db.database();
        return new Setup("not-the-password", List.of("migrate", chinook().toString(), "--to", url, "--password-stdin"), null);
    }

    /** The password role, with no password from anywhere: no PGPASSWORD (tests run without one), no stdin. */
    static Setup noPassword(Path dir) throws Exception {
        Setup s = wrongPassword(dir);
        List<String> args = new ArrayList<>(s.args());
        args.remove("--password-stdin");
        return new Setup(null, args, null);
    }

    static String missingDatabase() {
        TargetAddress db = TestPostgres.get().freshDatabase();
        return TestPostgres.url(TestPostgres.withDatabase(db, db.database() + "_missing"));
    }

    static Setup noCreate(Path dir) throws Exception {
        TestPostgres.get().execute("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ferry_nocreate') "
                + "THEN CREATE ROLE ferry_nocreate LOGIN; END IF; END$$");
        TargetAddress db = TestPostgres.get().freshDatabase();
        try (Connection c = TestPostgres.get().connect(db); Statement s = c.createStatement()) {
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        }
        TargetAddress as = new TargetAddress(db.host(), db.port(), db.database(), "ferry_nocreate", db.params(), db.passwordInUrl());
        return target(TestPostgres.url(as));
    }

    /** A port where something answers and hangs up at once, as a web server would to PostgreSQL's greeting. */
    static Setup notPostgres(Path dir) throws Exception {
        ServerSocket server = new ServerSocket(0);
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (java.net.Socket s = server.accept()) {
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } catch (java.io.IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        Setup s = target("postgresql://app@localhost:" + server.getLocalPort() + "/db");
        return new Setup(null, s.args(), server::close);
    }

    /**
     * A port on this machine that takes the connection and then says nothing, as a host behind a
     * firewall that swallows packets looks to a client (no traffic leaves the machine).
     */
    static Setup silent(Path dir) throws Exception {
        ServerSocket server = new ServerSocket(0);
        List<java.net.Socket> held = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    held.add(server.accept()); // accepted, never answered
                } catch (java.io.IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        Setup s = target("postgresql://app@127.0.0.1:" + server.getLocalPort() + "/db?connectTimeout=2&socketTimeout=2&loginTimeout=2");
        return new Setup(null, s.args(), () -> {
            server.close();
            for (java.net.Socket h : held) {
                h.close();
            }
        });
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
