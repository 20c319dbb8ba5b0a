package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.mapping.Plan;
import dev.ferry.mapping.TablePlan;
import dev.ferry.target.Ddl;
import dev.ferry.target.Naming;
import dev.ferry.target.PgTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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

    static void create(Plan plan, PgTarget target, Ddl ddl, Options options, UUID run, SourceStamp stamp, String digest,
                       List<CopyPart> parts) {
        Set<String> names = new LinkedHashSet<>(plan.tables().stream().map(TablePlan::target).toList());
        List<String> views = plan.views().stream().map(Plan.ViewPlan::target).toList();
        names.addAll(views);
        Set<String> existing = existing(target, plan, names);
        if (!existing.isEmpty() && options.ifExists() == Options.IfExists.FAIL) {
            throw new FerryException(FerryException.Kind.TARGET, "These tables already exist in schema " + plan.schema()
                    + " of " + options.target().database() + ": " + String.join(", ", existing) + ".",
                    "Nothing was changed. Use --if-exists replace to drop and recreate them, or --schema NAME to "
                            + "migrate into another schema.");
        }
        Journal.ensure(target);
        try (Connection c = target.connection()) {
            c.setAutoCommit(false);
            // CREATE SCHEMA IF NOT EXISTS would demand the right to create schemas even when it exists
            boolean createdSchema = !Journal.schemaExists(c, plan.schema());
            try (Statement s = c.createStatement()) {
                if (createdSchema) {
                    s.execute(ddl.createSchema());
                }
                // views first, then all tables in one statement, so keys between them do not block the drop
                List<String> tables = new ArrayList<>();
                for (String name : existing) {
                    if (views.contains(name)) {
                        s.execute("DROP VIEW " + Naming.qualified(plan.schema(), name));
                    } else {
                        tables.add(name);
                    }
                }
                if (!tables.isEmpty()) {
                    s.execute(ddl.dropTables(tables));
                }
                for (TablePlan t : plan.tables()) {
                    s.execute(ddl.createTable(t));
                }
            }
            Journal.start(c, run, stamp, plan.schema(), createdSchema, digest, Migration.class.getPackage().getImplementationVersion());
            Journal.forget(c, plan.schema(), run, existing);
            if (createdSchema) {
                Journal.objects(c, run, "schema", List.of(plan.schema()));
            }
            Journal.objects(c, run, "table", plan.tables().stream().map(TablePlan::target).toList());
            // views are recorded now, before they exist, so no crash can leave one that undo would not know
            Journal.objects(c, run, "view", views);
            PartJournal.addParts(c, run, parts);
            c.commit();
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "PostgreSQL refused to create the tables: " + e.getMessage(),
                    "Check that user '" + options.target().user() + "' may create tables in schema " + plan.schema()
                            + ". Nothing was changed.", e);
        }
    }

    static Set<String> existing(PgTarget target, Plan plan, Set<String> names) {
        try {
            return target.existingTables(plan.schema(), names);
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not list the tables of schema "
                    + plan.schema() + ".", "See the details.", e);
        }
    }
}
