package dev.ferry.run;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.plan.TablePlan;
import dev.ferry.plan.TypeRule;
import dev.ferry.postgres.Ddl;
import dev.ferry.postgres.Naming;
import dev.ferry.postgres.PgTarget;
import dev.ferry.sqlite.RecordMarks;
import dev.ferry.sqlite.SqliteSource;
import dev.ferry.verify.TableCheck;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The final sync's marks: per table whose PostgreSQL key is SQLite's rowid, each row's rowid and a
 * hash of its record's stored bytes ({@link RecordMarks}), kept in the journal ({@link MarkParts})
 * for the state of the file PostgreSQL was proven equal to. A later sync walks the file again and
 * compares: a row whose record bytes are the same is the same row and is not read at all; only new,
 * changed and gone rows are read, on both sides.
 *
 * <p>That shortcut holds only while PostgreSQL still holds just what Ferry wrote, proven without
 * hashing a row: as many rows as noted, and none written by a transaction that the snapshot taken
 * just before verify read the table did not see, except the syncs' own ({@link #stillFerrys}).
 * Anything less certain (no marks, a file that cannot be read page by page, another writer) and the
 * sync compares every row as before.
 */
final class SyncMarks {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SyncMarks.class);

    /** PostgreSQL's snapshot before verify read a table: the first id it did not see, and those running then. */
    record Since(long xmax, long[] running) {
    }

    /** A table's marks as the journal has them, with the proof's inputs. */
    record Stored(UUID id, long rows, long checksum, Since since, long[] writers) {
    }

    private SyncMarks() {
    }

    /**
     * Whether a table can have marks: a rowid table (not WITHOUT ROWID, not virtual) whose key is its
     * INTEGER PRIMARY KEY, copied as it is into an integer column, so a rowid is PostgreSQL's key.
     */
    static boolean eligible(TablePlan t) {
        int[] key = Sync.key(t);
        if (key == null || key.length != 1 || t.source().rowidAlias() == null || t.source().withoutRowid()
                || t.source().virtualModule() != null) {
            return false;
        }
        ColumnPlan c = t.columns().get(key[0]);
        PgType.Kind kind = c.type().kind();
        return c.source().name().equalsIgnoreCase(t.source().rowidAlias()) && c.conversion() == TypeRule.Conversion.AS_IS
                && (kind == PgType.Kind.BIGINT || kind == PgType.Kind.INTEGER || kind == PgType.Kind.SMALLINT);
    }

    /** PostgreSQL's snapshot now. */
    static Since since(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(Sql.query("snapshot-now"))) {
            rs.next();
            Long[] running = (Long[]) rs.getArray(2).getArray();
            return new Since(rs.getLong(1), Arrays.stream(running).mapToLong(Long::longValue).toArray());
        }
    }

    /**
     * Walks a table's pages and writes its marks to the journal, holding one SQLite read transaction
     * across the walk (in rollback-journal mode its lock keeps the file still meanwhile). Returns
     * the marks' id; {@link RecordMarks.Unreadable} when the file cannot be read page by page.
     */
    static UUID store(TablePlan t, SqliteSource source, PgTarget target, UUID run)
            throws SQLException, IOException, RecordMarks.Unreadable {
        try (Connection sq = source.connect(); Connection pg = target.connection()) {
            sq.setAutoCommit(false);
            try {
                int root = root(sq, t);
                MarkParts.Writer w = new MarkParts.Writer(pg, run);
                try (RecordMarks m = RecordMarks.open(source.pagesFile())) {
                    m.walk(root, w::add);
                    w.finish();
                } finally {
                    w.abandon();
                }
                return w.id();
            } finally {
                sq.rollback();
            }
        }
    }

    private static int root(Connection sq, TablePlan t) throws SQLException, RecordMarks.Unreadable {
        Integer root = RecordMarks.roots(sq).get(t.source().name());
        if (root == null) {
            throw new RecordMarks.Unreadable("table " + t.source().name() + " has no pages of its own");
        }
        return root;
    }

    /** Every table's marks the journal has for run {@code run} that describe what it noted the table held. */
    static Map<String, Stored> stored(Connection c, UUID run, Map<String, Journal.Verified> noted) throws SQLException {
        Map<String, Stored> out = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT to_regclass('ferry_journal.marks') IS NOT NULL")) {
            if (!rs.next() || !rs.getBoolean(1)) {
                return out; // a journal older than marks
            }
        }
        try (PreparedStatement ps = c.prepareStatement(Sql.query("marks"))) {
            ps.setObject(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Journal.Verified v = noted.get(rs.getString(1));
                    if (v != null && v.rows() == rs.getLong(3) && v.checksum() == rs.getLong(4)) {
                        out.put(rs.getString(1), new Stored(rs.getObject(2, UUID.class), rs.getLong(3), rs.getLong(4),
                                new Since(rs.getLong(5), longs(rs.getArray(6))), longs(rs.getArray(7))));
                    }
                }
            }
        }
        return out;
    }

    private static long[] longs(java.sql.Array a) throws SQLException {
        return Arrays.stream((Long[]) a.getArray()).mapToLong(Long::longValue).toArray();
    }

    /**
     * Null when PostgreSQL provably still holds just the rows Ferry left in the table: as many as
     * noted, none written by a transaction other than those the marks' snapshot saw and the syncs'
     * own. A row someone else inserted or updated carries their transaction in xmin; one they
     * deleted lowers the count. Else says why not. Reads each row's header, hashes nothing.
     */
    static String stillFerrys(TablePlan t, Stored s, PgTarget target, Ddl ddl) {
        String sql = Sql.fill("still-ferrys", "table", ddl.qualifiedName(t));
        try (Connection c = target.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, Long.toString(s.since().xmax()));
            ps.setArray(2, c.createArrayOf("bigint", box(s.since().running())));
            ps.setArray(3, c.createArrayOf("bigint", box(s.writers())));
            ps.setString(4, Long.toString(s.since().xmax()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long rows = rs.getLong(1), others = rs.getLong(2);
                LOG.info("{}: {} rows ({} noted), {} written by transactions not Ferry's", t.target(), rows, s.rows(), others);
                if (!rs.getBoolean(3)) {
                    return "too many transactions ran in PostgreSQL since the migration to tell Ferry's rows by them";
                }
                return rows == s.rows() && others == 0 ? null : "its rows in PostgreSQL changed since Ferry wrote them";
            }
        } catch (SQLException e) {
            LOG.warn("could not check who wrote {} last", t.target(), e);
            return "Ferry could not check who wrote its rows in PostgreSQL last";
        }
    }

    private static Long[] box(long[] v) {
        return Arrays.stream(v).boxed().toArray(Long[]::new);
    }

    /** The condition (" WHERE ...") that picks the rows with these keys, the key being a rowid (an integer). */
    static String whereKeys(TablePlan t, int keyColumn, long[] keys) {
        return " WHERE " + Naming.quote(t.columns().get(keyColumn).target()) + " = ANY ('" + Arrays.stream(keys)
                .mapToObj(Long::toString).collect(Collectors.joining(",", "{", "}")) + "'::bigint[])";
    }

    /**
     * What changed in a table since its marks: the file's pages walked now and merged with the
     * stored marks by rowid, the new marks written to the journal as they come (kept once the sync
     * verifies the table). {@code sq} holds the caller's SQLite read transaction.
     *
     * @param changed rowids whose record is new or differs from the stored one
     * @param gone    rowids the marks have and the file no longer does
     */
    record Changes(long[] changed, long[] gone, UUID marks, long rows) {
    }

    static Changes changes(TablePlan t, Stored s, Connection sq, SqliteSource source, PgTarget target, UUID run)
            throws SQLException, IOException, RecordMarks.Unreadable {
        SyncDiff.LongList changed = new SyncDiff.LongList(), gone = new SyncDiff.LongList();
        int root = root(sq, t);
        try (Connection write = target.connection(); Connection read = target.connection();
             MarkParts.Reader before = new MarkParts.Reader(read, s.id());
             RecordMarks m = RecordMarks.open(source.pagesFile())) {
            MarkParts.Writer now = new MarkParts.Writer(write, run);
            try {
                return merge(m, root, before, now, changed, gone);
            } finally {
                now.abandon();
            }
        }
    }

    private static Changes merge(RecordMarks m, int root, MarkParts.Reader before, MarkParts.Writer now,
                                 SyncDiff.LongList changed, SyncDiff.LongList gone)
            throws SQLException, IOException, RecordMarks.Unreadable {
        boolean[] more = {before.next()};
        long rows = m.walk(root, (rowid, hash) -> {
            now.add(rowid, hash);
            while (more[0] && before.rowid() < rowid) {
                gone.add(before.rowid());
                more[0] = before.next();
            }
            if (more[0] && before.rowid() == rowid) {
                if (before.hash() != hash) {
                    changed.add(rowid);
                }
                more[0] = before.next();
            } else {
                changed.add(rowid);
            }
        });
        while (more[0]) {
            gone.add(before.rowid());
            more[0] = before.next();
        }
        now.finish();
        return new Changes(changed.toArray(), gone.toArray(), now.id(), rows);
    }

    /**
     * After a sync, in its journal note: each table compared by its marks and verified equal keeps
     * the file's marks now ({@code fresh}), and every kept table's proof learns
     * the sync's own transaction ({@code xid}, -1 when it wrote nothing); a table compared another
     * way, or not verified, loses its marks (what they describe is no longer what PostgreSQL holds).
     */
    static void afterSync(Connection c, UUID run, Map<String, Stored> stored, Map<String, UUID> fresh,
                          List<TableCheck> checks, long xid) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(Sql.query("upsert-marks"));
             PreparedStatement drop = c.prepareStatement(Sql.query("delete-marks"))) {
            for (TableCheck check : checks) {
                Stored s = stored.get(check.target());
                UUID now = fresh.get(check.target());
                if (s == null) {
                    continue;
                }
                if (now == null || !check.checksumMatch() || check.rejected() > 0) {
                    drop.setObject(1, run);
                    drop.setString(2, check.target());
                    drop.executeUpdate();
                    continue;
                }
                long[] writers = xid < 0 ? s.writers() : java.util.stream.LongStream.concat(Arrays.stream(s.writers()),
                        java.util.stream.LongStream.of(xid)).distinct().toArray();
                header(up, c, run, check.target(), now, check, s.since(), writers);
                up.executeUpdate();
            }
        }
        unused(c, run);
    }

    static void header(PreparedStatement ps, Connection c, UUID run, String table, UUID id, TableCheck check, Since since,
                       long[] writers) throws SQLException {
        ps.setObject(1, run);
        ps.setString(2, table);
        ps.setObject(3, id);
        ps.setLong(4, check.targetRows());
        ps.setLong(5, check.targetChecksum());
        ps.setLong(6, since.xmax());
        ps.setArray(7, c.createArrayOf("bigint", box(since.running())));
        ps.setArray(8, c.createArrayOf("bigint", box(writers)));
    }

    /** Deletes the parts no table's marks name. */
    static void unused(Connection c, UUID run) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Sql.query("unused-mark-parts"))) {
            ps.setObject(1, run);
            ps.executeUpdate();
        }
    }
}
