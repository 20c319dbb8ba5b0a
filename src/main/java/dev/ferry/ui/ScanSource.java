package dev.ferry.ui;

import dev.ferry.schema.Catalog;
import dev.ferry.schema.Table;
import dev.ferry.sqlite.CatalogReader;
import dev.ferry.sqlite.SqliteSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javafx.concurrent.Task;

/**
 * Reads a SQLite file for the summary card, read-only through the engine's {@link SqliteSource}:
 * the catalog, a row count per table, PRAGMA quick_check and the foreign keys the data breaks.
 */
final class ScanSource extends Task<SourceSummary> {

    private final Path file;

    ScanSource(Path file) {
        this.file = file;
        updateTitle("scan-source");
    }

    @Override
    protected SourceSummary call() throws Exception {
        updateMessage(Text.get("source.scan.open"));
        SqliteSource source = SqliteSource.open(file);
        long bytes = Files.size(source.file());
        Path wal = Path.of(source.file() + "-wal");
        long walBytes = Files.isRegularFile(wal) ? Files.size(wal) : 0;
        try (Connection c = source.connect()) {
            Catalog catalog = new CatalogReader(c).read();
            List<Table> tables = catalog.tables().stream().filter(t -> !t.isVirtual()).toList();
            List<SourceSummary.TableRows> rows = new ArrayList<>();
            for (Table t : tables) {
                if (isCancelled()) {
                    return null;
                }
                updateMessage(Text.get("source.scan.count", t.name()));
                updateProgress(rows.size(), tables.size() + 1);
                rows.add(new SourceSummary.TableRows(t.name(), count(c, "SELECT count(*) FROM " + SqliteSource.quote(t.name()))));
            }
            updateMessage(Text.get("source.scan.check"));
            List<String> integrity = lines(c, "PRAGMA quick_check(5)");
            long fk = foreignKeyViolations(c);
            updateProgress(1, 1);
            return new SourceSummary(source.file(), bytes, List.copyOf(rows), catalog.views().size(),
                    catalog.triggers().size(), catalog.tables().stream().filter(Table::isVirtual).map(Table::name).toList(),
                    integrity, walBytes, fk);
        }
    }

    /** Capped: the number matters only as "some" versus "none", and a broken file could have millions. */
    private static long foreignKeyViolations(Connection c) {
        try {
            return count(c, "SELECT count(*) FROM (SELECT 1 FROM pragma_foreign_key_check LIMIT 1000000)");
        } catch (SQLException e) {
            return -1; // a virtual table the driver lacks the module for, for one: not worth stopping for
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static List<String> lines(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
