package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.ValueConverter;
import dev.ferry.postgres.RowEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * A column as the copy reads it: where its value sits in the query's row, and how a value that
 * goes wrong on the way is told to the user. Every {@link ColumnStep} holds one.
 *
 * @param table the source table's name, for messages
 * @param at    the value's index in the copy's result set (1-based, after the rowid when there is one)
 * @param sampled the table was planned from a sample: text that does not fit means planning it again
 *              from all its values (see {@link Replan}), not stopping the run
 */
record CopyColumn(String table, ColumnPlan plan, int at, boolean sampled) {

    CopyColumn(String table, ColumnPlan plan, int at) {
        this(table, plan, at, false);
    }

    /** Converts one non-null value to its PostgreSQL type's Java value (see {@link ValueConverter}). */
    Object convert(Object v) {
        try {
            return ValueConverter.convert(v, plan.type().kind(), plan.conversion());
        } catch (RuntimeException e) {
            if (plan.rule() == null) {
                throw chosenTypeMisfit(v, e);
            }
            throw new FerryException(FerryException.Kind.FAILED, "Table " + table + " has a value in column "
                    + plan.source().name() + " that does not fit " + plan.type().sql() + ": '" + v + "'.",
                    "The file changed since it was checked, or this is a bug in Ferry: please report it.", e);
        }
    }

    /** Said when a value does not fit a type the user chose (--type, or the wizard's type list): not a bug, a choice to change. */
    static final String CHOSEN_TYPE_MISFIT = "chosen-type-misfit";

    /**
     * A value that does not fit the type the user chose for its column (--type): the plan takes that
     * choice as given, so the copy is where it shows. Said as the user's choice to change, not as a
     * bug, and a resume would meet the same value again, so the way on is to undo and run again.
     */
    private FerryException chosenTypeMisfit(Object v, RuntimeException e) {
        String shown = String.valueOf(v);
        shown = shown.length() > 60 ? shown.substring(0, 60) + "…" : shown;
        return new FerryException(FerryException.Kind.FAILED, "Table " + table + " has a value in column "
                + plan.source().name() + " that does not fit " + plan.type().sql() + ", the type you chose for it: '"
                + shown + "'.", "Remove what this run made with ferry undo, then migrate again without --type "
                + table.toLowerCase(java.util.Locale.ROOT) + "." + plan.source().name().toLowerCase(java.util.Locale.ROOT)
                + "=" + plan.type().sql() + " (Ferry then chooses a type every value fits), or change that value in "
                + "SQLite first.", e).tagged(CHOSEN_TYPE_MISFIT);
    }

    /** A value of a table planned from a sample that its guard does not take: the table is planned again. */
    Replan notAsSampled(long rowid) {
        return new Replan(table, "Column " + plan.source().name() + " of table " + table
                + (rowid > 0 ? " (row with rowid " + rowid + ")" : "") + " holds a value its sample did not show");
    }

    /** Writes one converted value (or null) into the row being encoded. */
    void encode(RowEncoder enc, Object v) {
        try {
            enc.value(v);
        } catch (IllegalArgumentException | ArithmeticException e) {
            if (plan.rule() == null) {
                throw chosenTypeMisfit(v, e);
            }
            throw new FerryException(FerryException.Kind.FAILED, "Table " + table + " has a value in column "
                    + plan.source().name() + " that does not fit " + plan.type().sql() + ": '" + v + "' ("
                    + e.getMessage() + ").", "The file changed since it was checked, or this is a bug in Ferry: please report it.", e);
        }
    }

    /**
     * Text PostgreSQL cannot take as it is (a NUL byte), or that was not UTF-8 and would reach it
     * changed, stops the copy with a plain message: never a silent change. Called only when the
     * encoder found the text doubtful, so the common case costs nothing.
     *
     * @param rowid the row's rowid, or 0 when the table has none
     */
    void checkText(byte[] original, long rowid) {
        String where = "Column " + plan.source().name() + " of table " + table + (rowid > 0 ? " (row with rowid " + rowid + ")" : "");
        if (sampled && !dev.ferry.value.Utf8.safe(original)) {
            throw new Replan(table, where + " holds text with a NUL byte or bytes that are not UTF-8");
        }
        for (byte b : original) {
            if (b == 0) {
                throw new FerryException(FerryException.Kind.FAILED, where + " holds text with a NUL byte, which "
                        + "PostgreSQL's text cannot store. Ferry stopped rather than change it.",
                        "Remove the NUL bytes in SQLite (replace(col, char(0), '')) or choose --type for that column as bytea.");
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(original));
        } catch (CharacterCodingException e) {
            throw new FerryException(FerryException.Kind.FAILED, where + " holds text that is not valid UTF-8; "
                    + "copying it as text would change it. Ferry stopped rather than change it.",
                    "Choose --type for that column as bytea to keep the bytes exactly, or fix the text in SQLite.", e);
        }
    }
}
