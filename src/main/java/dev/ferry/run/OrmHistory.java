package dev.ferry.run;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.TargetTables;
import dev.ferry.sqlite.SqliteSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables where an ORM records which of its migrations made the schema (and its other
 * bookkeeping): in a data-only run they keep the target's rows, and a difference from the SQLite
 * file's is said plainly, since it means the app code and the schema are at different versions.
 */
final class OrmHistory {

    private OrmHistory() {
    }

    /** The tables where ORMs record which of their migrations ran: the schema's version, not the app's data. */
    static final Map<String, String> HISTORY = Map.of("alembic_version", "version_num", "django_migrations", "name",
            "_prisma_migrations", "migration_name", "schema_migrations", "version", "flyway_schema_history", "version",
            "knex_migrations", "name");

    /**
     * ORM bookkeeping that is not a list of migrations (Rails' environment name, Knex's lock): the
     * target's rows stay and nothing is compared (copying Rails' 'development' row would collide).
     */
    static final Set<String> BOOKKEEPING = Set.of("ar_internal_metadata", "knex_migrations_lock");

    /**
     * An ORM's history table says which migrations made the schema: the target's rows stay. When
     * the SQLite file's differ, the app that wrote the file and the schema are at different versions.
     */
    static void compare(SqliteSource source, TablePlan t, String name, String column, String schema, Connection c,
                                MigrationListener listener) throws SQLException {
        List<String> there = new ArrayList<>();
        List<String> here = new ArrayList<>();
        String pgColumn = t.columns().stream().map(ColumnPlan::source).map(dev.ferry.schema.Column::name)
                .filter(n -> n.equalsIgnoreCase(column)).findFirst().orElse(null);
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT " + dev.ferry.postgres.Naming.quote(column)
                + "::text FROM " + dev.ferry.postgres.Naming.qualified(schema, name)); java.sql.ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                there.add(rs.getString(1));
            }
        } catch (SQLException e) {
            there = TargetTables.rows(c, schema, name);
        }
        if (pgColumn != null) {
            try (Connection s = source.connect(); java.sql.Statement st = s.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT CAST(" + SqliteSource.quote(pgColumn) + " AS TEXT) FROM "
                         + SqliteSource.quote(t.source().name()))) {
                while (rs.next()) {
                    here.add(rs.getString(1));
                }
            }
        }
        there.sort(null);
        here.sort(null);
        String kept = "Table " + name + " records which of the app's migrations made the schema; it keeps its own "
                + there.size() + (there.size() == 1 ? " row" : " rows") + " and none are copied from SQLite.";
        if (pgColumn != null && new LinkedHashSet<>(there).equals(new LinkedHashSet<>(here))) {
            listener.on(new MigrationEvent.Note(kept + " The SQLite file records the same migrations."));
        } else {
            listener.on(new MigrationEvent.Note(kept + " The SQLite file records other migrations (SQLite: "
                    + shown(here) + "; PostgreSQL: " + shown(there) + "): the app code that wrote the file and the schema "
                    + "in PostgreSQL are at different versions. Check that the columns mean the same before you switch over."));
        }
    }

    private static String shown(List<String> values) {
        return values.isEmpty() ? "none" : values.size() > 5 ? String.join(", ", values.subList(0, 5)) + ", ..."
                : String.join(", ", values);
    }
}
