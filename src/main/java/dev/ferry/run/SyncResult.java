package dev.ferry.run;

import dev.ferry.verify.TableCheck;
import java.time.Duration;
import java.util.List;

/**
 * What a final sync did: per table the rows it inserted, updated and deleted in PostgreSQL, and
 * the verification that followed; and how long it took, which is how long the app had to be stopped.
 *
 * @param took the sync's own time, from reading the file to the last check
 */
public record SyncResult(List<Table> tables, Duration took) {

    public SyncResult {
        tables = List.copyOf(tables);
    }

    /** How a table's PostgreSQL side was checked after the sync. */
    public enum Proof {
        /**
         * not written to: the comparison had just matched every row's checksum on both sides, or, for a
         * table compared by its marks ({@link Table#byMarks}), none of its rows' stored records had
         * changed in the file and PostgreSQL still held just the rows Ferry had written and verified
         */
        COMPARED,
        /** PostgreSQL read every row of it again after the writes */
        READ_AGAIN,
        /**
         * a large table written to: PostgreSQL read back the rows written, inside the sync's
         * transaction; its checksum is the compared one less the rows replaced or deleted, plus those
         */
        WRITTEN_ROWS
    }

    /**
     * One table's sync.
     *
     * @param whole the table has no key to match rows by: it was compared whole and, as it differed,
     *              copied again whole (then {@code inserted} counts its rows and {@code deleted} the rows it replaced)
     * @param check rows and checksums of both sides after the sync
     * @param proof how PostgreSQL's side of {@code check} was made after the writes
     * @param byMarks the changes were found from the rows' stored records in the file: only rows whose
     *                record is new, changed or gone were read, on both sides
     * @param read    SQLite rows read to find the changes (all of them, unless {@code byMarks})
     * @param why     when not {@code byMarks}, why every row was compared, in plain words; else null
     */
    public record Table(String source, String target, long inserted, long updated, long deleted, boolean whole,
                        TableCheck check, Proof proof, boolean byMarks, long read, String why) {

        /** A table compared row by row. */
        public Table(String source, String target, long inserted, long updated, long deleted, boolean whole,
                     TableCheck check, Proof proof) {
            this(source, target, inserted, updated, deleted, whole, check, proof, false, check.sourceRows(), null);
        }

        public boolean changed() {
            return inserted + updated + deleted > 0;
        }
    }

    /** Every table is the same on both sides now: rows and checksums. */
    public boolean verified() {
        return tables.stream().allMatch(t -> t.check().checksumMatch());
    }

    public long inserted() {
        return tables.stream().mapToLong(Table::inserted).sum();
    }

    public long updated() {
        return tables.stream().mapToLong(Table::updated).sum();
    }

    public long deleted() {
        return tables.stream().mapToLong(Table::deleted).sum();
    }
}
