package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.SqlResources;
import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.plan.RowFixer;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.BinaryCopyEncoder;
import dev.ferry.postgres.CopyEncoder;
import dev.ferry.postgres.RowEncoder;
import dev.ferry.postgres.Ddl;
import dev.ferry.postgres.Naming;
import dev.ferry.sqlite.SqliteSource;
import dev.ferry.verify.Checksums;
import dev.ferry.verify.RowHashes;
import dev.ferry.verify.RowHasher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The final sync's writes, all on one connection in one transaction (the caller commits): new and
 * changed rows read from SQLite by rowid and sent with binary COPY into a temporary table, then one
 * UPDATE ... FROM and one INSERT ... SELECT per table, and one DELETE by the rows' places. Foreign
 * keys are deferred to the end of the transaction and the app's triggers paused while it writes
 * (SQLite ran them already); {@link #finish()} checks the keys, and {@link #restore()} puts both back as they were.
 */
final class SyncApply {

    private static final SqlResources SQL = SqlResources.named(SyncApply.class, "sync.sql");
    private static final int BATCH = 5_000; // rowids per SELECT ... WHERE rowid IN (...)

    private final Connection pg;
    private final Ddl ddl;
    private final SqliteSource source;
    private final List<String[]> deferred = new ArrayList<>(); // {constraint, table}
    private final List<String[]> paused = new ArrayList<>();   // {trigger, table}

    SyncApply(Connection pg, Ddl ddl, SqliteSource source) {
        this.pg = pg;
        this.ddl = ddl;
        this.source = source;
    }

    /** Defers the foreign keys on or to these tables and pauses their triggers, until {@link #finish()}. */
    void prepare(Collection<String> tables) throws SQLException {
        for (String[] fk : list("foreign-keys", tables, true)) {
            exec("ALTER TABLE " + Naming.qualified(ddl.schema(), fk[1]) + " ALTER CONSTRAINT " + Naming.quote(fk[0])
                    + " DEFERRABLE INITIALLY IMMEDIATE");
            deferred.add(fk);
        }
        if (!deferred.isEmpty()) {
            exec("SET CONSTRAINTS ALL DEFERRED");
        }
        for (String[] tr : list("triggers", tables, false)) {
            exec("ALTER TABLE " + Naming.qualified(ddl.schema(), tr[1]) + " DISABLE TRIGGER " + Naming.quote(tr[0]));
            paused.add(tr);
        }
    }

    /** Checks the deferred foreign keys now, before the caller commits. */
    void finish() throws SQLException {
        if (!deferred.isEmpty()) {
            try {
                exec("SET CONSTRAINTS ALL IMMEDIATE");
            } catch (SQLException e) {
                throw new FerryException(FerryException.Kind.FAILED, "The sync would leave a row in PostgreSQL that refers "
                        + "to a row that is not there: " + e.getMessage(), "Nothing was changed. The foreign key holds in "
                        + "PostgreSQL; fix the rows in SQLite (or drop the key in PostgreSQL) and sync again.", e);
            }
        }
    }

    /**
     * After the commit, in a transaction of its own, the foreign keys and triggers made what they
     * were (PostgreSQL alters no table with checks still queued in the same transaction). Returns
     * the statements that failed, for the user to run; none when all went well.
     */
    List<String> restore() {
        List<String> statements = new ArrayList<>();
        deferred.forEach(fk -> statements.add("ALTER TABLE " + Naming.qualified(ddl.schema(), fk[1]) + " ALTER CONSTRAINT "
                + Naming.quote(fk[0]) + " NOT DEFERRABLE"));
        paused.forEach(tr -> statements.add("ALTER TABLE " + Naming.qualified(ddl.schema(), tr[1]) + " ENABLE TRIGGER "
                + Naming.quote(tr[0])));
        try {
            for (String sql : statements) {
                exec(sql);
            }
            pg.commit();
            return List.of();
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(SyncApply.class).warn("could not restore keys and triggers after the sync", e);
            try {
                pg.rollback();
            } catch (SQLException ignored) {
                // the connection is gone; the statements are told to the user
            }
            return statements;
        }
    }

    /**
     * Updates and inserts a table's changed rows. With {@code readBack}, and when the table has its
     * primary key in PostgreSQL, returns PostgreSQL's count and checksum of the rows just written, read
     * through the key inside this transaction (the sync's verification of a large table, see Sync);
     * else null.
     */
    Checksums.Sum upsert(TablePlan t, int[] key, SyncDiff diff, boolean readBack) throws SQLException {
        if (diff.inserts().length + diff.updates().length == 0) {
            return readBack ? new Checksums.Sum(0, 0) : null;
        }
        String table = ddl.qualifiedName(t);
        List<ColumnPlan> copied = t.columns().stream().filter(ColumnPlan::copied).toList();
        String columns = copied.stream().map(c -> Naming.quote(c.target())).collect(Collectors.joining(", "));
        exec("DROP TABLE IF EXISTS pg_temp.ferry_sync_rows");
        exec(SQL.fill("staging", "columns", columns, "table", table));
        PgType.Kind[] kinds = Stream.concat(copied.stream().map(c -> c.type().kind()), Stream.of(PgType.Kind.BOOLEAN))
                .toArray(PgType.Kind[]::new);
        RowEncoder enc = encoder(t, kinds);
        ChunkedCopy copy = new ChunkedCopy(pg, "COPY pg_temp.ferry_sync_rows (" + columns + ", ferry_insert) FROM STDIN"
                + enc.copyOptions(), enc, Long.MAX_VALUE);
        try {
            long sent = send(t, byRowid(t, diff.inserts()), copy, enc, Boolean.TRUE)
                    + send(t, byRowid(t, diff.updates()), copy, enc, Boolean.FALSE);
            copy.end();
            if (sent != diff.inserts().length + diff.updates().length) {
                throw changedMeanwhile(t);
            }
        } catch (RuntimeException | SQLException e) {
            copy.abandon();
            throw e;
        }
        exec("ANALYZE pg_temp.ferry_sync_rows"); // so the UPDATE looks rows up by key instead of reading the whole table
        List<String> keyNames = Arrays.stream(key).mapToObj(k -> Naming.quote(t.columns().get(k).target())).toList();
        String set = copied.stream().map(c -> Naming.quote(c.target())).filter(c -> !keyNames.contains(c))
                .map(c -> c + " = s." + c).collect(Collectors.joining(", "));
        // a few changed rows among many: looked up one by one through the key's index, never by
        // reading the whole table to hash-join it (the planner's choice for thousands of rows)
        boolean indexed = hasPrimaryKey(table);
        if (diff.updates().length > 0 && !set.isEmpty()) {
            String match = keyNames.stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "));
            int updated = byIndex(indexed, () -> update(SQL.fill("update", "table", table, "set", set, "match", match)));
            if (updated != diff.updates().length) {
                throw changedMeanwhile(t);
            }
        }
        if (diff.inserts().length > 0 && update(SQL.fill("insert", "table", table, "columns", columns)) != diff.inserts().length) {
            throw changedMeanwhile(t);
        }
        Checksums.Sum written = null;
        if (readBack && indexed) { // a primary key: no NULL in it, so IN finds every row written
            String keys = String.join(", ", keyNames);
            String where = " AS t WHERE (" + keyNames.stream().map(k -> "t." + k).collect(Collectors.joining(", "))
                    + ") IN (SELECT " + keys + " FROM pg_temp.ferry_sync_rows)";
            written = byIndex(true, () -> Checksums.targetRows(pg, t, ddl, where));
        }
        exec("DROP TABLE pg_temp.ferry_sync_rows");
        return written;
    }

    /** A statement over the staged rows, run through the key's index when {@code indexed}. */
    private <T> T byIndex(boolean indexed, SqlCall<T> call) throws SQLException {
        if (!indexed) {
            return call.run();
        }
        exec("SET LOCAL enable_hashjoin = off");
        exec("SET LOCAL enable_mergejoin = off");
        T out = call.run();
        exec("RESET enable_hashjoin");
        exec("RESET enable_mergejoin");
        return out;
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T run() throws SQLException;
    }

    /** This transaction's id as PostgreSQL stamps it on the rows it writes (xmin: 32 bits). */
    long transaction() throws SQLException {
        try (Statement s = pg.createStatement(); ResultSet rs = s.executeQuery("SELECT txid_current() % 4294967296")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Whether a write to one row of the schema may change others through a foreign key's action (see sync.sql). */
    boolean cascades() throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement(SQL.get("cascades"))) {
            ps.setString(1, ddl.schema());
            ps.setString(2, ddl.schema());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Deletes the rows only PostgreSQL has, by the places the comparison found them. */
    void delete(TablePlan t, long[] places) throws SQLException {
        if (places.length == 0) {
            return;
        }
        try (PreparedStatement ps = pg.prepareStatement(SQL.fill("delete", "table", ddl.qualifiedName(t)))) {
            ps.setArray(1, pg.createArrayOf("text", Arrays.stream(places).mapToObj(RowHashes::tid).toArray()));
            if (ps.executeUpdate() != places.length) {
                throw changedMeanwhile(t);
            }
        }
    }

    /** A table without a key: its rows in PostgreSQL replaced by SQLite's, all of them; returns the rows sent. */
    long replace(TablePlan t) throws SQLException {
        exec("DELETE FROM " + ddl.qualifiedName(t));
        PgType.Kind[] kinds = t.columns().stream().filter(ColumnPlan::copied).map(c -> c.type().kind())
                .toArray(PgType.Kind[]::new);
        RowEncoder enc = encoder(t, kinds);
        ChunkedCopy copy = new ChunkedCopy(pg, ddl.copyIn(t) + enc.copyOptions(), enc, Long.MAX_VALUE);
        try {
            String rowid = t.source().rowidName();
            long sent = send(t, List.of(select(t, rowid) + (rowid == null ? "" : " ORDER BY " + rowid)), copy, enc, null);
            copy.end();
            return sent;
        } catch (RuntimeException | SQLException e) {
            copy.abandon();
            throw e;
        }
    }

    /** Moves an identity column's counter past the highest id now in the table (and SQLite's AUTOINCREMENT mark). */
    void moveIdentity(TablePlan t, long sequence) throws SQLException {
        ColumnPlan id = KeyPlanner.identityColumn(t);
        if (id == null) {
            return;
        }
        String table = ddl.qualifiedName(t);
        try (PreparedStatement ps = pg.prepareStatement(SQL.fill("move-identity", "id", Naming.quote(id.target()),
                "table", table))) {
            ps.setString(1, table);
            ps.setString(2, id.target());
            ps.setLong(3, sequence);
            ps.executeQuery().close();
        }
    }

    /**
     * Streams the rows these SELECTs read through the copy's column steps into {@code copy};
     * {@code marker}, when given, is written after each row's columns (the staging table's ferry_insert).
     */
    /** Binary COPY, but text for a table with an array or vector column (a suggestion taken), as the copy does. */
    private static RowEncoder encoder(TablePlan t, PgType.Kind[] kinds) {
        return t.columns().stream().anyMatch(ColumnPlan::textCopyOnly) ? new CopyEncoder() : new BinaryCopyEncoder(kinds);
    }

    private long send(TablePlan t, List<String> selects, ChunkedCopy copy, RowEncoder enc, Boolean marker)
            throws SQLException {
        boolean rowids = t.source().rowidName() != null;
        RowFixer fixer = RowFixer.of(t);
        ColumnStep[] steps = ColumnStep.of(t, rowids ? 2 : 1, fixer);
        RowHasher hasher = new RowHasher(t.columns().stream().map(c -> c.type().kind()).toArray(PgType.Kind[]::new));
        long rows = 0;
        try (Connection src = source.connect(); Statement st = src.createStatement()) {
            for (String select : selects) {
                try (ResultSet rs = st.executeQuery(select)) {
                    while (rs.next()) {
                        long rowid = rowids ? rs.getLong(1) : 0;
                        if (fixer != null && !fixer.check(rs, rowids ? 2 : 1, rowid, change -> { })) {
                            continue; // the user chose to keep such rows out of PostgreSQL
                        }
                        for (ColumnStep step : steps) {
                            step.copy(rs, enc, hasher, rowid);
                        }
                        if (marker != null) {
                            enc.value(marker);
                        }
                        enc.endRow();
                        hasher.endRow();
                        rows++;
                        if (copy.rowDone()) { // a full chunk goes on its way; the transaction stays open
                            copy.end();
                            copy.next();
                        }
                    }
                }
            }
        }
        return rows;
    }

    /** SELECTs of the rows with these rowids, a batch at a time. */
    static List<String> byRowid(TablePlan t, long[] rowids) {
        String rowid = t.source().rowidName();
        long[] sorted = rowids.clone();
        Arrays.sort(sorted);
        List<String> out = new ArrayList<>();
        for (int from = 0; from < sorted.length; from += BATCH) {
            String in = Arrays.stream(sorted, from, Math.min(sorted.length, from + BATCH)).mapToObj(Long::toString)
                    .collect(Collectors.joining(","));
            out.add(select(t, rowid) + " WHERE " + rowid + " IN (" + in + ")");
        }
        return out;
    }

    /** Reads the rowid first (when there is one), then the columns and the fixer's flags, as the copy does. */
    private static String select(TablePlan t, String rowid) {
        List<String> list = new ArrayList<>();
        if (rowid != null) {
            list.add(rowid);
        }
        t.columns().forEach(c -> list.add(SqliteSource.quote(c.source().name())));
        list.addAll(RowFixer.flagSql(t));
        return "SELECT " + String.join(", ", list) + " FROM " + SqliteSource.quote(t.source().name());
    }

    private List<String[]> list(String query, Collection<String> tables, boolean twice) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = pg.prepareStatement(SQL.get(query))) {
            java.sql.Array names = pg.createArrayOf("text", tables.toArray());
            ps.setString(1, ddl.schema());
            ps.setArray(2, names);
            if (twice) {
                ps.setString(3, ddl.schema());
                ps.setArray(4, names);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return out;
    }

    private boolean hasPrimaryKey(String table) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement(SQL.get("has-primary-key"))) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private void exec(String sql) throws SQLException {
        try (Statement s = pg.createStatement()) {
            s.execute(sql);
        }
    }

    private int update(String sql) throws SQLException {
        try (Statement s = pg.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    private static FerryException changedMeanwhile(TablePlan t) {
        return new FerryException(FerryException.Kind.FAILED, "Table " + t.source().name() + " changed while Ferry "
                + "synced it: the rows Ferry found a moment ago were no longer all there.", "Nothing was changed. Make sure "
                + "the app is stopped (and nothing else writes to SQLite or PostgreSQL), then sync again.");
    }
}
