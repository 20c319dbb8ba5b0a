package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.postgres.PgTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Ferry's record of its runs in the target (schema {@value #SCHEMA}, see journal.sql): which runs
 * happened, what each created, and how far each part of each table got. Statements take the
 * caller's connection so they join the caller's transaction; that is the whole point.
 */
public final class Journal {

    static final String SCHEMA = "ferry_journal";
    private static final long CREATE_LOCK = 0x4665727279L; // "Ferry": serialises first-time creation

    /** Where a run stands; running, cancelled and failed runs can be resumed. */
    public enum Status {
        RUNNING, DONE, CANCELLED, FAILED, UNDONE;

        String sql() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One run as the journal knows it; {@code rowsCommitted} counts every table's committed rows. */
    public record RunInfo(UUID id, Instant started, Instant finished, String sourcePath, String fingerprint, String schema,
                          Status status, boolean createdSchema, String planDigest, long rowsCommitted) {

        public boolean unfinished() {
            return status == Status.RUNNING || status == Status.CANCELLED || status == Status.FAILED;
        }
    }

    private Journal() {
    }

    static boolean exists(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT to_regclass('ferry_journal.progress') IS NOT NULL")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** The journal has every table this Ferry writes to, and takes every kind of object (earlier versions' lack the newest). */
    private static boolean current(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(Sql.query("journal-current"))) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    static boolean schemaExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Creates the journal when missing (or older than this Ferry). Checks first: CREATE ... IF NOT EXISTS still demands the privilege. */
    static void ensure(PgTarget target) {
        try (Connection c = target.connection()) {
            if (current(c)) {
                return;
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + CREATE_LOCK + ")");
                if (!current(c)) {
                    if (!schemaExists(c, SCHEMA)) {
                        s.execute("CREATE SCHEMA " + SCHEMA);
                    }
                    s.execute(Sql.text("journal.sql"));
                }
            }
            c.commit();
        } catch (SQLException e) {
            String user = target.address().user();
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not create its journal (schema " + SCHEMA
                    + ") in database " + target.address().database() + ": " + e.getMessage(), "Ferry records there how far "
                    + "a run got, so it can be resumed or undone. Let user '" + user + "' create it (an administrator can "
                    + "run: CREATE SCHEMA " + SCHEMA + " AUTHORIZATION " + user + ") and try again. Nothing was changed.", e);
        }
    }

    /** Runs newest first, of one schema (null: all) or just the one with {@code id} (null: all). */
    static List<RunInfo> runs(Connection c, String schema, UUID id) throws SQLException {
        List<RunInfo> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(Sql.query("runs"))) {
            ps.setString(1, schema);
            ps.setString(2, schema);
            ps.setString(3, id == null ? null : id.toString());
            ps.setString(4, id == null ? null : id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime finished = rs.getObject(3, OffsetDateTime.class);
                    out.add(new RunInfo(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            finished == null ? null : finished.toInstant(), rs.getString(4), rs.getString(5), rs.getString(6),
                            Status.valueOf(rs.getString(7).toUpperCase(Locale.ROOT)), rs.getBoolean(8), rs.getString(9),
                            rs.getLong(10)));
                }
            }
        }
        return out;
    }

    static void start(Connection c, UUID id, SourceStamp s, String schema, boolean createdSchema, String digest,
                      String version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Sql.query("insert-run"))) {
            ps.setObject(1, id);
            ps.setString(2, s.path().toString());
            ps.setLong(3, s.size());
            ps.setObject(4, OffsetDateTime.ofInstant(s.modified(), ZoneOffset.UTC));
            ps.setString(5, s.fingerprint());
            ps.setString(6, schema);
            ps.setBoolean(7, createdSchema);
            ps.setString(8, digest);
            ps.setString(9, version);
            ps.executeUpdate();
        }
    }

    /** The run's plan digest, after a table was planned again during the copy (a resume compares it). */
    static void digest(Connection c, UUID id, String digest) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE ferry_journal.runs SET plan_digest = ? WHERE run_id = ?")) {
            ps.setString(1, digest);
            ps.setObject(2, id);
            ps.executeUpdate();
        }
    }

    static void objects(Connection c, UUID id, String kind, Collection<String> names) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Sql.query("insert-object"))) {
            for (String name : names) {
                ps.setObject(1, id);
                ps.setString(2, kind);
                ps.setString(3, name);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The run's objects of one kind (table, view, schema, function, collation). */
    static List<String> objects(Connection c, UUID id, String kind) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(Sql.query("objects"))) {
            ps.setObject(1, id);
            ps.setString(2, kind);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Tables replaced by run {@code id} stop being earlier runs' objects. */
    static void forget(Connection c, String schema, UUID id, Collection<String> names) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Sql.query("forget-objects"))) {
            ps.setString(1, schema);
            ps.setObject(2, id);
            ps.setArray(3, c.createArrayOf("text", names.toArray()));
            ps.executeUpdate();
        }
    }

    /** A table that was there before the run and took its rows: how it looked just before (0, 0 once truncated). */
    public record Before(String policy, long rows, long checksum) {
    }

    static void existing(Connection c, UUID id, Map<String, Before> tables) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Sql.query("insert-existing"))) {
            for (Map.Entry<String, Before> t : tables.entrySet()) {
                ps.setObject(1, id);
                ps.setString(2, t.getKey());
                ps.setString(3, t.getValue().policy());
                ps.setLong(4, t.getValue().rows());
                ps.setLong(5, t.getValue().checksum());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The tables run {@code id} added rows to without creating them; empty for journals older than this Ferry. */
    static Map<String, Before> existing(Connection c, UUID id) throws SQLException {
        Map<String, Before> out = new TreeMap<>();
        if (!current(c)) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement(Sql.query("existing"))) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Before(rs.getString(2), rs.getLong(3), rs.getLong(4)));
                }
            }
        }
        return out;
    }

    /** What a table the run created held once verified: rows and verify's checksum as PostgreSQL read them back. */
    public record Verified(long rows, long checksum) {
    }

    /** Notes, in the caller's transaction, what each created table held when the run verified it. */
    static void verified(Connection c, UUID id, Map<String, Verified> tables) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Sql.query("insert-verified"))) {
            for (Map.Entry<String, Verified> t : tables.entrySet()) {
                ps.setObject(1, id);
                ps.setString(2, t.getKey());
                ps.setLong(3, t.getValue().rows());
                ps.setLong(4, t.getValue().checksum());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The tables run {@code id} created and verified, by target name; empty for runs older than this Ferry. */
    static Map<String, Verified> verified(Connection c, UUID id) throws SQLException {
        Map<String, Verified> out = new TreeMap<>();
        if (!current(c)) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement(Sql.query("verified"))) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Verified(rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return out;
    }

    /** Notes, in the caller's transaction, the run's per-column decisions (see {@link PlanRecord}). */
    static void plan(Connection c, UUID id, String decisions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Sql.query("insert-plan"))) {
            ps.setObject(1, id);
            ps.setString(2, decisions);
            ps.executeUpdate();
        }
    }

    /** The run's per-column decisions; null for runs older than this Ferry (or a journal without them). */
    static String plan(Connection c, UUID id) throws SQLException {
        if (!current(c)) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement(Sql.query("plan"))) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static void mark(Connection c, UUID id, Status status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Sql.query("mark-run"))) {
            ps.setString(1, status.sql());
            ps.setBoolean(2, status != Status.RUNNING);
            ps.setObject(3, id);
            ps.executeUpdate();
        }
    }
}
