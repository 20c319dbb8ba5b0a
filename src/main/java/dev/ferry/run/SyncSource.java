package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.plan.RowFixer;
import dev.ferry.plan.TablePlan;
import dev.ferry.plan.ValueConverter;
import dev.ferry.postgres.RowEncoder;
import dev.ferry.sqlite.SqliteSource;
import dev.ferry.verify.RowHashes;
import dev.ferry.verify.RowHasher;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * SQLite's side of the sync's comparison: every row read exactly as the copy reads it (its {@link
 * ColumnStep}s, so the value hashed is the value a COPY would send) and hashed as verify hashes it,
 * with the hash of its key and its rowid to fetch it again. A large table is read in rowid ranges at
 * once, as the copy reads it ({@link CopyPart}).
 */
final class SyncSource {

    private SyncSource() {
    }

    static RowHashes.Side read(TablePlan t, int[] key, SqliteSource source, int jobs) {
        List<CopyPart> parts = CopyPart.plan(List.of(t), source, jobs);
        if (parts.size() == 1) {
            return part(parts.get(0), key, source);
        }
        return RowHashes.Side.merge(Parallel.map(parts, jobs, p -> part(p, key, source)));
    }

    private static RowHashes.Side part(CopyPart part, int[] key, SqliteSource source) {
        try (Connection c = source.connect()) {
            return side(part.table(), key, c, List.of(part.select()));
        } catch (SQLException e) {
            throw unreadable(part.table(), e);
        }
    }

    /**
     * Only the rows with these rowids, read in the caller's connection (and so in its read
     * transaction): a sync that knows which rows changed reads just those.
     */
    static RowHashes.Side rows(TablePlan t, int[] key, Connection c, long[] rowids) {
        return side(t, key, c, SyncApply.byRowid(t, rowids));
    }

    private static RowHashes.Side side(TablePlan t, int[] key, Connection c, List<String> selects) {
        RowFixer fixer = RowFixer.of(t);
        ColumnStep[] steps = ColumnStep.of(t, 2, fixer);
        PgType.Kind[] kinds = t.columns().stream().map(col -> col.type().kind()).toArray(PgType.Kind[]::new);
        PgType.Kind[] keyKinds = new PgType.Kind[key.length];
        for (int k = 0; k < key.length; k++) {
            keyKinds[k] = kinds[key[k]];
        }
        RowHasher rowHasher = new RowHasher(kinds);
        RowHasher keyHasher = new RowHasher(keyKinds);
        RowEncoder none = new Discard();
        RowHashes.Side side = new RowHashes.Side();
        try (Statement s = c.createStatement()) {
            for (String select : selects) {
                try (ResultSet rs = s.executeQuery(select)) {
                    while (rs.next()) {
                        long rowid = rs.getLong(1);
                        if (fixer != null && !fixer.check(rs, 2, rowid, change -> { })) {
                            side.reject();
                            continue;
                        }
                        for (ColumnStep step : steps) {
                            step.copy(rs, none, rowHasher, rowid);
                        }
                        for (int k : key) {
                            keyHasher.value(keyValue(t, k, rs, fixer));
                        }
                        long rowBefore = rowHasher.sum(), keyBefore = keyHasher.sum();
                        rowHasher.endRow();
                        keyHasher.endRow();
                        side.add(keyHasher.sum() - keyBefore, rowHasher.sum() - rowBefore, rowid);
                    }
                }
            }
        } catch (SQLException e) {
            throw unreadable(t, e);
        }
        return side;
    }

    private static FerryException unreadable(TablePlan t, SQLException e) {
        return new FerryException(FerryException.Kind.SOURCE, "Ferry could not read table " + t.source().name()
                + " from the SQLite file to compare it.", "See the details; nothing was changed.", e);
    }

    /** A key column's value as the copy converts it (keys are few and short: read a second time). */
    private static Object keyValue(TablePlan t, int k, ResultSet rs, RowFixer fixer) throws SQLException {
        ColumnPlan col = t.columns().get(k);
        Object v;
        if (fixer != null && fixer.replaced(k)) {
            v = fixer.value(k);
        } else if (col.textAsBytes()) {
            return rs.getBytes(k + 2);
        } else {
            v = RowFixer.read(rs, k + 2, col.type().kind());
        }
        return v == null ? null : ValueConverter.convert(v, col.type().kind(), col.conversion());
    }

    /** The column steps' encoder when nothing is sent: the comparison only hashes. */
    private static final class Discard implements RowEncoder {
        @Override
        public void begin() {
        }

        @Override
        public void value(Object v) {
        }

        @Override
        public void utf8(byte[] v) {
        }

        @Override
        public void timestampMicros(long unixMicros) {
        }

        @Override
        public void endRow() {
        }

        @Override
        public void finish() {
        }

        @Override
        public boolean takeDoubtful() {
            return false;
        }

        @Override
        public int size() {
            return 0;
        }

        @Override
        public byte[] buffer() {
            return new byte[0];
        }

        @Override
        public void reset() {
        }

        @Override
        public String copyOptions() {
            return "";
        }
    }
}
