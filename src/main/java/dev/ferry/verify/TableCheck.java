package dev.ferry.verify;

/**
 * One table's verification: rows and checksum on each side.
 *
 * @param sourceRows the SQLite rows sent to PostgreSQL (rows the user chose to reject are not)
 * @param rejected   SQLite rows sent to the rejects file instead, by the user's choice
 */
public record TableCheck(String source, String target, long sourceRows, long targetRows, long sourceChecksum,
                         long targetChecksum, double seconds, long rejected) {

    public TableCheck(String source, String target, long sourceRows, long targetRows, long sourceChecksum,
                      long targetChecksum, double seconds) {
        this(source, target, sourceRows, targetRows, sourceChecksum, targetChecksum, seconds, 0);
    }

    /** Every row of the SQLite table: those sent and those rejected. */
    public long sqliteRows() {
        return sourceRows + rejected;
    }

    public boolean countsMatch() {
        return sourceRows == targetRows;
    }

    public boolean checksumMatch() {
        return countsMatch() && sourceChecksum == targetChecksum;
    }
}
