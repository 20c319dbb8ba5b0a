package dev.ferry.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.testing.ChinookLikeFixture;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server with TLS on, its certificate signed by a CA made here (openssl), naming only localhost.
 * sslmode=require encrypts without checking who answers; verify-full with the CA as sslrootcert
 * checks both the signature and the host name, so 127.0.0.1 is refused in plain words.
 */
class TlsTest {

    @Test
    void requireAndVerifyFull(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(File.separatorChar == '/' && new File("/usr/bin/openssl").canExecute()
                || onPath("openssl"), "makes its certificates with openssl");
        Path ca = certificates(dir);
        Path source = ChinookLikeFixture.write(Files.createDirectories(dir.resolve("src")));
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", dir.resolve("server.crt").toString())
                .setServerConfig("ssl_key_file", dir.resolve("server.key").toString()).start()) {
            int port = pg.getPort();
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port
                    + "/postgres?user=postgres&sslmode=disable"); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE req");
                s.execute("CREATE DATABASE full_check");
                s.execute("CREATE DATABASE plain");
            }
            String base = "postgresql://postgres@%s:" + port + "/%s?sslmode=%s";

            Run require = ferry("migrate", source.toString(), "--to", String.format(base, "localhost", "req", "require"));
            assertEquals(0, require.code(), require.all());
            assertTrue(require.out().contains(", encrypted)."), require.out());

            String full = String.format(base, "localhost", "full_check", "verify-full") + "&sslrootcert=" + ca;
            Run verified = ferry("migrate", source.toString(), "--to", full);
            assertEquals(0, verified.code(), verified.all());
            assertTrue(verified.out().contains(", encrypted)."), verified.out());

            Run plain = ferry("migrate", source.toString(), "--to", String.format(base, "localhost", "plain", "disable"));
            assertEquals(0, plain.code(), plain.all());
            assertTrue(plain.out().contains(", not encrypted)."), plain.out());

            String byIp = String.format(base, "127.0.0.1", "full_check", "verify-full") + "&sslrootcert=" + ca;
            Run mismatch = ferry("migrate", source.toString(), "--to", byIp, "--schema", "other");
            assertEquals(4, mismatch.code(), mismatch.all());
            assertTrue(mismatch.err().contains("certificate does not match the host name '127.0.0.1'"), mismatch.err());
            System.out.println("| verify-full against 127.0.0.1 | " + mismatch.err().lines().filter(l -> l.startsWith("Error:")).findFirst().orElse("") + " | 4 |");

            FerryException untrusted = org.junit.jupiter.api.Assertions.assertThrows(FerryException.class, () ->
                    PgTarget.connect(TargetAddress.parse(String.format(base, "localhost", "req", "verify-ca")
                            + "&sslrootcert=" + dir.resolve("other-ca.pem"), java.util.Map.of()), Secret.NONE, 1));
            assertFalse(untrusted.getMessage().contains("refused the connection"), untrusted.getMessage());
            System.out.println("| verify-ca with the wrong root certificate | Error: " + untrusted.getMessage() + " | 4 |");
        }
    }

    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Run ferry(String... args) {
        var r = dev.ferry.cli.CliRunner.run(args);
        return new Run(r[0] == null ? -1 : Integer.parseInt(r[0]), r[1], r[2]);
    }

    /** A CA, and a server certificate it signs for DNS name localhost only. */
    static Path certificates(Path dir) throws Exception {
        Files.writeString(dir.resolve("ext.cnf"), "subjectAltName=DNS:localhost\n");
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                "-subj", "/CN=Ferry Test CA");
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other-ca.key", "-out", "other-ca.pem",
                "-days", "2", "-subj", "/CN=Someone Else's CA"); // signed nothing here: trusting it trusts no server
        openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                "-subj", "/CN=localhost");
        openssl(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.crt", "-days", "2", "-extfile", "ext.cnf");
        Files.setPosixFilePermissions(dir.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
        return dir.resolve("ca.pem");
    }

    static void openssl(Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl " + String.join(" ", args) + ": "
                + Files.readString(dir.resolve("openssl.log")));
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(d, tool).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
