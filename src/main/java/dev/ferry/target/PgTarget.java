package dev.ferry.target;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.FerryException;
import java.net.ConnectException;
import java.net.UnknownHostException;
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

    private PgTarget(TargetAddress address, HikariDataSource pool, String version, int versionNum, boolean encrypted) {
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
        try (Connection c = DriverManager.getConnection(address.jdbcUrl(), props);
             PreparedStatement ps = c.prepareStatement("SELECT current_setting('server_version'), "
                     + "current_setting('server_version_num')::int, coalesce((SELECT ssl FROM pg_stat_ssl "
                     + "WHERE pid = pg_backend_pid()), false)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            version = rs.getString(1);
            versionNum = rs.getInt(2);
            ssl = rs.getBoolean(3);
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
        return new PgTarget(address, new HikariDataSource(config), version, versionNum, ssl);
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
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = a.host() + ":" + a.port();
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message;
        String advice;
        if (state.equals("28P01") || (state.equals("28000") && String.valueOf(e.getMessage()).contains("password"))) {
            message = "PostgreSQL rejected the password for user '" + a.user() + "'.";
            advice = "Check the password (from PGPASSWORD, ~/.pgpass, --password-stdin or the prompt) and the user name.";
        } else if (state.startsWith("28")) {
            message = "PostgreSQL did not let user '" + a.user() + "' connect to database '" + a.database() + "'.";
            advice = "Ask the server's administrator to allow this user (pg_hba.conf) or use another user.";
        } else if (state.equals("3D000")) {
            message = "There is no database '" + a.database() + "' on " + where + ".";
            advice = "Create it first (for example: createdb " + a.database() + ") or give the name of an existing one.";
        } else if (root instanceof UnknownHostException) {
            message = "The host name '" + a.host() + "' is unknown.";
            advice = "Check the spelling of the host, or use its IP address.";
        } else if (root instanceof ConnectException || state.equals("08001") || state.equals("08004")) {
            message = "Nothing answered at " + where + ": PostgreSQL could not be reached.";
            advice = "Check the host and port, that the server is running, and that it accepts TCP connections.";
        } else {
            message = "PostgreSQL at " + where + " refused the connection: " + e.getMessage();
            advice = "Check the address and the server's settings.";
        }
        return new FerryException(FerryException.Kind.TARGET, message, advice, e);
    }

    @Override
    public void close() {
        pool.close();
    }
}
