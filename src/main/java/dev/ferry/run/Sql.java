package dev.ferry.run;

import dev.ferry.SqlResources;

/**
 * The run package's SQL, kept in resources beside this class so it reads as SQL: whole scripts
 * (journal.sql), and the named queries of queries.sql.
 */
final class Sql {

    private static final SqlResources QUERIES = SqlResources.named(Sql.class, "queries.sql");

    private Sql() {
    }

    static String query(String name) {
        return QUERIES.get(name);
    }

    /** A template of queries.sql filled in (see {@link SqlResources#fill}). */
    static String fill(String name, String... keysAndValues) {
        return QUERIES.fill(name, keysAndValues);
    }

    static String text(String resource) {
        return SqlResources.text(Sql.class, resource);
    }
}
