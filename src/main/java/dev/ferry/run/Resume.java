package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.plan.Plan;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.Naming;
import dev.ferry.postgres.PgTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Readies an unfinished run to go on, in one transaction: its parts as the journal left them;
 * WITHOUT ROWID tables it had started emptied (they have no order to continue from); and the
 * keys, indexes and views an earlier attempt may have made taken away again, so the table copy
 * stays fast and the complete phase can simply run again.
 */
final class Resume {

    private Resume() {
    }

    static List<CopyPart> prepare(Plan plan, PgTarget target, Journal.RunInfo run) {
        String schema = plan.schema();
        try (Connection c = target.connection()) {
            c.setAutoCommit(false);
            Journal.mark(c, run.id(), Journal.Status.RUNNING);
            List<String> tables = Journal.objects(c, run.id(), "table");
            Map<String, String> kinds = relations(c, schema, tables);
            List<String> gone = tables.stream().filter(t -> !"r".equals(kinds.get(t))).toList();
            if (!gone.isEmpty()) {
                throw new FerryException(FerryException.Kind.TARGET, "The unfinished run cannot go on: table"
                        + (gone.size() == 1 ? " " : "s ") + String.join(", ", gone) + " of schema " + schema
                        + " are no longer in PostgreSQL.", "Remove what the run left with ferry undo, then migrate again.");
            }
            Map<String, Journal.Before> kept = Journal.existing(c, run.id());
            List<PartJournal.PartState> states = new ArrayList<>();
            try (Statement s = c.createStatement()) {
                for (PartJournal.PartState p : PartJournal.parts(c, run.id())) {
                    String name = p.table();
                    TablePlan t = plan.tables().stream().filter(x -> x.target().equals(name)).findFirst().orElse(null);
                    if (t != null && CopyPart.rowidName(t.source()) == null && !p.done() && p.rows() > 0) {
                        if (kept.containsKey(name) && kept.get(name).policy().equals("append")) {
                            // its rows cannot be told from those that were there before, so it cannot be emptied to start again
                            throw new FerryException(FerryException.Kind.TARGET, "The unfinished run cannot go on: it was adding "
                                    + "rows to table " + name + ", which existed before and has no row order (WITHOUT ROWID) to "
                                    + "continue from. Nothing was changed.", "Remove the rows it added by hand, or restore the "
                                    + "table, then migrate again.");
                        }
                        s.execute("TRUNCATE " + Naming.qualified(schema, t.target()));
                        try (PreparedStatement ps = c.prepareStatement("UPDATE ferry_journal.progress SET rows_committed = 0,"
                                + " last_rowid = NULL WHERE run_id = ? AND table_name = ?")) {
                            ps.setObject(1, run.id());
                            ps.setString(2, p.table());
                            ps.executeUpdate();
                        }
                        p = new PartJournal.PartState(p.table(), p.part(), p.from(), p.to(), null, 0, false);
                    }
                    states.add(p);
                }
                dropCompletion(c, s, plan, run, tables);
            }
            c.commit();
            return CopyPart.resume(plan.tables(), states);
        } catch (SQLException | IllegalStateException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not get the unfinished run ready to go on: "
                    + e.getMessage(), "See the details. Nothing was copied; ferry undo removes what the run left.", e);
        }
    }

    /** Only names the plan gives to keys, indexes and views, and only on the run's own tables. */
    private static void dropCompletion(Connection c, Statement s, Plan plan, Journal.RunInfo run, List<String> tables)
            throws SQLException {
        String schema = plan.schema();
        List<String> views = Journal.objects(c, run.id(), "view");
        List<String> existingViews = new ArrayList<>();
        relations(c, schema, views).forEach((name, kind) -> {
            if (kind.equals("v")) {
                existingViews.add(Naming.qualified(schema, name));
            }
        });
        if (!existingViews.isEmpty()) {
            s.execute("DROP VIEW IF EXISTS " + String.join(", ", existingViews));
        }
        Set<String> planned = new HashSet<>();
        plan.indexes().forEach(i -> planned.add(i.name()));
        plan.foreignKeys().forEach(f -> planned.add(f.name()));
        plan.tables().forEach(t -> t.checks().forEach(k -> planned.add(k.name())));
        List<String[]> made = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(Sql.query("made-on-tables"))) {
            Object[] names = tables.toArray();
            ps.setString(1, schema);
            ps.setArray(2, c.createArrayOf("text", names));
            ps.setString(3, schema);
            ps.setArray(4, c.createArrayOf("text", names));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (planned.contains(rs.getString(1))) {
                        made.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                    }
                }
            }
        }
        // foreign keys first: they depend on the parents' keys
        for (String kind : List.of("f", "c", "p", "u", "i")) {
            for (String[] m : made) {
                if (m[2].equals(kind)) {
                    s.execute(kind.equals("i") ? "DROP INDEX IF EXISTS " + Naming.qualified(schema, m[0])
                            : "ALTER TABLE " + Naming.qualified(schema, m[1]) + " DROP CONSTRAINT IF EXISTS " + Naming.quote(m[0]));
                }
            }
        }
    }

    /** Relation name to its kind ('r' table, 'v' view, ...) for those of {@code names} that exist. */
    static Map<String, String> relations(Connection c, String schema, List<String> names) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(Sql.query("relations"))) {
            ps.setString(1, schema);
            ps.setArray(2, c.createArrayOf("text", names.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }
}
