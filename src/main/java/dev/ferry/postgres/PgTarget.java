package dev.ferry.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.FerryException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;

/**
 * The PostgreSQL side: a checked first connection (so a wrong password or an unreachable host is
 * told in plain words before anything starts), then a small pool for the parallel work. Every
 * session speaks ISO dates in UTC, so values read back compare exactly with what was written.
 */
public final class PgTarget implements AutoCloseable {

    static final String SESSION_SQL = "SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'; SET extra_float_digits = 3; "
            + "SET client_encoding = 'UTF8'";

    private final TargetAddress address;
    private final HikariDataSource pool;
    private final String serverVersion;
    private final int serverVersionNum;
    private final boolean encrypted;
    private final String encoding;

    private PgTarget(TargetAddress address, HikariDataSource pool, String version, int versionNum, boolean encrypted,
                     String encoding) {
        this.encoding = encoding;
        this.address = address;
        this.pool = pool;
        this.serverVersion = version;
        this.serverVersionNum = versionNum;
        this.encrypted = encrypted;
    }

    public static PgTarget connect(TargetAddress address, Secret password, int poolSize) {
        Properties props = properties(address, password);
        String version;
        int versionNum;
        boolean ssl;
        String encoding;
        try (Connection c = DriverManager.getConnection(address.jdbcUrl(), props);
             PreparedStatement ps = c.prepareStatement("SELECT current_setting('server_version'), "
                     + "current_setting('server_version_num')::int, coalesce((SELECT ssl FROM pg_stat_ssl "
                     + "WHERE pid = pg_backend_pid()), false), pg_is_in_recovery(), current_setting('server_encoding')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            version = rs.getString(1);
            versionNum = rs.getInt(2);
            ssl = rs.getBoolean(3);
            encoding = rs.getString(5);
            FerryException refused = ServerChecks.refuse(versionNum, version, rs.getBoolean(4), address);
            if (refused != null) {
                throw refused;
            }
        } catch (SQLException e) {
            throw explain(e, address);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(address.jdbcUrl());
        config.setDataSourceProperties(props);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(0);
        config.setConnectionInitSql(SESSION_SQL);
        config.setPoolName("ferry-target");
        config.setConnectionTimeout(30_000);
        return new PgTarget(address, new HikariDataSource(config), version, versionNum, ssl, encoding);
    }

    static Properties properties(TargetAddress address, Secret password) {
        Properties props = new Properties();
        props.setProperty("user", address.user());
        if (password.isPresent()) {
            props.setProperty("password", password.reveal());
        }
        address.params().forEach(props::setProperty);
        props.setProperty("ApplicationName", "Ferry");
        props.setProperty("connectTimeout", props.getProperty("connectTimeout", "10"));
        props.setProperty("tcpKeepAlive", "true");
        return props;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    public TargetAddress address() {
        return address;
    }

    public String serverVersion() {
        return serverVersion;
    }

    public int serverVersionNum() {
        return serverVersionNum;
    }

    /** The database's character encoding as PostgreSQL names it (UTF8, LATIN1, SQL_ASCII, WIN1252, ...). */
    public String encoding() {
        return encoding;
    }

    public boolean encrypted() {
        return encrypted;
    }

    /** Which of these table names already exist in the schema. */
    public Set<String> existingTables(String schema, Set<String> names) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (names.contains(rs.getString(1))) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    /** Turns a connection failure into what happened and what to do, never repeating the password. */
    public static FerryException explain(SQLException e, TargetAddress a) {
        return ServerChecks.explain(e, a);
    }

    /**
     * Creates the address's database (for --create-database), connected to the server's maintenance
     * database "postgres"; true when it was made, false when it was there already.
     */
    public static boolean createDatabase(TargetAddress a, Secret password) {
        TargetAddress maintenance = new TargetAddress(a.host(), a.port(), "postgres", a.user(), a.params(), a.passwordInUrl());
        try (Connection c = DriverManager.getConnection(maintenance.jdbcUrl(), properties(maintenance, password));
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, a.database());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + Naming.quote(a.database()));
            }
            return true;
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                throw new FerryException(FerryException.Kind.TARGET, "User '" + a.user() + "' may not create databases, so "
                        + "Ferry could not create '" + a.database() + "'.", "Ask an administrator to run: CREATE DATABASE "
                        + Naming.quote(a.database()) + " OWNER " + Naming.quote(a.user()) + "; then try again.", e);
            }
            throw explain(e, maintenance);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
