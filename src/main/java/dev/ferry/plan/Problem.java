package dev.ferry.plan;

import java.util.List;
import java.util.Locale;

/**
 * Something in the source that PostgreSQL will not take as it is, with what Ferry does about it.
 * Every problem reaches the plan, the command line and the report.
 *
 * @param column     null when the problem concerns a whole table or another object
 * @param count      how many values or rows it concerns (0 when not countable)
 * @param resolution what Ferry does, in a word the report and --on-problem use (e.g. "widen")
 * @param message    one plain sentence for the user
 */
public record Problem(String table, String column, Kind kind, long count, String resolution,
                      List<String> examples, String message) {

    /** Resolutions: the column takes a type that holds every value (the default for values that do not fit). */
    public static final String WIDEN = "widen";
    /** The value is stored as NULL and the original recorded in the rejects file. */
    public static final String NULL = "null";
    /** The whole row goes to the rejects file instead of PostgreSQL. */
    public static final String REJECT = "reject";
    /** Nothing is written: the run stops before it starts. */
    public static final String STOP = "stop";
    /** Text PostgreSQL cannot hold as text is kept byte for byte in a bytea column. */
    public static final String BYTEA = "bytea";
    /** Invalid UTF-8 becomes U+FFFD and NUL bytes are removed; every repaired value is recorded. */
    public static final String REPAIR = "repair";

    /** A full-text table becomes a plain table plus a tsvector column with a GIN index for searching. */
    public static final String SEARCH = "search";
    /** A virtual table becomes a plain table with its rows. */
    public static final String PLAIN = "plain";
    /** Left out and reported. */
    public static final String SKIP = "skip";
    /** The values change kind as planned (0/1 → true/false, date text → timestamp); the app must follow. */
    public static final String CONVERT = "convert";
    /** A column of mixed values whose every value is valid text stays text instead of becoming bytea. */
    public static final String TEXT = "text";

    /** Whether the user can choose how this problem is resolved. */
    public boolean choosable() {
        return kind.resolutions().size() > 1;
    }

    public enum Kind {
        DOES_NOT_FIT, DEFAULT_NOT_TRANSLATED, NAME_CHANGED, PRIMARY_KEY_NOT_CREATED, UNIQUE_NOT_CREATED,
        INDEX_NOT_CREATED, FOREIGN_KEY_NOT_CREATED, FOREIGN_KEY_VIOLATED, VIEW_NOT_CREATED,
        TRIGGER_NOT_TRANSLATED, TABLE_SKIPPED, UNSAFE_TEXT, FULL_TEXT_TABLE, VIRTUAL_TABLE, CHECK_NOT_CREATED,
        CHECK_VIOLATED, GENERATED_COLUMN_KEPT_AS_DATA, COLLATION_NOT_KEPT, LEFT_OUT,
        /** A column whose values change kind on the way, with what that means for the app (see KindChange). */
        KIND_CHANGED,
        /** Mixed values with blobs that become bytea, where keeping them as text loses nothing: a choice. */
        BYTES_OR_TEXT,
        /** A float32 vector column arriving as real[] because the server has no pgvector. */
        VECTOR_AS_ARRAY,
        /** UUIDs in text that stay text: some would read back in another form as uuid (see UuidText). */
        UUID_KEPT_AS_TEXT;

        /** The kind as the report and the command line spell it: "does-not-fit". */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /**
         * What the user may choose for a problem of this kind, the loss-free default first. Kinds
         * with one entry are reported, not chosen.
         */
        public List<String> resolutions() {
            return switch (this) {
                case DOES_NOT_FIT -> List.of(WIDEN, NULL, REJECT, STOP);
                case UNSAFE_TEXT -> List.of(BYTEA, REPAIR, REJECT, STOP);
                case FULL_TEXT_TABLE -> List.of(SEARCH, PLAIN, SKIP);
                case VIRTUAL_TABLE -> List.of(PLAIN, SKIP);
                case BYTES_OR_TEXT -> List.of(BYTEA, TEXT);
                default -> List.of();
            };
        }

        public static Kind byId(String id) {
            for (Kind k : values()) {
                if (k.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            return null;
        }
    }
}
