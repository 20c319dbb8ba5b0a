package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.postgres.Naming;
import dev.ferry.postgres.PgTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Takes away exactly what one run created, as its journal lists it: its views and tables (their
 * keys, indexes and identity sequences go with them), and its schema when Ferry created it and
 * nothing else is left in it. Never CASCADE: an object someone else made on top stops the undo
 * instead of vanishing with it. Rows added after the run stop it too, unless forced.
 * {@link #find} looks; {@link #apply} drops, all in one transaction.
 */
public final class Undo {

    private final Journal.RunInfo run;
    private final List<String> tables, views, kept;
    private List<String> functions = List.of(), collations = List.of(), types = List.of();
    private List<String> loaded = List.of(); // tables a data-only run filled: its rows go, the tables stay
    private List<String> grown;
    private boolean schemaDropped;
    private long deleted;

    private Undo(Journal.RunInfo run, List<String> tables, List<String> views, List<String> grown, List<String> kept) {
        this.kept = kept;
        this.run = run;
        this.tables = tables;
        this.views = views;
        this.grown = grown;
    }

    /** The run {@code id}, or (null) the newest run into {@code schema} not undone yet. */
    public static Undo find(PgTarget target, String schema, UUID id) {
        try (Connection c = target.connection()) {
            Journal.RunInfo run = !Journal.exists(c) ? null : Journal.runs(c, id == null ? schema : null, id).stream()
                    .filter(r -> id != null || r.status() != Journal.Status.UNDONE).findFirst().orElse(null);
            if (run == null) {
                throw new FerryException(FerryException.Kind.TARGET, id == null ? "Ferry has no run into schema " + schema
                        + " of database " + target.address().database() + " to undo." : "Ferry has no run " + id + " in database "
                        + target.address().database() + ".", "Check --to and --schema (or --run). Nothing was changed.");
            }
            if (run.status() == Journal.Status.UNDONE) {
                throw new FerryException(FerryException.Kind.TARGET, "Run " + run.id() + " was undone already.", "Nothing was changed.");
            }
            Map<String, String> kinds = Resume.relations(c, run.schema(), Journal.objects(c, run.id(), "table"));
            List<String> tables = kinds.keySet().stream().filter(t -> kinds.get(t).equals("r")).sorted().toList();
            Map<String, String> viewKinds = Resume.relations(c, run.schema(), Journal.objects(c, run.id(), "view"));
            List<String> views = viewKinds.keySet().stream().filter(v -> viewKinds.get(v).equals("v")).sorted().toList();
            Map<String, Journal.Before> before = Journal.existing(c, run.id());
            List<String> kept = before.entrySet().stream().map(e -> "Table " + e.getKey()
                    + (e.getValue().policy().equals(DataOnly.POLICY) ? " was made by the app's migrations and the run "
                    + "loaded rows into it: undo deletes exactly those rows and keeps the table and every other row."
                    : (e.getValue().policy().equals("append") ? " was there before and the run added rows to it"
                    : " was there before and the run emptied and refilled it") + ": undo leaves it as it is now.")).toList();
            List<String> loaded = before.entrySet().stream().filter(e -> e.getValue().policy().equals(DataOnly.POLICY))
                    .map(Map.Entry::getKey).toList();
            Undo undo = new Undo(run, tables, views, grown(c, run, tables), kept);
            undo.functions = Journal.objects(c, run.id(), "function");
            undo.collations = Journal.objects(c, run.id(), "collation");
            undo.types = Journal.objects(c, run.id(), "type");
            undo.loaded = loaded;
            return undo;
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not read its journal in database "
                    + target.address().database() + ".", "See the details. Nothing was changed.", e);
        }
    }

    public Journal.RunInfo run() {
        return run;
    }

    /** The run's tables that exist now, all of which undo drops. */
    public List<String> tables() {
        return tables;
    }

    public List<String> views() {
        return views;
    }

    /**
     * One sentence per table the run filled without creating it (--if-exists append or truncate):
     * never dropped, and its rows stay, since Ferry cannot tell the run's rows from the others.
     */
    public List<String> kept() {
        return kept;
    }

    /** One sentence per table holding more rows than the run copied. */
    public List<String> grown() {
        return grown;
    }

    /** Whether {@link #apply} also dropped the schema (Ferry had created it, and it was empty then). */
    public boolean schemaDropped() {
        return schemaDropped;
    }

    public void apply(PgTarget target, boolean force) {
        try (RunLock lock = RunLock.take(target, run.id()); Connection c = target.connection()) {
            if (lock == null) {
                throw new FerryException(FerryException.Kind.TARGET, "Run " + run.id() + " is still going on in another "
                        + "Ferry.", "Stop it first (Ctrl-C or Cancel), then undo. Nothing was changed.");
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '10s'");
                List<String> qualified = tables.stream().map(t -> Naming.qualified(run.schema(), t)).toList();
                if (!qualified.isEmpty()) {
                    s.execute("LOCK TABLE " + String.join(", ", qualified) + " IN ACCESS EXCLUSIVE MODE");
                    grown = grown(c, run, tables); // again, now that nobody can add rows
                }
                if (!grown.isEmpty() && !force) {
                    c.rollback();
                    throw grownRefusal(grown);
                }
                deleteLoaded(c);
                if (!views.isEmpty()) {
                    s.execute("DROP VIEW IF EXISTS " + String.join(", ", views.stream().map(v -> Naming.qualified(run.schema(), v)).toList()));
                }
                if (!qualified.isEmpty()) {
                    s.execute("DROP TABLE IF EXISTS " + String.join(", ", qualified)); // their triggers go with them
                }
                for (String f : functions) { // the triggers' functions do not
                    s.execute("DROP FUNCTION IF EXISTS " + Naming.qualified(run.schema(), f) + "()");
                }
                for (String type : types) { // a suggestion's enum type, once no table uses it
                    Savepoint before = c.setSavepoint();
                    try {
                        s.execute("DROP TYPE IF EXISTS " + Naming.qualified(run.schema(), type));
                    } catch (SQLException inUse) {
                        c.rollback(before);
                    }
                }
                for (String coll : collations) {
                    Savepoint before = c.setSavepoint();
                    try {
                        s.execute("DROP COLLATION IF EXISTS " + Naming.qualified(run.schema(), coll));
                    } catch (SQLException inUse) {
                        c.rollback(before); // a later run's columns use it: it stays with them
                    }
                }
                if (run.createdSchema() && Journal.schemaExists(c, run.schema())) {
                    Savepoint before = c.setSavepoint();
                    try {
                        s.execute("DROP SCHEMA " + Naming.quote(run.schema()));
                        schemaDropped = true;
                    } catch (SQLException notEmpty) {
                        c.rollback(before); // others' objects live there now: the schema stays
                    }
                }
                Journal.mark(c, run.id(), Journal.Status.UNDONE);
            }
            c.commit();
        } catch (SQLException e) {
            throw refused(e);
        }
    }

    /** The refusal when rows were added since the run (see {@link #grown()}), for faces that check before asking. */
    public static FerryException grownRefusal(List<String> grown) {
        return new FerryException(FerryException.Kind.TARGET, "Rows were added to the run's tables after it copied them: "
                + String.join(" ", grown) + " Undo would delete those rows too, so nothing was dropped.",
                "If those rows may go, undo again with --force.");
    }

    private FerryException refused(SQLException e) {
        String state = String.valueOf(e.getSQLState());
        String detail = e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getDetail() != null ? p.getServerErrorMessage().getDetail() : e.getMessage();
        if (state.equals("2BP01")) {
            return new FerryException(FerryException.Kind.TARGET, "Other objects, not made by Ferry, depend on the run's "
                    + "tables: " + detail.replace('\n', ' ') + ". Nothing was dropped.", "Drop or change those objects "
                    + "first if they may go, then undo again.", e);
        }
        if (state.equals("55P03")) {
            return new FerryException(FerryException.Kind.TARGET, "The run's tables are in use by another session, so "
                    + "they cannot be dropped now. Nothing was dropped.", "Stop the app using them, then undo again.", e);
        }
        return new FerryException(FerryException.Kind.TARGET, "PostgreSQL refused the undo: " + e.getMessage()
                + " Nothing was dropped.", "Check that user may drop the run's tables; see the details.", e);
    }

    private static List<String> grown(Connection c, Journal.RunInfo run, List<String> tables) throws SQLException {
        Map<String, Long> copied = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name, sum(rows_committed) FROM ferry_journal.progress "
                + "WHERE run_id = ? GROUP BY table_name")) {
            ps.setObject(1, run.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    copied.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + Naming.qualified(run.schema(), t))) {
                    rs.next();
                    long now = rs.getLong(1), had = copied.getOrDefault(t, 0L);
                    if (now > had) {
                        out.add(String.format("table %s has %,d rows now, the run copied %,d.", t, now, had));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The rows a data-only run loaded, found by the transactions that wrote them (see
     * ferry_journal.loads), deleted children first so no foreign key stops the delete.
     */
    private void deleteLoaded(Connection c) throws SQLException {
        if (loaded.isEmpty()) {
            return;
        }
        List<List<String>> levels = new ArrayList<>(LoadOrder.levels(loaded, t -> t,
                dev.ferry.postgres.TargetTables.read(c, run.schema()).references()));
        java.util.Collections.reverse(levels);
        for (List<String> level : levels) {
            for (String t : level) {
                try (PreparedStatement ps = c.prepareStatement(Sql.fill("delete-loaded", "table",
                        Naming.qualified(run.schema(), t)))) {
                    ps.setObject(1, run.id());
                    ps.setString(2, t);
                    deleted += ps.executeUpdate();
                }
            }
        }
    }

    /** How many rows {@link #apply} deleted from tables a data-only run filled. */
    public long deleted() {
        return deleted;
    }
}
