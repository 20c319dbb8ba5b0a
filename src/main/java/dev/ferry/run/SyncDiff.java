package dev.ferry.run;

import dev.ferry.verify.RowHashes;
import java.util.Arrays;

/**
 * The rows that differ between SQLite and PostgreSQL in a table with a key, from each row's key hash
 * and row hash (see {@link RowHashes}): a key only SQLite has is an insert, a key only PostgreSQL
 * has a delete, a key both have with another row hash an update. A renamed key is a delete and an
 * insert. Rows whose hashes agree are equal as verify defines it, and are left alone.
 *
 * @param inserts SQLite rowids of rows to insert
 * @param updates SQLite rowids of rows whose new values replace PostgreSQL's
 * @param deletes PostgreSQL ctids (see {@link RowHashes.Side#place}) of rows to delete
 * @param removed the sum of PostgreSQL's row hashes of the rows updated or deleted (what the table's
 *                checksum loses by the writes)
 * @param added   the sum of SQLite's row hashes of the rows inserted or updated (what it should gain)
 */
record SyncDiff(long[] inserts, long[] updates, long[] deletes, long removed, long added) {

    boolean empty() {
        return inserts.length + updates.length + deletes.length == 0;
    }

    /** The differences, or null when a key hash repeats on a side: the key does not tell rows apart there. */
    static SyncDiff of(RowHashes.Side sqlite, RowHashes.Side postgres) {
        // open addressing from PostgreSQL's key hashes to their rows; -1 marks a free slot
        int capacity = Integer.highestOneBit(Math.max(16, postgres.size() * 2)) << 1;
        int[] slots = new int[capacity];
        Arrays.fill(slots, -1);
        int mask = capacity - 1;
        for (int i = 0; i < postgres.size(); i++) {
            int at = slot(postgres.key(i), mask);
            while (slots[at] >= 0) {
                if (postgres.key(slots[at]) == postgres.key(i)) {
                    return null;
                }
                at = (at + 1) & mask;
            }
            slots[at] = i;
        }
        boolean[] matched = new boolean[postgres.size()];
        LongList inserts = new LongList(), updates = new LongList(), deletes = new LongList();
        long removed = 0, added = 0;
        for (int i = 0; i < sqlite.size(); i++) {
            long key = sqlite.key(i);
            int at = slot(key, mask);
            while (slots[at] >= 0 && postgres.key(slots[at]) != key) {
                at = (at + 1) & mask;
            }
            int j = slots[at];
            if (j < 0) {
                inserts.add(sqlite.place(i));
                added += sqlite.row(i);
            } else if (matched[j]) {
                return null; // two SQLite rows with one key
            } else {
                matched[j] = true;
                if (postgres.row(j) != sqlite.row(i)) {
                    updates.add(sqlite.place(i));
                    removed += postgres.row(j);
                    added += sqlite.row(i);
                }
            }
        }
        for (int j = 0; j < postgres.size(); j++) {
            if (!matched[j]) {
                deletes.add(postgres.place(j));
                removed += postgres.row(j);
            }
        }
        return new SyncDiff(inserts.toArray(), updates.toArray(), deletes.toArray(), removed, added);
    }

    private static int slot(long key, int mask) {
        return (int) (key ^ (key >>> 32)) & mask;
    }

    /** A growing list of longs without a box per element. */
    static final class LongList {
        private long[] items = new long[64];
        private int size;

        void add(long v) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(items, size);
        }
    }
}
