package dev.ferry.sqlite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Each row of a rowid table as (rowid, a 64-bit hash of its stored record), read straight from the
 * file's pages instead of through SQL: a table's b-tree walked from its root page, interior pages
 * to their children, leaf pages to their cells, overflow chains followed, as SQLite's file format
 * lays them out. Two states of a table compared this way show which rows changed without reading
 * a single value (a final sync then reads only those). Rows come in rowid order.
 *
 * <p>Never a guess: a page that is not what the format says (out of the file, seen twice, of another
 * kind, a cell out of bounds, rowids out of order) stops the walk with {@link Unreadable}, and so
 * does a file whose latest state is not all in its pages (a WAL with frames, a journal in use).
 */
public final class RecordMarks implements AutoCloseable {

    /** Receives each row in rowid order. */
    @FunctionalInterface
    public interface Sink {
        void mark(long rowid, long hash) throws SQLException;
    }

    /** The file cannot be read page by page with certainty; the reason is said in plain words. */
    public static final class Unreadable extends Exception {
        public Unreadable(String why) {
            super(why);
        }
    }

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] JOURNAL_MAGIC = {(byte) 0xd9, (byte) 0xd5, 0x05, (byte) 0xf9, 0x20, (byte) 0xa1, 0x63,
            (byte) 0xd7};
    private static final long C = 0x9E3779B97F4A7C15L;

    private final FileChannel ch;
    private final int pageSize;
    private final int usable;
    private final long pages;
    private final long lockPage;
    private final ByteBuffer[] buffers = new ByteBuffer[64]; // one per b-tree depth, reused
    private final ByteBuffer overflow;
    private BitSet seen;
    private long last;
    private boolean any;
    private long rows;

    private RecordMarks(FileChannel ch, int pageSize, int usable, long pages) {
        this.ch = ch;
        this.pageSize = pageSize;
        this.usable = usable;
        this.pages = pages;
        this.lockPage = 0x40000000L / pageSize + 1;
        this.overflow = ByteBuffer.allocate(pageSize);
    }

    /**
     * Opens a file to walk; {@link Unreadable} when its pages may not hold its latest state: a WAL
     * file with frames beside it, or a rollback journal in use (its header still valid).
     */
    public static RecordMarks open(Path file) throws Unreadable, IOException {
        Path wal = ReadOnlyUri.side(file, "-wal");
        if (Files.exists(wal) && Files.size(wal) > 0) {
            throw new Unreadable("its WAL file holds changes not yet written into the file itself");
        }
        Path journal = ReadOnlyUri.side(file, "-journal");
        if (Files.exists(journal) && Files.size(journal) >= 8) {
            try (FileChannel j = FileChannel.open(journal, StandardOpenOption.READ)) {
                ByteBuffer b = ByteBuffer.allocate(8);
                j.read(b, 0);
                if (Arrays.equals(b.array(), JOURNAL_MAGIC)) {
                    throw new Unreadable("a write to it is under way (its rollback journal is in use)");
                }
            }
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            ByteBuffer h = ByteBuffer.allocate(100);
            while (h.hasRemaining() && ch.read(h, h.position()) > 0) {
                // a short read goes on
            }
            if (h.position() < 100 || !Arrays.equals(Arrays.copyOf(h.array(), 16), MAGIC)) {
                throw new Unreadable("its header is not a SQLite header");
            }
            int ps = h.getShort(16) & 0xffff;
            ps = ps == 1 ? 65536 : ps;
            int reserved = h.get(20) & 0xff;
            if (ps < 512 || Integer.bitCount(ps) != 1 || ps - reserved < 480 || h.get(21) != 64 || h.get(22) != 32
                    || h.get(23) != 32) {
                throw new Unreadable("its header gives a page layout Ferry does not read by itself");
            }
            long pages = ch.size() / ps;
            RecordMarks m = new RecordMarks(ch, ps, ps - reserved, pages);
            ch = null;
            return m;
        } finally {
            if (ch != null) {
                ch.close();
            }
        }
    }

    /** Each rowid table's root page by name, read in the caller's connection (its read transaction, when it holds one). */
    public static java.util.Map<String, Integer> roots(Connection c) throws SQLException {
        java.util.Map<String, Integer> out = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        try (PreparedStatement ps = c.prepareStatement("SELECT name, rootpage FROM sqlite_schema WHERE type = 'table' "
                + "AND rootpage > 0"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    /** Walks the table whose b-tree starts at {@code root}; returns its rows. */
    public long walk(int root, Sink sink) throws Unreadable, IOException, SQLException {
        seen = new BitSet();
        any = false;
        rows = 0;
        visit(root, 0, false, Long.MIN_VALUE, Long.MAX_VALUE, sink);
        return rows;
    }

    /** One page of the b-tree; its rowids must lie in (low, high] (low inclusive of MIN when {@code bounded} is false). */
    private void visit(long page, int depth, boolean bounded, long low, long high, Sink sink)
            throws Unreadable, IOException, SQLException {
        if (depth >= buffers.length) {
            throw new Unreadable("a table's b-tree is deeper than any SQLite makes");
        }
        ByteBuffer b = read(page, depth);
        int hdr = page == 1 ? 100 : 0;
        int type = b.get(hdr) & 0xff;
        int n = b.getShort(hdr + 3) & 0xffff;
        if (type == 0x05) {
            int cells = hdr + 12;
            if (cells + 2 * n > usable) {
                throw damaged(page);
            }
            long from = low;
            boolean fromBounded = bounded;
            for (int i = 0; i < n; i++) {
                int cp = cell(b, cells, i, n, page);
                if (cp + 4 > usable) {
                    throw damaged(page);
                }
                long child = Integer.toUnsignedLong(b.getInt(cp));
                long key = varint(b, cp + 4, page);
                if (key > high || fromBounded && key <= from) {
                    throw damaged(page);
                }
                visit(child, depth + 1, fromBounded, from, key, sink);
                from = key;
                fromBounded = true;
            }
            visit(Integer.toUnsignedLong(b.getInt(hdr + 8)), depth + 1, fromBounded, from, high, sink);
            return;
        }
        if (type != 0x0D) {
            throw new Unreadable("page " + page + " is not a page of a rowid table");
        }
        int cells = hdr + 8;
        if (cells + 2 * n > usable) {
            throw damaged(page);
        }
        for (int i = 0; i < n; i++) {
            int cp = cell(b, cells, i, n, page);
            long payload = varint(b, cp, page);
            int at = end;
            long rowid = varint(b, at, page);
            at = end;
            if (payload < 0 || payload > Integer.MAX_VALUE || rowid > high || bounded && rowid <= low
                    || any && rowid <= last) {
                throw damaged(page);
            }
            int local = local(payload);
            boolean spills = local < payload;
            if (at + local + (spills ? 4 : 0) > usable) {
                throw damaged(page);
            }
            long x = hash(b, at, local, payload * C);
            if (spills) {
                x = chain(Integer.toUnsignedLong(b.getInt(at + local)), payload - local, x, page);
            }
            sink.mark(rowid, fmix(x ^ payload));
            last = rowid;
            any = true;
            rows++;
        }
    }

    /** The bytes of a record that spill onto overflow pages, hashed on from {@code x}. */
    private long chain(long next, long left, long x, long from) throws Unreadable, IOException {
        int room = usable - 4;
        while (left > 0) {
            if (next == 0) {
                throw damaged(from);
            }
            ByteBuffer o = readInto(next, overflow);
            int take = (int) Math.min(left, room);
            x = hash(o, 4, take, x);
            left -= take;
            from = next;
            next = Integer.toUnsignedLong(o.getInt(0));
        }
        if (next != 0) {
            throw damaged(from);
        }
        return x;
    }

    /** How much of a record of {@code p} bytes a table leaf holds on the page itself (the format's rule). */
    private int local(long p) {
        int x = usable - 35;
        if (p <= x) {
            return (int) p;
        }
        int m = ((usable - 12) * 32 / 255) - 23;
        long k = m + ((p - m) % (usable - 4));
        return (int) (k <= x ? k : m);
    }

    private int cell(ByteBuffer b, int cells, int i, int n, long page) throws Unreadable {
        int cp = b.getShort(cells + 2 * i) & 0xffff;
        if (cp < cells + 2 * n || cp >= usable) {
            throw damaged(page);
        }
        return cp;
    }

    private int end;

    /** The varint at {@code at}; {@link #end} is set past it. */
    private long varint(ByteBuffer b, int at, long page) throws Unreadable {
        long x = 0;
        for (int i = 0; i < 9; i++) {
            if (at + i >= usable) {
                throw damaged(page);
            }
            int c = b.get(at + i) & 0xff;
            if (i == 8) {
                end = at + 9;
                return (x << 8) | c;
            }
            x = (x << 7) | (c & 0x7f);
            if ((c & 0x80) == 0) {
                end = at + i + 1;
                return x;
            }
        }
        throw damaged(page);
    }

    private ByteBuffer read(long page, int depth) throws Unreadable, IOException {
        if (buffers[depth] == null) {
            buffers[depth] = ByteBuffer.allocate(pageSize);
        }
        return readInto(page, buffers[depth]);
    }

    /** A page read whole; each page may be read once per walk (a second time would be a cycle). */
    private ByteBuffer readInto(long page, ByteBuffer b) throws Unreadable, IOException {
        if (page < 1 || page > pages || page == lockPage || page > Integer.MAX_VALUE || seen.get((int) page)) {
            throw new Unreadable("a page pointer leads out of the file or back to a page already read (page " + page + ")");
        }
        seen.set((int) page);
        b.clear();
        long at = (page - 1) * pageSize;
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                throw new Unreadable("the file ended inside page " + page);
            }
        }
        return b.flip();
    }

    private static long hash(ByteBuffer b, int from, int len, long x) {
        int i = from, end = from + len;
        for (; i + 8 <= end; i += 8) {
            x = Long.rotateLeft((x ^ b.getLong(i)) * C, 31);
        }
        for (; i < end; i++) {
            x = Long.rotateLeft((x ^ b.get(i)) * C, 31);
        }
        return x;
    }

    /** MurmurHash3's finalizer: every input bit reaches every output bit. */
    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    private static Unreadable damaged(long page) {
        return new Unreadable("page " + page + " is not laid out as SQLite's file format says");
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }
}
