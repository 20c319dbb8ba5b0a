package dev.ferry.plan;

import dev.ferry.value.IsoTime;

import dev.ferry.schema.Column;
import dev.ferry.sqlite.ColumnProfile;

/**
 * How one column moves: its PostgreSQL name and type, the rule that chose the type (null when the
 * user chose it), and the default translated for PostgreSQL (null when none or untranslatable).
 *
 * @param generated the PostgreSQL expression of a generated column (GENERATED ALWAYS AS ... STORED):
 *                  PostgreSQL computes it, so its values are not copied; null for a plain column
 * @param collation {@link #NOCASE} when the column keeps SQLite's COLLATE NOCASE, else null
 */
public record ColumnPlan(Column source, String target, PgType type, TypeRule rule, TypeRule.Conversion conversion,
                         boolean identity, String defaultSql, ColumnProfile profile, Fix fix, String generated,
                         String collation) {

    /** Ferry's case-insensitive collation, created in the target schema (see Ddl#createCollation). */
    public static final String NOCASE = "nocase";

    public ColumnPlan(Column source, String target, PgType type, TypeRule rule, TypeRule.Conversion conversion,
                      boolean identity, String defaultSql, ColumnProfile profile) {
        this(source, target, type, rule, conversion, identity, defaultSql, profile, null, null, null);
    }

    public ColumnPlan(Column source, String target, PgType type, TypeRule rule, TypeRule.Conversion conversion,
                      boolean identity, String defaultSql, ColumnProfile profile, Fix fix) {
        this(source, target, type, rule, conversion, identity, defaultSql, profile, fix, null, null);
    }

    public ColumnPlan withGenerated(String expression) {
        return new ColumnPlan(source, target, type, rule, conversion, identity, defaultSql, profile, fix, expression, collation);
    }

    public ColumnPlan withCollation(String name, PgType newType) {
        return new ColumnPlan(source, target, newType, rule, conversion, identity, defaultSql, profile, fix, generated, name);
    }

    /** Whether its values travel with COPY (PostgreSQL computes a generated column itself). */
    public boolean copied() {
        return generated == null;
    }

    /** Whether the column may receive NULL for a value the user chose to store as NULL. */
    public boolean nullsForMisfits() {
        return fix != null && Problem.NULL.equals(fix.misfitAction());
    }

    /**
     * Whether its values reach PostgreSQL only as text: an array or vector column (a taken
     * suggestion) parses the array's text, where binary COPY would need the array's binary form.
     */
    public boolean textCopyOnly() {
        return conversion == TypeRule.Conversion.JSON_ARRAY || conversion == TypeRule.Conversion.JSON_FLOAT_ARRAY
                || conversion == TypeRule.Conversion.FLOAT32_ARRAY
                || conversion == TypeRule.Conversion.FLOAT32_VECTOR;
    }

    public String ruleName() {
        return rule == null ? "your choice" : rule.name();
    }

    /**
     * Whether values can be read as the bytes SQLite stored: text kept as text. A column with text
     * affinity can hold no number (SQLite turns numbers into text on the way in), so its bytes are
     * the text itself. A JSON column qualifies when the profile found only text in it (a number
     * would come out as SQLite writes it, and SQLite rounds a real to 15 digits).
     */
    /**
     * Whether values can be read as the bytes of ISO date-time text (see IsoTime#plainMicros): a
     * timestamp column the profile found only text in, taken as it is.
     */
    public boolean isoTimestampText() {
        return type.kind() == PgType.Kind.TIMESTAMP && conversion == TypeRule.Conversion.AS_IS && fix == null
                && copied() && profile != null && profile.nonNull() == profile.texts();
    }

    public boolean textAsBytes() {
        if (fix != null || textCopyOnly()) { // a JSON array or a blob of floats is rewritten as an array's text
            return false;
        }
        return switch (type.kind()) {
            case TEXT, VARCHAR -> source.affinity() == 'T';
            case JSONB -> source.affinity() == 'T' || profile != null && profile.nonNull() == profile.texts();
            default -> false;
        };
    }
}
