package dev.ferry.plan;

import dev.ferry.schema.Column;
import dev.ferry.sqlite.ColumnProfile;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One row of the type-mapping table: for which declared types it applies, whether the data fits
 * (decided from the storage-class counts where they suffice, else by a per-value SQL test run in
 * SQLite), and the PostgreSQL type it gives.
 *
 * @param family     rules of one family are alternatives for the same declared type; leaving the
 *                   declared family because the data does not fit is reported as a problem
 * @param valueSql   a SQLite expression over a non-null value {@code {c}}, true when the value fits
 * @param needsData  the rule is only chosen when the column holds at least one value
 */
public record TypeRule(String name, String declared, String pgType, String family,
                       Predicate<Column> applies, Function<ColumnProfile, Fit> fit, Function<Column, String> valueSql,
                       BiFunction<Column, ColumnProfile, PgType> type, Conversion conversion, boolean needsData) {

    /** What the storage-class counts alone say about the fit. */
    public enum Fit { YES, NO, ASK }

    /**
     * How values are read when they need more than a cast (dates stored as numbers; a JSON array
     * into an array column, see value.PgArrayText, its numbers as doubles for a double precision[];
     * a blob of float32s into real[] or a pgvector vector, see value.Float4Text).
     */
    public enum Conversion { AS_IS, EPOCH_SECONDS, EPOCH_MILLIS, JULIAN_DAY, JSON_ARRAY, JSON_FLOAT_ARRAY, FLOAT32_ARRAY,
        FLOAT32_VECTOR }

    /** The per-value test for this column, with the column's quoted name in place. */
    public String valueSql(Column column, String quotedColumn) {
        return valueSql.apply(column).replace("{c}", quotedColumn);
    }
}
