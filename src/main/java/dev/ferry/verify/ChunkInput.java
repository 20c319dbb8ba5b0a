package dev.ferry.verify;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Big-endian reads over a sequence of byte chunks, such as the messages of COPY ... TO STDOUT.
 * Reading each message in place saves the copying and locking of stream wrappers, which cost more
 * than the parsing when a table is read back for verification.
 */
final class ChunkInput {

    /** The next chunk, or null after the last. */
    @FunctionalInterface
    interface Chunks {
        byte[] next() throws IOException;
    }

    private final Chunks chunks;
    private ByteBuffer buf = ByteBuffer.allocate(0);

    ChunkInput(Chunks chunks) {
        this.chunks = chunks;
    }

    /** True when there is nothing more to read. */
    boolean atEnd() throws IOException {
        return !ensure(1, false);
    }

    byte readByte() throws IOException {
        ensure(1, true);
        return buf.get();
    }

    short readShort() throws IOException {
        ensure(2, true);
        return buf.getShort();
    }

    int readUnsignedShort() throws IOException {
        return readShort() & 0xFFFF;
    }

    int readInt() throws IOException {
        ensure(4, true);
        return buf.getInt();
    }

    long readLong() throws IOException {
        ensure(8, true);
        return buf.getLong();
    }

    double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    byte[] readBytes(int n) throws IOException {
        ensure(n, true);
        byte[] out = new byte[n];
        buf.get(out);
        return out;
    }

    /**
     * Makes the next n bytes readable in one array and steps over them; {@link #array()} and
     * {@link #offsetOfLast(int)} then say where they lie, so they can be used without a copy.
     */
    void take(int n) throws IOException {
        ensure(n, true);
        buf.position(buf.position() + n);
    }

    byte[] array() {
        return buf.array();
    }

    /** Where in {@link #array()} the n bytes just taken begin. */
    int offsetOfLast(int n) {
        return buf.arrayOffset() + buf.position() - n;
    }

    void skip(int n) throws IOException {
        ensure(n, true);
        buf.position(buf.position() + n);
    }

    /** Makes n bytes readable, joining chunks when a value spans two of them. */
    private boolean ensure(int n, boolean required) throws IOException {
        while (buf.remaining() < n) {
            byte[] next = chunks.next();
            if (next == null) {
                if (required) {
                    throw new EOFException("the data ended in the middle of a row");
                }
                return false;
            }
            if (!buf.hasRemaining()) {
                buf = ByteBuffer.wrap(next);
            } else {
                byte[] joined = Arrays.copyOfRange(buf.array(), buf.arrayOffset() + buf.position(),
                        buf.arrayOffset() + buf.limit() + next.length);
                System.arraycopy(next, 0, joined, buf.remaining(), next.length);
                buf = ByteBuffer.wrap(joined);
            }
        }
        return true;
    }
}
