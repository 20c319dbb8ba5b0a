package dev.ferry.verify;

/** One table's verification: rows and checksum on each side. */
public record TableCheck(String source, String target, long sourceRows, long targetRows, long sourceChecksum,
                         long targetChecksum, double seconds) {

    public boolean countsMatch() {
        return sourceRows == targetRows;
    }

    public boolean checksumMatch() {
        return countsMatch() && sourceChecksum == targetChecksum;
    }
}
