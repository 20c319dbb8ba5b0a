package dev.ferry.sqlite;

import dev.ferry.schema.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A first look at a SQLite file, before any plan: its size and write-ahead log, its catalog, a
 * row count per table, SQLite's quick check and the foreign keys the data breaks. One read-only
 * connection from {@link SqliteSource}, asked one question at a time so the caller can show
 * progress and stop between tables.
 */
public final class Survey implements AutoCloseable {

    /** Enough to tell "some" from "none"; a broken file could have millions. */
    static final int FK_CAP = 1_000_000;

    private final SqliteSource source;
    private final Connection c;

    private Survey(SqliteSource source, Connection c) {
        this.source = source;
        this.c = c;
    }

    public static Survey open(Path file) throws SQLException {
        SqliteSource source = SqliteSource.open(file);
        return new Survey(source, source.connect());
    }

    public Path file() {
        return source.file();
    }

    public long bytes() throws IOException {
        return Files.size(source.file());
    }

    /** Size of the write-ahead log beside the file: changes not yet in the file itself. */
    public long walBytes() throws IOException {
        Path wal = Path.of(source.file() + "-wal");
        return Files.isRegularFile(wal) ? Files.size(wal) : 0;
    }

    public Catalog catalog() throws SQLException {
        return new CatalogReader(c).read();
    }

    public long rows(String table) throws SQLException {
        return count("SELECT count(*) FROM " + SqliteSource.quote(table));
    }

    /** The first {@code lines} lines of PRAGMA quick_check: just "ok" when the file is intact. */
    public List<String> quickCheck(int lines) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check(" + lines + ")")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Rows whose foreign key points nowhere, capped at {@link #FK_CAP}; -1 when SQLite could not tell. */
    public long foreignKeyViolations() {
        try {
            return count("SELECT count(*) FROM (SELECT 1 FROM pragma_foreign_key_check LIMIT " + FK_CAP + ")");
        } catch (SQLException e) {
            return -1; // a virtual table the driver lacks the module for, for one: not worth stopping for
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
