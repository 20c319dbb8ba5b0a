package dev.ferry.testing;

import dev.ferry.postgres.Secret;
import dev.ferry.postgres.TargetAddress;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL for the whole test run: an embedded server started on first use, or the
 * server named by FERRY_TEST_PG_URL. Each test asks for a fresh database, so tests never see each
 * other's tables. The embedded server asks role {@value #PASSWORD_ROLE} for a password (SCRAM),
 * so password handling is tested against the real thing; every other role is trusted.
 */
public final class TestPostgres {

    public static final String PASSWORD_ROLE = "ferry_pw";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static TestPostgres instance;

    private final TargetAddress admin;
    private final Secret adminPassword;
    private final boolean embedded;

    private TestPostgres(TargetAddress admin, Secret adminPassword, boolean embedded) {
        this.admin = admin;
        this.adminPassword = adminPassword;
        this.embedded = embedded;
    }

    public static synchronized TestPostgres get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestPostgres start() {
        String url = System.getenv("FERRY_TEST_PG_URL");
        if (url != null && !url.isBlank()) {
            TargetAddress a = TargetAddress.parse(url, System.getenv());
            Secret pw = a.passwordInUrl().isPresent() ? a.passwordInUrl()
                    : new Secret(System.getenv().getOrDefault("PGPASSWORD", null));
            return new TestPostgres(a, pw, false);
        }
        try {
            Path dir = Files.createTempDirectory("ferry-test-pg");
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                    .setServerConfig("fsync", "off").setServerConfig("max_connections", "200").start();
            Files.writeString(dir.resolve("pg_hba.conf"), "host all " + PASSWORD_ROLE + " all scram-sha-256\n"
                    + "host all all all trust\nlocal all all trust\n");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temporary folder goes with the server
                }
            }));
            TestPostgres t = new TestPostgres(TargetAddress.parse("postgresql://postgres@localhost:" + pg.getPort()
                    + "/postgres?sslmode=disable", Map.of()), Secret.NONE, true);
            t.execute("SELECT pg_reload_conf()");
            return t;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL", e);
        }
    }

    /** Creates an empty database and returns its address (as the admin user). */
    public TargetAddress freshDatabase() {
        String name = "ferry_t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute("CREATE DATABASE " + name);
        return withDatabase(admin, name);
    }

    public static TargetAddress withDatabase(TargetAddress a, String db) {
        return new TargetAddress(a.host(), a.port(), db, a.user(), a.params(), a.passwordInUrl());
    }

    public Secret adminPassword() {
        return adminPassword;
    }

    public boolean embedded() {
        return embedded;
    }

    /** Runs SQL as the admin on the server's maintenance database. */
    public void execute(String sql) {
        try (Connection c = connect(admin); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public Connection connect(TargetAddress a) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", a.user());
        if (adminPassword.isPresent()) {
            p.setProperty("password", adminPassword.reveal());
        }
        a.params().forEach(p::setProperty);
        return DriverManager.getConnection(a.jdbcUrl(), p);
    }

    /** Every row of a query in database {@code a}, its columns joined with '|' (NULL as "null"). */
    public java.util.List<String> rows(TargetAddress a, String sql) throws SQLException {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (Connection c = connect(a); java.sql.ResultSet rs = c.createStatement().executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    /** The libpq form of an address, for the command line's --to. */
    public static String url(TargetAddress a) {
        return "postgresql://" + a.user() + "@" + a.host() + ":" + a.port() + "/" + a.database() + "?sslmode="
                + a.params().getOrDefault("sslmode", "prefer");
    }
}
