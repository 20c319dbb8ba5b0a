package dev.ferry.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The journal's progress lines: one per part of a table, moved on by every committed chunk in the
 * chunk's own transaction, so they always say exactly which rows PostgreSQL holds.
 */
final class PartJournal {

    /** How far one part of a table got, as its last committed chunk left it. */
    record PartState(String table, String part, Long from, Long to, Long lastRowid, long rows, boolean done) {
    }

    private PartJournal() {
    }

    static void addParts(Connection c, UUID id, List<CopyPart> parts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ferry_journal.progress (run_id, table_name, part, "
                + "range_from, range_to) VALUES (?, ?, ?, ?, ?)")) {
            for (CopyPart p : parts) {
                ps.setObject(1, id);
                ps.setString(2, p.table().target());
                ps.setString(3, p.part());
                ps.setObject(4, p.from());
                ps.setObject(5, p.to());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Drops the progress lines of these tables (planned again: their parts are made anew). */
    static void forget(Connection c, UUID id, List<String> tables) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM ferry_journal.progress WHERE run_id = ? AND table_name = ?")) {
            for (String t : tables) {
                ps.setObject(1, id);
                ps.setString(2, t);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static List<PartState> parts(Connection c, UUID id) throws SQLException {
        List<PartState> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(Sql.query("parts"))) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PartState(rs.getString(1), rs.getString(2), rs.getObject(3, Long.class),
                            rs.getObject(4, Long.class), rs.getObject(5, Long.class), rs.getLong(6), rs.getBoolean(7)));
                }
            }
        }
        return out;
    }

    /** The statement each chunk runs in its own transaction: see {@link #progress}. */
    static PreparedStatement progressStatement(Connection c) throws SQLException {
        return c.prepareStatement(Sql.query("progress"));
    }

    static void progress(PreparedStatement ps, UUID id, CopyPart part, Long lastRowid, long rows, boolean done)
            throws SQLException {
        ps.setObject(1, lastRowid);
        ps.setLong(2, rows);
        ps.setBoolean(3, done);
        ps.setObject(4, id);
        ps.setString(5, part.table().target());
        ps.setString(6, part.part());
        if (ps.executeUpdate() != 1) {
            throw new SQLException("the journal has no progress row for " + part.table().target() + " " + part.part());
        }
    }

    /**
     * Notes the chunk's transaction for a table the run did not create, in that transaction: its
     * rows carry the transaction's id (xmin), so undo can tell them from the app's own.
     */
    static void loaded(Connection c, UUID id, CopyPart part) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Sql.query("insert-load"))) {
            ps.setObject(1, id);
            ps.setString(2, part.table().target());
            ps.executeUpdate();
        }
    }
}
