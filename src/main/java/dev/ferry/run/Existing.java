package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.Naming;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether a table that is already in the target can take a table's rows as they are (for
 * --if-exists append and truncate), decided from the catalog before any row moves. The first
 * reason it cannot is the whole answer, in words a user can act on.
 */
final class Existing {

    private record Col(String type, boolean notNull, boolean hasDefault, String identity, String generated) {
    }

    private Existing() {
    }

    /** Throws (exit 4, nothing changed) when the existing table {@code t.target()} cannot take the rows. */
    static void checkCompatible(Connection c, String schema, TablePlan t) throws SQLException {
        String where = "Table " + t.target() + " in schema " + schema;
        String kind = relkind(c, schema, t.target());
        if (!"r".equals(kind) && !"p".equals(kind)) {
            throw refuse(where + " is a view or another kind of object, not a table, so rows cannot be added to it.");
        }
        Map<String, Col> cols = columns(c, schema, t.target());
        for (ColumnPlan p : t.columns()) {
            Col e = cols.remove(p.target());
            if (e == null) {
                throw refuse(where + " has no column " + p.target() + ", which " + t.source().name() + " has.");
            }
            if (!accepts(e.type(), p.type())) {
                throw refuse(where + ": column " + p.target() + " is " + e.type() + " there, but Ferry would copy "
                        + p.type().sql() + " values into it.");
            }
            if (!p.copied()) { // computed by PostgreSQL in the plan: no values are copied for it
                if (e.generated().isEmpty()) {
                    throw refuse(where + ": column " + p.target() + " is a plain column there, but it is computed in "
                            + t.source().name() + " (generated), so Ferry copies no values for it.");
                }
                continue;
            }
            if ("a".equals(e.identity()) || !e.generated().isEmpty()) {
                throw refuse(where + ": column " + p.target() + " makes its own values (GENERATED ALWAYS), so it cannot take "
                        + "the copied ones.");
            }
            long nulls = p.profile() == null ? 0 : p.profile().nulls();
            if (e.notNull() && nulls > 0) {
                throw refuse(where + ": column " + p.target() + " does not accept empty values, and " + String.format("%,d", nulls)
                        + " rows of " + t.source().name() + " have none there.");
            }
        }
        for (Map.Entry<String, Col> extra : cols.entrySet()) {
            Col e = extra.getValue();
            if (e.notNull() && !e.hasDefault() && e.identity().isEmpty() && e.generated().isEmpty()) {
                throw refuse(where + " has a column " + extra.getKey() + " that needs a value in every row, and "
                        + t.source().name() + " has no such column.");
            }
        }
    }

    /**
     * Same type, or a wider one of the same family: nothing copied can be cut or reinterpreted on
     * the way in, and reading it back as the planned type gives the copied value again.
     */
    static boolean accepts(String existing, PgType planned) {
        PgType e;
        try {
            e = PgType.parse(existing);
        } catch (IllegalArgumentException unknown) {
            return false;
        }
        Integer len = length(e.sql()), plannedLen = length(planned.sql());
        return switch (e.kind()) {
            case BIGINT -> planned.isInteger();
            case INTEGER -> planned.kind() == PgType.Kind.INTEGER || planned.kind() == PgType.Kind.SMALLINT;
            case NUMERIC -> len == null ? planned.isInteger() || planned.kind() == PgType.Kind.NUMERIC
                    : planned.kind() == PgType.Kind.NUMERIC && e.sql().replace(" ", "").equals(planned.sql().replace(" ", ""));
            case TEXT -> planned.kind() == PgType.Kind.TEXT || planned.kind() == PgType.Kind.VARCHAR;
            case VARCHAR -> len == null ? planned.kind() == PgType.Kind.TEXT || planned.kind() == PgType.Kind.VARCHAR
                    : planned.kind() == PgType.Kind.VARCHAR && plannedLen != null && plannedLen <= len;
            default -> e.kind() == planned.kind();
        };
    }

    private static Integer length(String sql) {
        int open = sql.indexOf('(');
        return open < 0 ? null : Integer.valueOf(sql.substring(open + 1).split("[,)]")[0].trim());
    }

    private static FerryException refuse(String why) {
        return new FerryException(FerryException.Kind.TARGET, why + " Nothing was changed.", "Use --if-exists replace to "
                + "recreate the table, --type TABLE.COLUMN=TYPE to copy a type that fits, or --schema NAME to migrate "
                + "beside it.");
    }

    private static String relkind(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT c.relkind::text FROM pg_class c JOIN pg_namespace n "
                + "ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Map<String, Col> columns(Connection c, String schema, String table) throws SQLException {
        Map<String, Col> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT attname, format_type(atttypid, atttypmod), attnotnull, "
                + "atthasdef, attidentity::text, attgenerated::text FROM pg_attribute WHERE attrelid = to_regclass(?) "
                + "AND attnum > 0 AND NOT attisdropped ORDER BY attnum")) {
            ps.setString(1, Naming.qualified(schema, table));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Col(rs.getString(2), rs.getBoolean(3), rs.getBoolean(4), rs.getString(5),
                            rs.getString(6)));
                }
            }
        }
        return out;
    }
}
