package dev.ferry.postgres;

import dev.ferry.SqlResources;
import dev.ferry.plan.TargetColumn;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables an app's own migrations made in a schema, read from pg_catalog: their columns with the
 * types that rule a data-only run, and the foreign keys between them (which decide the load order).
 */
public final class TargetTables {

    private static final SqlResources SQL = SqlResources.named(TargetTables.class, "target.sql");

    /**
     * One table referring to another ({@code parent}) by some of its {@code columns};
     * {@code deferrable} when the check may wait for the commit.
     */
    public record Reference(String child, String parent, boolean deferrable, List<String> columns) {
    }

    private final Map<String, List<TargetColumn>> tables;
    private final List<Reference> references;

    private TargetTables(Map<String, List<TargetColumn>> tables, List<Reference> references) {
        this.tables = tables;
        this.references = references;
    }

    public static TargetTables read(Connection c, String schema) throws SQLException {
        Map<String, List<TargetColumn>> tables = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SQL.get("columns"))) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String base = rs.getString(4);
                    int typmod = rs.getInt(6);
                    boolean chars = base.equals("varchar") || base.equals("bpchar");
                    boolean numeric = base.equals("numeric") && typmod >= 4;
                    tables.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new TargetColumn(rs.getString(2),
                            rs.getString(3), base, labels(rs.getArray(5)), chars && typmod >= 4 ? typmod - 4 : -1,
                            numeric ? ((typmod - 4) >> 16) & 0xffff : -1, numeric ? (typmod - 4) & 0xffff : -1,
                            rs.getBoolean(7), rs.getString(8), rs.getBoolean(9), rs.getBoolean(10), rs.getBoolean(11)));
                }
            }
        }
        List<Reference> refs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SQL.get("foreign-keys"))) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    refs.add(new Reference(rs.getString(1), rs.getString(2), rs.getBoolean(3), labels(rs.getArray(4))));
                }
            }
        }
        return new TargetTables(tables, List.copyOf(refs));
    }

    /** Table names as PostgreSQL spells them, each with its columns in order. */
    public Map<String, List<TargetColumn>> tables() {
        return tables;
    }

    public List<Reference> references() {
        return references;
    }

    /** Every row of a small table as PostgreSQL prints it (for comparing ORM history tables), sorted. */
    public static List<String> rows(Connection c, String schema, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t::text FROM " + Naming.qualified(schema, table) + " t");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        out.sort(null);
        return out;
    }

    private static List<String> labels(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.stream((Object[]) a.getArray()).map(String::valueOf).toList();
    }
}
