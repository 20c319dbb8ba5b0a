package dev.ferry.postgres;

/**
 * Rows for {@code COPY ... FROM STDIN} in a reusable byte buffer: {@link CopyEncoder} (text) or
 * {@link BinaryCopyEncoder}. Values arrive already converted to their column's type (see
 * ValueConverter), in the order of the COPY's column list.
 */
public interface RowEncoder {

    /** What a COPY stream starts with (binary: its header); call after each {@code copyIn}. */
    void begin();

    void value(Object v);

    /** Text as SQLite stored it, as bytes; anything but valid UTF-8 without NUL marks it doubtful. */
    void utf8(byte[] v);

    /** A timestamp (without time zone) given as microseconds since 1970-01-01 00:00. */
    default void timestampMicros(long unixMicros) {
        value(dev.ferry.value.IsoTime.ofUnixMicros(unixMicros));
    }

    void endRow();

    /** What a COPY stream ends with (binary: its trailer); call before the last write of a stream. */
    void finish();

    /**
     * Whether the text written since the last call held a NUL or was not valid UTF-8 (or, from a
     * string, held U+FFFD, which is what the SQLite driver makes of invalid bytes): the caller looks
     * at the original bytes, so neither slips through unnoticed.
     */
    boolean takeDoubtful();

    int size();

    byte[] buffer();

    void reset();

    /** The COPY statement's options for this format, e.g. {@code " (FORMAT binary)"}. */
    String copyOptions();
}
