package dev.ferry.schema;

import java.util.List;

/**
 * An index or a UNIQUE / PRIMARY KEY constraint as SQLite keeps it.
 *
 * @param columns    column names in order; an entry is null where the index has an expression there
 * @param descending one flag per entry of {@code columns}
 * @param origin     how SQLite made it: CREATE INDEX, a UNIQUE constraint, or the PRIMARY KEY
 * @param sql        the CREATE INDEX text, null for indexes SQLite made for a constraint
 */
public record Index(String name, String table, List<String> columns, List<Boolean> descending,
                    boolean unique, Origin origin, boolean partial, String sql) {

    public enum Origin { CREATE_INDEX, UNIQUE_CONSTRAINT, PRIMARY_KEY }

    public boolean hasExpressions() {
        return columns.stream().anyMatch(c -> c == null);
    }
}
