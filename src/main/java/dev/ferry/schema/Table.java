package dev.ferry.schema;

import java.util.List;
import java.util.Optional;

/**
 * A SQLite table.
 *
 * @param primaryKey  primary key column names in key order (empty when none is declared)
 * @param rowidAlias  the INTEGER PRIMARY KEY column that is an alias of the rowid, if any
 * @param virtualModule the module of a virtual table (fts5, rtree, ...), else null
 * @param checks      CHECK constraints, column and table ones, in the order written
 */
public record Table(String name, String sql, List<Column> columns, List<String> primaryKey,
                    String rowidAlias, boolean autoincrement, boolean withoutRowid, boolean strict,
                    String virtualModule, List<Index> indexes, List<ForeignKey> foreignKeys, List<Check> checks) {

    public Table(String name, String sql, List<Column> columns, List<String> primaryKey, String rowidAlias,
                 boolean autoincrement, boolean withoutRowid, boolean strict, String virtualModule, List<Index> indexes,
                 List<ForeignKey> foreignKeys) {
        this(name, sql, columns, primaryKey, rowidAlias, autoincrement, withoutRowid, strict, virtualModule, indexes,
                foreignKeys, List.of());
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }

    /**
     * A name that reads the rowid: {@code rowid}, {@code _rowid_} or {@code oid}, the first that no
     * column of the table hides; null for a WITHOUT ROWID table or when columns hide all three.
     */
    public String rowidName() {
        if (withoutRowid) {
            return null;
        }
        for (String name : List.of("rowid", "_rowid_", "oid")) {
            if (column(name).isEmpty()) {
                return name;
            }
        }
        return null;
    }

    public boolean isVirtual() {
        return virtualModule != null;
    }
}
