package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.plan.Plan;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.Ddl;
import dev.ferry.postgres.Naming;
import dev.ferry.postgres.PgTarget;
import dev.ferry.verify.Checksums;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The create phase of a new run: the schema when missing, the tables, and the run's journal entry
 * (what it created, and a progress line per part) in one transaction, so a run exists in the
 * journal exactly when its tables exist in the schema.
 */
final class Creator {

    private Creator() {
    }

    /**
     * @param planRecord noted in the same transaction when the plan was made from samples (see
     *                   {@link PlanRecord#sampling}): a resume must make the same plan; else null
     */
    static void create(Plan plan, PgTarget target, Ddl ddl, Options options, UUID run, SourceStamp stamp, String digest,
                       List<CopyPart> parts, String planRecord) {
        Set<String> names = new LinkedHashSet<>(plan.tables().stream().map(TablePlan::target).toList());
        List<String> views = plan.views().stream().map(Plan.ViewPlan::target).toList();
        names.addAll(views);
        Set<String> existing = existing(target, plan.schema(), names);
        if (!existing.isEmpty() && options.ifExists() == Options.IfExists.FAIL) {
            throw new FerryException(FerryException.Kind.TARGET, "These tables already exist in schema " + plan.schema()
                    + " of " + options.target().database() + ": " + String.join(", ", existing) + ".",
                    "Nothing was changed. Use --if-exists append to add the rows to them, truncate to empty them "
                            + "first, replace to drop and recreate them, or --schema NAME to migrate into another schema.");
        }
        // append and truncate keep what is there: checked (and counted) before anything changes
        boolean keep = options.ifExists() == Options.IfExists.APPEND || options.ifExists() == Options.IfExists.TRUNCATE
                || options.dataOnly();
        Map<String, Journal.Before> kept = keep ? before(plan, target, ddl, options, existing) : Map.of();
        Journal.ensure(target);
        boolean createdCollation;
        List<String> createdTypes;
        try (Connection c = target.connection()) {
            c.setAutoCommit(false);
            // CREATE SCHEMA IF NOT EXISTS would demand the right to create schemas even when it exists
            boolean createdSchema = !Journal.schemaExists(c, plan.schema());
            try (Statement s = c.createStatement()) {
                if (createdSchema) {
                    s.execute(ddl.createSchema());
                }
                s.execute(ddl.searchPath()); // generated columns' expressions may name the schema's collation
                // made whenever the server has ICU, not only for the plan's columns: the app's own SQL may say
                // COLLATE NOCASE (ORDER BY title COLLATE nocase), and check-app proves it against this schema
                createdCollation = !collationExists(c, plan.schema());
                if (createdCollation) {
                    java.sql.Savepoint before = c.setSavepoint();
                    try {
                        s.execute(ddl.createCollation());
                    } catch (SQLException noIcu) { // no ICU: only indexes, views or the app's SQL use it (ServerFit saw to the columns): they will say so
                        c.rollback(before);
                        createdCollation = false;
                    }
                }
                // views first, then all tables in one statement, so keys between them do not block the drop
                List<String> tables = new ArrayList<>();
                for (String name : keep ? List.<String>of() : existing) {
                    if (views.contains(name)) {
                        s.execute("DROP VIEW " + Naming.qualified(plan.schema(), name));
                    } else {
                        tables.add(name);
                    }
                }
                if (!tables.isEmpty()) {
                    s.execute(ddl.dropTables(tables));
                }
                if (options.ifExists() == Options.IfExists.TRUNCATE && !kept.isEmpty()) {
                    s.execute("TRUNCATE " + String.join(", ", kept.keySet().stream().map(n -> Naming.qualified(plan.schema(), n)).toList()));
                }
                createdTypes = createEnums(c, s, ddl, plan);
                for (TablePlan t : plan.tables()) {
                    if (!kept.containsKey(t.target())) {
                        createTable(s, ddl, t, options);
                    }
                }
            }
            Journal.start(c, run, stamp, plan.schema(), createdSchema, digest, Migration.class.getPackage().getImplementationVersion());
            if (!keep) {
                Journal.forget(c, plan.schema(), run, existing);
            }
            if (createdSchema) {
                Journal.objects(c, run, "schema", List.of(plan.schema()));
            }
            // only what this run creates is undo's to drop; kept tables and views stay out of the list
            Journal.objects(c, run, "table", plan.tables().stream().map(TablePlan::target).filter(t -> !kept.containsKey(t)).toList());
            // views are recorded now, before they exist, so no crash can leave one that undo would not know
            Journal.objects(c, run, "view", views.stream().filter(v -> !keep || !existing.contains(v)).toList());
            Set<String> functions = existingFunctions(c, plan.schema()); // others' functions are never the run's to drop
            Journal.objects(c, run, "function", plan.triggers().stream().filter(t -> t.failure() == null
                    && !kept.containsKey(t.on()) && !functions.contains(t.function())).map(Plan.TriggerPlan::function).toList());
            if (createdCollation) {
                Journal.objects(c, run, "collation", List.of(dev.ferry.plan.ColumnPlan.NOCASE));
            }
            Journal.objects(c, run, "type", createdTypes);
            Journal.existing(c, run, kept);
            PartJournal.addParts(c, run, parts);
            if (planRecord != null) {
                Journal.plan(c, run, planRecord);
            }
            c.commit();
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "PostgreSQL refused to create the tables: " + e.getMessage(),
                    "Check that user '" + options.target().user() + "' may create tables in schema " + plan.schema()
                            + ". Nothing was changed.", e);
        }
    }

    /** Whether the journal holds run {@code run}: its tables and journal entry were committed together. */
    static boolean made(PgTarget target, UUID run) throws SQLException {
        try (Connection c = target.connection()) {
            return Journal.exists(c) && !Journal.runs(c, null, run).isEmpty();
        }
    }

    /**
     * A table PostgreSQL refuses is named with PostgreSQL's reason; the advice speaks of rights only
     * when rights were the reason (a default that does not fit the column's type is not).
     */
    static void createTable(Statement s, Ddl ddl, TablePlan t, Options options) throws SQLException {
        try {
            s.execute(ddl.createTable(t));
        } catch (SQLException e) {
            if (Faults.isTransient(e) || "42501".equals(e.getSQLState())) {
                throw e;
            }
            throw new FerryException(FerryException.Kind.FAILED, "PostgreSQL refused to create table " + t.target()
                    + " (from " + t.source().name() + "): " + firstLine(e.getMessage()),
                    "Nothing was changed. Ferry planned this table from the SQLite file and should have seen this "
                            + "coming: please report it with the details.", e);
        }
    }

    /**
     * The enum types of the suggestions taken; one that exists already (an earlier run's, kept by
     * --if-exists replace) is used as it is. The names of those made, for undo.
     */
    private static List<String> createEnums(Connection c, Statement s, Ddl ddl, Plan plan) throws SQLException {
        List<String> made = new ArrayList<>();
        List<String> sql = ddl.createEnums(plan);
        List<String> names = Ddl.enumTypes(plan);
        for (int i = 0; i < sql.size(); i++) {
            java.sql.Savepoint before = c.setSavepoint();
            try {
                s.execute(sql.get(i));
                made.add(names.get(i));
            } catch (SQLException e) {
                if (!"42710".equals(e.getSQLState())) { // duplicate_object: there already
                    throw e;
                }
                c.rollback(before);
            }
        }
        return made;
    }

    private static String firstLine(String m) {
        return m == null ? "" : m.lines().findFirst().orElse("");
    }

    /**
     * For append and truncate: every existing table checked able to take its rows (else nothing is
     * changed), and how it stands now, so verification can compare just the rows this run adds.
     */
    private static Map<String, Journal.Before> before(Plan plan, PgTarget target, Ddl ddl, Options options, Set<String> existing) {
        Map<String, Journal.Before> out = new LinkedHashMap<>();
        List<TablePlan> kept = plan.tables().stream().filter(t -> existing.contains(t.target())).toList();
        try (Connection c = target.connection()) {
            for (TablePlan t : options.dataOnly() ? List.<TablePlan>of() : kept) { // data-only: checked by DataOnly
                Existing.checkCompatible(c, plan.schema(), t);
            }
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not read how the existing tables of schema "
                    + plan.schema() + " are made.", "See the details. Nothing was changed.", e);
        }
        for (TablePlan t : kept) {
            boolean append = options.ifExists() == Options.IfExists.APPEND || options.dataOnly();
            Checksums.Sum sum = append ? Checksums.target(t, target, ddl, true) : new Checksums.Sum(0, 0);
            out.put(t.target(), new Journal.Before(options.dataOnly() ? DataOnly.POLICY : append ? "append" : "truncate",
                    sum.rows(), sum.checksum()));
        }
        return out;
    }

    private static Set<String> existingFunctions(Connection c, String schema) throws SQLException {
        Set<String> out = new java.util.HashSet<>();
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT p.proname FROM pg_proc p JOIN pg_namespace n "
                + "ON n.oid = p.pronamespace WHERE n.nspname = ?")) {
            ps.setString(1, schema);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    static boolean collationExists(Connection c, String schema) throws SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_collation l JOIN pg_namespace n "
                + "ON n.oid = l.collnamespace WHERE n.nspname = ? AND l.collname = ?")) {
            ps.setString(1, schema);
            ps.setString(2, dev.ferry.plan.ColumnPlan.NOCASE);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Which of these names are tables or views in the schema already (for a run, and for the faces' checks). */
    static Set<String> existing(PgTarget target, String schema, Set<String> names) {
        try {
            return target.existingTables(schema, names);
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not list the tables of schema "
                    + schema + ".", "See the details.", e);
        }
    }
}
