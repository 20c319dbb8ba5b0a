package dev.ferry.plan;

import java.util.List;
import java.util.Locale;

/**
 * Something Ferry could also do for a column, beyond the loss-free plan: what an app on
 * PostgreSQL would usually want (a native array, an enum, an index), found in the data. Never
 * done unless the user takes it ({@code --suggest KIND:TABLE.COLUMN}, or a tick in the wizard).
 *
 * @param table   the SQLite table
 * @param column  the SQLite column (for an index on several columns, the first)
 * @param does    what taking it does, one plain sentence
 * @param why     why Ferry thinks it fits: what the data shows
 * @param details what taking it needs: an enum's labels, an array's element type, a vector's size,
 *                an index's columns (target names)
 * @param taken      whether the user took it
 * @param notCreated why a taken one is not carried out after all, in the command line's words
 *                   ("--leave-out indexes"); null when it is, or was not taken
 */
public record Suggestion(Kind kind, String table, String column, String does, String why, List<String> details,
                         boolean taken, String notCreated) {

    public Suggestion {
        details = List.copyOf(details);
    }

    public Suggestion(Kind kind, String table, String column, String does, String why, List<String> details, boolean taken) {
        this(kind, table, column, does, why, details, taken, null);
    }

    /** Whether this plan carries it out: taken, and not left out with what it makes. */
    public boolean done() {
        return taken && notCreated == null;
    }

    /** An index suggestion left out with every index (it stays taken, so the wizard keeps its tick). */
    public boolean isIndex() {
        return kind == Kind.FK_INDEX || kind == Kind.GIN;
    }

    /** The kinds, as {@code --suggest} names them. */
    public enum Kind {
        /** An index on a foreign key's columns, which PostgreSQL does not make by itself. */
        FK_INDEX("fk-index"),
        /** A GIN index on a jsonb column, for containment and key queries. */
        GIN("gin"),
        /** date for text that holds only ISO dates. */
        DATE("date"),
        /** An enum type for a column whose CHECK lists its values. */
        ENUM("enum"),
        /** A native array for text holding JSON arrays of one kind of scalar. */
        ARRAY("array"),
        /** vector(n) (pgvector) or real[] for blobs of n float32s. */
        VECTOR("vector");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Kind byId(String id) {
            for (Kind k : values()) {
                if (k.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            throw new IllegalArgumentException("'" + id + "' is not a kind of suggestion; those are array, enum, gin, "
                    + "fk-index, date and vector.");
        }
    }

    /** As {@code --suggest} takes it: "date:orders.placed_on". */
    public String id() {
        return kind.id() + ":" + table + "." + column;
    }

    /** Whether this is the suggestion a {@code --suggest} value names (table and column in any case). */
    public boolean named(String value) {
        return id().equalsIgnoreCase(value.trim());
    }

    public Suggestion take() {
        return new Suggestion(kind, table, column, does, why, details, true, notCreated);
    }

    /** The same suggestion, said not to be carried out for this reason. */
    public Suggestion notCreated(String reason) {
        return new Suggestion(kind, table, column, does, why, details, taken, reason);
    }
}
