package dev.ferry.run;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.RowFixer;
import dev.ferry.plan.SampleGuard;
import dev.ferry.plan.ValueGuard;
import java.util.function.Predicate;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.RowEncoder;
import dev.ferry.value.IsoTime;
import dev.ferry.verify.RowHasher;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How one column's value travels from SQLite's row to PostgreSQL's COPY: read, convert, hash (for
 * the source's checksum) and encode, each the same for every row. {@link TableCopier} makes one
 * step per column when it starts a table and runs them in order for every row, so the row loop
 * asks nothing about a column's type.
 *
 * <p>The kinds, from most to least special:
 * <ul>
 *   <li>{@link Computed}: a generated column. PostgreSQL computes it, so it is not sent; SQLite's
 *       value is still hashed, so the checksum proves PostgreSQL computed the same.</li>
 *   <li>{@link Fixed}: a column with the user's choice for values that do not fit or unsafe text
 *       ({@link RowFixer}): the fixer's value when it replaced one, else as {@link Converted}.</li>
 *   <li>{@link Utf8Text}: text (text, varchar, jsonb) sent as the bytes SQLite stored, no Java
 *       string on the way; the encoder checks UTF-8 as it copies.</li>
 *   <li>{@link IsoTimestamp}: date-time text, the commonest shape read straight from its bytes to
 *       microseconds; other shapes as {@link Converted}.</li>
 *   <li>{@link Converted}: everything else: integers, reals, numerics, booleans, blobs, dates,
 *       times, uuids, and text whose column may hold numbers, converted by {@code ValueConverter}.</li>
 * </ul>
 * Every value is hashed exactly as it is sent, so verification compares like with like.
 */
sealed interface ColumnStep {

    /**
     * Copies this column's value of the current row: hashes it and, unless PostgreSQL computes it,
     * encodes it.
     *
     * @param rowid the row's rowid, or 0 when the table has none (for messages)
     */
    void copy(ResultSet rs, RowEncoder enc, RowHasher hasher, long rowid) throws SQLException;

    /**
     * The steps of a table's columns, in column order.
     *
     * @param first the result-set index of the first column (2 when the query reads the rowid first)
     * @param fixer the table's fixer, or null when no column needs one
     */
    static ColumnStep[] of(TablePlan t, int first, RowFixer fixer) {
        return of(t, first, fixer, null);
    }

    /**
     * The same for a copy that reads the table's rows by rowid from SQLite's connection, whose check
     * of a JSON column is done in Java (see {@link SampleGuard#jsonInJava}).
     *
     * @param recheck SQLite's own test of a guard on one row, for a value Java cannot vouch for; null
     *                where SQLite checks every guard
     */
    static ColumnStep[] of(TablePlan t, int first, RowFixer fixer, GuardRecheck recheck) {
        ColumnStep[] steps = new ColumnStep[t.columns().size()];
        for (int i = 0; i < steps.length; i++) {
            ColumnPlan plan = t.columns().get(i);
            CopyColumn c = new CopyColumn(t.source().name(), plan, first + i, t.sampled());
            dev.ferry.plan.ColumnGuard guard = t.sampled() ? t.guards().get(i) : null;
            Predicate<Object> fits = ValueGuard.of(plan, guard);
            if (!plan.copied()) {
                steps[i] = new Computed(c, fits);
            } else if (plan.fix() != null) {
                steps[i] = new Fixed(fixer, i, new Converted(c, null));
            } else if (plan.textAsBytes()) {
                steps[i] = new Utf8Text(c, recheck != null && SampleGuard.jsonInJava(t, i) ? recheck : null, i);
            } else if (plan.isoTimestampText()) {
                steps[i] = new IsoTimestamp(c, new Converted(c, null), SampleGuard.isoShortcut(plan, guard));
            } else {
                steps[i] = new Converted(c, fits);
            }
        }
        return steps;
    }

    /**
     * A generated column: hashed from SQLite's value, not sent (PostgreSQL computes it).
     *
     * @param fits the guard of a table planned from a sample, checked on the value read (see
     *             {@link ValueGuard}); null when SQLite checks it or there is none
     */
    record Computed(CopyColumn c, Predicate<Object> fits) implements ColumnStep {
        @Override
        public void copy(ResultSet rs, RowEncoder enc, RowHasher hasher, long rowid) throws SQLException {
            Object v = rs.getObject(c.at());
            if (fits != null && v != null && !fits.test(v)) {
                throw c.notAsSampled(rowid);
            }
            hasher.value(v == null ? null : c.convert(v));
        }
    }

    /**
     * A value read as its storage class, converted to the column's PostgreSQL type, sent and hashed.
     *
     * @param fits as {@link Computed#fits}, tested on the value as SQLite stored it
     */
    record Converted(CopyColumn c, Predicate<Object> fits) implements ColumnStep {
        @Override
        public void copy(ResultSet rs, RowEncoder enc, RowHasher hasher, long rowid) throws SQLException {
            Object v = rs.getObject(c.at());
            if (fits != null && v != null && !fits.test(v)) {
                throw c.notAsSampled(rowid);
            }
            if (v instanceof String && c.plan().type().kind() == dev.ferry.plan.PgType.Kind.BYTEA) {
                v = RowFixer.read(rs, c.at(), c.plan().type().kind()); // the bytes SQLite stored
            }
            send(v, enc, hasher);
            if (enc.takeDoubtful()) { // the driver made a string of bytes that were not UTF-8, or it holds NUL
                c.checkText(rs.getBytes(c.at()), rowid);
            }
        }

        void send(Object v, RowEncoder enc, RowHasher hasher) {
            Object converted = v == null ? null : c.convert(v);
            c.encode(enc, converted);
            hasher.value(converted);
        }
    }

    /**
     * A column with the user's fix: where the fixer replaced this row's value (NULL for a misfit,
     * repaired text), that value is sent, already checked; else the value as SQLite holds it.
     *
     * @param column the column's position in the table (the fixer's numbering)
     */
    record Fixed(RowFixer fixer, int column, Converted usual) implements ColumnStep {
        @Override
        public void copy(ResultSet rs, RowEncoder enc, RowHasher hasher, long rowid) throws SQLException {
            if (!fixer.replaced(column)) {
                usual.copy(rs, enc, hasher, rowid);
                return;
            }
            usual.send(fixer.value(column), enc, hasher);
            enc.takeDoubtful(); // a repaired text is valid UTF-8 without NUL: nothing to look at
        }
    }

    /**
     * Text kept as text, copied as the bytes SQLite stored: no string is built, and the encoder
     * checks UTF-8 and NUL on the way. A column with text affinity holds no numbers (SQLite turns
     * them into text), so its bytes are the text itself (see {@link ColumnPlan#textAsBytes}).
     */
    /**
     * @param json   for a JSON column whose guard Java checks ({@link SampleGuard#jsonInJava}): SQLite's
     *               test of a value the checksum's parse did not take; else null
     * @param column the column's position in the table
     */
    record Utf8Text(CopyColumn c, GuardRecheck json, int column) implements ColumnStep {
        Utf8Text(CopyColumn c) {
            this(c, null, 0);
        }

        @Override
        public void copy(ResultSet rs, RowEncoder enc, RowHasher hasher, long rowid) throws SQLException {
            byte[] b = rs.getBytes(c.at());
            if (b == null) {
                enc.value(null);
            } else {
                enc.utf8(b);
                if (enc.takeDoubtful()) {
                    c.checkText(b, rowid);
                }
            }
            hasher.value(b); // a JSON column's value is parsed here, as jsonb prints it
            // the rule's test is json_valid and jsonb's: what the parse took, nested no deeper than
            // json_valid allows, passes it; anything else is judged by SQLite itself
            if (json != null && b != null && !hasher.lastJsonTaken(SampleGuard.SQLITE_JSON_DEPTH) && !json.fits(column, rowid)) {
                throw c.notAsSampled(rowid);
            }
        }
    }

    /**
     * Date-time text in a timestamp column: the commonest shape ('YYYY-MM-DD HH:MM:SS') goes
     * straight from its bytes to microseconds, no string or LocalDateTime per value (see
     * {@link IsoTime#plainMicros}); any other shape through the full reader.
     */
    /**
     * @param guarded the table was planned from a sample and SQLite checked only the class and the
     *                other shapes of this column (see {@link SampleGuard#isoShortcut}): the
     *                commonest shape is checked here
     */
    record IsoTimestamp(CopyColumn c, Converted other, boolean guarded) implements ColumnStep {
        /** 0001-01-01 00:00:00 in microseconds since 1970: the rule takes no year 0000. */
        private static final long YEAR_ONE = -62_135_596_800_000_000L;

        @Override
        public void copy(ResultSet rs, RowEncoder enc, RowHasher hasher, long rowid) throws SQLException {
            byte[] b = rs.getBytes(c.at());
            long micros = b == null ? IsoTime.NOT_PLAIN : IsoTime.plainMicros(b);
            if (guarded && b != null && (micros == IsoTime.NOT_PLAIN ? characters(b) == 19 : micros < YEAR_ONE)) {
                throw c.notAsSampled(rowid);
            }
            if (micros != IsoTime.NOT_PLAIN) {
                enc.timestampMicros(micros);
                hasher.timestampMicros(micros);
                return;
            }
            other.send(b == null ? null : new String(b, StandardCharsets.UTF_8), enc, hasher);
            if (enc.takeDoubtful()) {
                c.checkText(b, rowid);
            }
        }

        /** SQLite's length() of UTF-8 text: its characters, not its bytes. */
        private static int characters(byte[] b) {
            int n = 0;
            for (byte x : b) {
                n += (x & 0xC0) == 0x80 ? 0 : 1;
            }
            return n;
        }
    }
}
