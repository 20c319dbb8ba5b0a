package dev.ferry.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Collections;

/**
 * Builds throwaway SQLite files for tests, so each test states its schema and rows inline instead of
 * shipping binary fixtures. Foreign keys stay at SQLite's default (off) so a test can also build a
 * deliberately broken file.
 *
 * <pre>{@code
 * try (SqliteFixture db = SqliteFixture.at(dir.resolve("t.sqlite"))) {
 *     db.sql("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)")
 *       .insert("t", new Object[] {1L, "a"}, new Object[] {2L, null});
 *     db.insert("t(name)", new Object[] {"only some columns"});
 * }
 * }</pre>
 */
public final class SqliteFixture implements AutoCloseable {

    private final Path path;
    private final Connection connection;

    private SqliteFixture(Path path, Connection connection) {
        this.path = path;
        this.connection = connection;
    }

    public static SqliteFixture at(Path path) throws SQLException {
        return new SqliteFixture(path, DriverManager.getConnection("jdbc:sqlite:" + path));
    }

    public Path path() {
        return path;
    }

    /** Runs the statements in one transaction. */
    public SqliteFixture sql(String... statements) throws SQLException {
        return inTransaction(() -> {
            try (Statement s = connection.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
        });
    }

    /**
     * Inserts the rows in one transaction. {@code table} may carry a column list, e.g. {@code "t(a, b)"};
     * otherwise every row must supply all columns in declaration order.
     */
    public SqliteFixture insert(String table, Object[]... rows) throws SQLException {
        if (rows.length == 0) {
            return this;
        }
        String marks = String.join(",", Collections.nCopies(rows[0].length, "?"));
        return inTransaction(() -> {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        bind(ps, i + 1, row[i]);
                    }
                    ps.executeUpdate();
                }
            }
        });
    }

    // Binding by Java type keeps the SQLite storage class predictable (0.99 as REAL, never TEXT).
    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            ps.setLong(index, ((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            ps.setDouble(index, ((Number) value).doubleValue());
        } else if (value instanceof Boolean b) {
            ps.setLong(index, b ? 1 : 0);
        } else if (value instanceof String s) {
            ps.setString(index, s);
        } else if (value instanceof byte[] bytes) {
            ps.setBytes(index, bytes);
        } else {
            throw new IllegalArgumentException("Cannot bind " + value.getClass().getName() + " at parameter " + index);
        }
    }

    private interface Work {
        void run() throws SQLException;
    }

    private SqliteFixture inTransaction(Work work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        return this;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
