package dev.ferry.verify;

/**
 * PostgreSQL's own 64-bit hash functions (the "extended" hash support functions of its hash
 * operator classes, always with seed 0), computed in Java so a checksum of the source and one
 * PostgreSQL computes over the target, with {@code hash_record_extended}, come out equal without
 * the rows crossing the network a second time.
 *
 * <p>PostgreSQL's byte hash is Bob Jenkins' lookup3, which reads words in the server's byte order.
 * This is the little-endian variant (x86-64 and ARM servers); {@link ServerChecksum} checks it
 * against the server before relying on it and reads the rows back when they differ.
 */
public final class PgHash {

    /** Microseconds from 1970-01-01 to PostgreSQL's epoch, 2000-01-01. */
    public static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
    /** Days from 1970-01-01 to 2000-01-01. */
    public static final int PG_EPOCH_DAYS = 10_957;

    private static final int INIT = 0x9e3779b9 + 3923095;

    private PgHash() {
    }

    /** {@code hash_bytes_extended(k, len, 0)}: text, bytea, uuid and float8 hash through this. */
    public static long bytes(byte[] k, int off, int len) {
        int a = INIT + len, b = a, c = a;
        int p = off, left = len;
        while (left >= 12) {
            a += word(k, p);
            b += word(k, p + 4);
            c += word(k, p + 8);
            // mix(a, b, c)
            a -= c; a ^= Integer.rotateLeft(c, 4); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 6); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 8); b += a;
            a -= c; a ^= Integer.rotateLeft(c, 16); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 19); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 4); b += a;
            p += 12;
            left -= 12;
        }
        // the last 11 bytes; the lowest byte of c is left for the length (added at the start)
        switch (left) {
            case 11: c += (k[p + 10] & 0xff) << 24; // fall through
            case 10: c += (k[p + 9] & 0xff) << 16; // fall through
            case 9: c += (k[p + 8] & 0xff) << 8; // fall through
            case 8: b += (k[p + 7] & 0xff) << 24; // fall through
            case 7: b += (k[p + 6] & 0xff) << 16; // fall through
            case 6: b += (k[p + 5] & 0xff) << 8; // fall through
            case 5: b += k[p + 4] & 0xff; // fall through
            case 4: a += (k[p + 3] & 0xff) << 24; // fall through
            case 3: a += (k[p + 2] & 0xff) << 16; // fall through
            case 2: a += (k[p + 1] & 0xff) << 8; // fall through
            case 1: a += k[p] & 0xff; // fall through
            default: // nothing left
        }
        return fin(a, b, c);
    }

    public static long bytes(byte[] k) {
        return bytes(k, 0, k.length);
    }

    /** {@code hash_bytes_uint32_extended(k, 0)}: int2, int4, date, bool ("char") hash through this. */
    public static long uint32(int k) {
        return uint32(k, 0);
    }

    /** {@code hash_bytes_uint32_extended(k, seed)}. */
    static long uint32(int k, long seed) {
        int a = INIT + 4, b = a, c = a;
        if (seed != 0) { // the seed as a 12-byte block of its own
            a += (int) (seed >>> 32);
            b += (int) seed;
            // mix(a, b, c)
            a -= c; a ^= Integer.rotateLeft(c, 4); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 6); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 8); b += a;
            a -= c; a ^= Integer.rotateLeft(c, 16); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 19); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 4); b += a;
        }
        a += k;
        return fin(a, b, c);
    }

    /** {@code hashint8extended(v, 0)}: built so equal int2, int4 and int8 values hash alike. */
    public static long int8(long v) {
        return int8(v, 0);
    }

    /**
     * {@code hashint8extended(v, seed)}. It folds v to 32 bits before hashing; a seed of v itself
     * brings all 64 back in, which is how a row's hash is finished (see {@link RowHasher#endRow}).
     */
    static long int8(long v, long seed) {
        int lo = (int) v, hi = (int) (v >>> 32);
        lo ^= v >= 0 ? hi : ~hi;
        return uint32(lo, seed);
    }

    /** {@code hashfloat8extended}: 0 and -0 hash as the seed, every NaN as the one NaN. */
    public static long float8(double v) {
        if (v == 0) {
            return 0;
        }
        long bits = Double.doubleToLongBits(v); // (NaN becomes 0x7ff8000000000000, as get_float8_nan())
        // bytes(the 8 bytes in little-endian order): the low word goes to a, the high one to b
        int a = INIT + 8 + (int) bits, b = INIT + 8 + (int) (bits >>> 32), c = INIT + 8;
        return fin(a, b, c);
    }

    /** {@code hashcharextended} of a boolean's byte. */
    public static long bool(boolean v) {
        return uint32(v ? 1 : 0);
    }

    /** {@code timestamp_hash_extended}, for timestamp and timestamptz alike. */
    public static long timestampUnixMicros(long unixMicros) {
        return int8(unixMicros - PG_EPOCH_MICROS);
    }

    /** {@code hashint4extended} of the days since 2000-01-01, as date hashes. */
    public static long dateEpochDay(long epochDay) {
        return uint32((int) (epochDay - PG_EPOCH_DAYS));
    }

    /** {@code uuid_hash_extended}: the 16 bytes as stored, most significant first. */
    public static long uuid(long most, long least) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (most >>> (56 - 8 * i));
            b[8 + i] = (byte) (least >>> (56 - 8 * i));
        }
        return bytes(b, 0, 16);
    }

    private static final java.lang.invoke.VarHandle LE_INT =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private static int word(byte[] k, int p) {
        return (int) LE_INT.get(k, p);
    }

    /** final(a, b, c), reporting b and c as one 64-bit value. */
    private static long fin(int a, int b, int c) {
        c ^= b; c -= Integer.rotateLeft(b, 14);
        a ^= c; a -= Integer.rotateLeft(c, 11);
        b ^= a; b -= Integer.rotateLeft(a, 25);
        c ^= b; c -= Integer.rotateLeft(b, 16);
        a ^= c; a -= Integer.rotateLeft(c, 4);
        b ^= a; b -= Integer.rotateLeft(a, 14);
        c ^= b; c -= Integer.rotateLeft(b, 24);
        return (long) b << 32 | (c & 0xffffffffL);
    }
}
