package dev.ferry.mapping;

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

    public enum Kind {
        DOES_NOT_FIT, DEFAULT_NOT_TRANSLATED, NAME_CHANGED, PRIMARY_KEY_NOT_CREATED, UNIQUE_NOT_CREATED,
        INDEX_NOT_CREATED, FOREIGN_KEY_NOT_CREATED, FOREIGN_KEY_VIOLATED, VIEW_NOT_CREATED,
        TRIGGER_NOT_TRANSLATED, TABLE_SKIPPED, CHECK_NOT_CREATED, CHECK_VIOLATED, GENERATED_COLUMN_KEPT_AS_DATA,
        COLLATION_NOT_KEPT;

        /** The kind as the report and the command line spell it: "does-not-fit". */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
