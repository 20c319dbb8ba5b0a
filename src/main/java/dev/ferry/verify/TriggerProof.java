package dev.ferry.verify;

import dev.ferry.plan.Plan;
import dev.ferry.postgres.Naming;
import dev.ferry.postgres.PgTarget;
import dev.ferry.translate.TriggerTranslator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.postgresql.util.PSQLException;

/**
 * Each trigger fired once on the user's data, inside a transaction that is always rolled back: an
 * UPDATE of one row setting a column to itself, a copy of one row inserted (or, when a copy would
 * break a key, the row deleted and inserted again in one statement), or one row deleted. Proven when PostgreSQL ran the trigger's function
 * without error (and a stamp trigger changed its column, or a RAISE refused the change as written).
 * Sequences the fired statements advanced are set back afterwards, so nothing at all changes.
 */
public final class TriggerProof {

    private final PgTarget target;
    private final String schema;
    private final Duration timeout;

    public TriggerProof(PgTarget target, String schema, Duration timeout) {
        this.target = target;
        this.schema = schema;
        this.timeout = timeout;
    }

    public TriggerProof(PgTarget target, String schema) {
        this(target, schema, ViewProof.TIMEOUT);
    }

    /**
     * The proof of each trigger (by name). No sequence is set back afterwards: on a database an app
     * already uses, another program could take an id between the proof and the setval, and get it
     * twice. The copy a proof inserts takes its key from the table's largest one instead of the
     * sequence, so the table's own ids are never used up; a trigger that inserts elsewhere (an audit
     * table) may leave a gap there, as any rolled-back insert in PostgreSQL does.
     */
    public Map<String, Proof> proveAll(List<Plan.TriggerPlan> triggers) {
        Map<String, Proof> out = new LinkedHashMap<>();
        if (triggers.isEmpty()) {
            return out;
        }
        for (Plan.TriggerPlan t : triggers) {
            try {
                out.put(t.name(), prove(t));
            } catch (RuntimeException e) { // Ferry's shortcoming, never the run's end: the trigger is there, unproven
                org.slf4j.LoggerFactory.getLogger(TriggerProof.class).warn("trigger {} could not be proven", t.name(), e);
                out.put(t.name(), Proof.notProven("Ferry could not fire it (" + e.getMessage() + ")"));
            }
        }
        return out;
    }

    /** One trigger fired in a transaction that is rolled back whatever happens. */
    public Proof prove(Plan.TriggerPlan t) {
        String[] words = t.events().split(" ", 3);
        if (words[0].equals("INSTEAD")) {
            return Proof.notProven("it fires on a view; Ferry fires triggers on tables only");
        }
        String event = words[1];
        String of = words.length > 2 && words[2].startsWith("OF ") ? words[2].substring(3).split(", ")[0] : null;
        String table = Naming.qualified(schema, t.on());
        List<String> stamps = TriggerTranslator.stamped(t);
        String stampRow = stamps.isEmpty() ? "NULL" : stamps.size() == 1 ? "(" + stamps.get(0) + ")::text"
                : "ROW(" + String.join(", ", stamps) + ")::text";
        String what = switch (event) {
            case "UPDATE" -> "an UPDATE of one row";
            case "INSERT" -> "an INSERT of a copy of one row";
            default -> "a DELETE of one row";
        };
        try (Connection c = target.connection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL statement_timeout = " + timeout.toMillis());
                isolate(s, table, t.target());
                String ctid, was;
                try (ResultSet rs = s.executeQuery("SELECT ctid::text, " + stampRow + " FROM " + table + " LIMIT 1")) {
                    if (!rs.next()) {
                        return Proof.notProven("table " + t.on() + " has no rows to fire it on");
                    }
                    ctid = rs.getString(1);
                    was = rs.getString(2);
                }
                String sql;
                if (event.equals("UPDATE")) {
                    String column = of != null ? of : firstColumn(c, table);
                    what += " setting " + column + " to itself";
                    sql = "UPDATE " + table + " SET " + column + " = " + column + " WHERE ctid = ?::tid RETURNING " + stampRow;
                } else if (event.equals("INSERT")) {
                    List<String> all = columns(c, table, false);
                    String columns = String.join(", ", all);
                    if (uniqueBesidesIdentity(c, table) == null) {
                        String id = identity(c, table); // a new key past the largest, so the sequence is never advanced
                        String values = String.join(", ", all.stream().map(col -> col.equals(id)
                                ? "(SELECT coalesce(max(" + id + "), 0) + 1 FROM " + table + ")" : col).toList());
                        sql = "INSERT INTO " + table + " (" + columns + ") OVERRIDING SYSTEM VALUE SELECT " + values + " FROM "
                                + table + " WHERE ctid = ?::tid RETURNING " + stampRow;
                    } else { // a copy would break a key, and Ferry invents no values: the row itself goes back in its place
                        what = "an INSERT of one row in place of itself, deleted and inserted again in one statement";
                        columns = String.join(", ", columns(c, table, false));
                        sql = "WITH gone AS (DELETE FROM " + table + " WHERE ctid = ?::tid RETURNING " + columns + ") INSERT INTO "
                                + table + " (" + columns + ") SELECT " + columns + " FROM gone RETURNING " + stampRow;
                    }
                } else {
                    sql = "DELETE FROM " + table + " WHERE ctid = ?::tid RETURNING NULL";
                }
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, ctid);
                    String now = null;
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            now = rs.getString(1);
                        }
                    }
                    return fired(stamps, was, now, what, t.when() != null);
                } catch (SQLException e) {
                    return failed(t, e, what);
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            return Proof.notProven("Ferry could not fire it: " + ViewProof.firstLine(e));
        }
    }

    /**
     * The table's other triggers are switched off inside the transaction (the rollback switches them
     * back on), so the proof is of this trigger: another one's RAISE on DELETE cannot stop the INSERT
     * that puts a row back in place. Needs the table's owner, which Ferry is for the tables it made;
     * otherwise the others stay on. The lock it takes is waited for 2 seconds at most.
     */
    private static void isolate(Statement s, String table, String trigger) throws SQLException {
        s.execute("SET LOCAL lock_timeout = 2000");
        s.execute("SAVEPOINT isolate");
        try {
            s.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
            s.execute("ALTER TABLE " + table + " ENABLE TRIGGER " + Naming.quote(trigger));
        } catch (SQLException e) {
            s.execute("ROLLBACK TO SAVEPOINT isolate");
        }
    }

    private static Proof fired(List<String> stamps, String was, String now, String what, boolean when) {
        String how = " (" + what + ", in a transaction that was rolled back)";
        if (stamps.isEmpty()) {
            return Proof.proven("PostgreSQL fired it without error" + (when ? "; its WHEN condition decides whether its "
                    + "statements ran" : "") + how);
        }
        String cols = String.join(", ", stamps);
        if (now == null || Objects.equals(was, now)) {
            return Proof.notProven("it ran without error, but " + cols + " kept " + (stamps.size() == 1 ? "its value" : "their values")
                    + " (its WHEN may not hold for an unchanged row)" + how);
        }
        return Proof.proven("it stamped " + cols + ": " + was + " became " + now + how);
    }

    private Proof failed(Plan.TriggerPlan t, SQLException e, String what) {
        String message = ViewProof.firstLine(e).replaceFirst("^ERROR: ", "");
        String where = e instanceof PSQLException p && p.getServerErrorMessage() != null
                ? String.valueOf(p.getServerErrorMessage().getWhere()) : "";
        String state = String.valueOf(e.getSQLState());
        if (state.equals("57014")) {
            return Proof.notProven("it took longer than " + timeout.toSeconds() + " s");
        }
        boolean mine = where.contains("function " + t.function() + "(") || where.contains("." + t.function() + "(");
        if (state.equals("P0001") && mine && t.body() != null && t.body().contains("RAISE EXCEPTION")) {
            return Proof.proven("it refused " + what + " with its own message, as its RAISE does: " + message);
        }
        if (state.startsWith("23")) {
            return Proof.notProven("PostgreSQL refused " + what + " for one of the table's own rules: " + message);
        }
        if (mine) {
            return Proof.differs("it fails when it fires: PostgreSQL said " + message + " (" + what + ")");
        }
        if (where.contains("PL/pgSQL function")) {
            return Proof.notProven("another trigger stopped " + what + ": " + message);
        }
        return Proof.notProven("PostgreSQL refused " + what + ": " + message);
    }

    /** The first column an UPDATE may set (a generated column may not be). */
    private static String firstColumn(Connection c, String table) throws SQLException {
        List<String> all = columns(c, table, false);
        return all.isEmpty() ? "ctid" : all.get(0);
    }

    private static List<String> columns(Connection c, String table, boolean withoutIdentity) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT quote_ident(attname) FROM pg_attribute WHERE attrelid = "
                + "?::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' AND (NOT ? OR attidentity = '') "
                + "ORDER BY attnum")) {
            ps.setString(1, table);
            ps.setBoolean(2, withoutIdentity);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** A unique index a copy of a row would break (one on other columns than the identity), else null. */
    private static String uniqueBesidesIdentity(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT i.indexrelid::regclass::text FROM pg_index i WHERE "
                + "i.indrelid = ?::regclass AND i.indisunique AND (0 = ANY (i.indkey) OR EXISTS (SELECT 1 FROM "
                + "unnest(i.indkey) k JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k "
                + "WHERE a.attidentity = '')) LIMIT 1")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? "the unique index " + rs.getString(1) : null;
            }
        }
    }

    /** The table's identity column (quoted), or null. */
    private static String identity(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT quote_ident(attname) FROM pg_attribute WHERE attrelid = "
                + "?::regclass AND attnum > 0 AND NOT attisdropped AND attidentity <> '' LIMIT 1")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
