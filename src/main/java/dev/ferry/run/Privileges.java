package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.postgres.Naming;
import dev.ferry.postgres.PgTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Checks, before anything is created, that the user may create what a run needs: the tables (in
 * the schema, or the schema itself), and Ferry's journal the first time. Told up front in plain
 * words rather than as "permission denied" after the journal or half the tables exist.
 */
final class Privileges {

    private Privileges() {
    }

    static void check(PgTarget target, String schema) {
        check(target, schema, true);
    }

    /** @param tables whether the run creates tables (a data-only run fills those that exist: only its journal is new) */
    static void check(PgTarget target, String schema, boolean tables) {
        String user = target.address().user(), db = target.address().database();
        try (Connection c = target.connection(); PreparedStatement ps = c.prepareStatement(Sql.query("may-create"))) {
            ps.setString(1, schema);
            ps.setString(2, Journal.SCHEMA);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                boolean onDatabase = rs.getBoolean(1);
                Boolean onSchema = (Boolean) rs.getObject(2);
                boolean journal = rs.getBoolean(3);
                if (tables && (onSchema == null ? !onDatabase : !onSchema)) {
                    String grant = onSchema == null ? "GRANT CREATE ON DATABASE " + Naming.quote(db) + " TO " + Naming.quote(user)
                            : "GRANT CREATE ON SCHEMA " + Naming.quote(schema) + " TO " + Naming.quote(user);
                    throw new FerryException(FerryException.Kind.TARGET, "User '" + user + "' may not create tables in "
                            + (onSchema == null ? "database '" + db + "' (schema '" + schema + "' does not exist yet)"
                            : "schema '" + schema + "' of database '" + db + "'") + ".",
                            "Ask an administrator to run: " + grant + "; or choose a schema you own (--schema), or "
                                    + "another user. Nothing was changed.");
                }
                if (!journal && !onDatabase) {
                    throw new FerryException(FerryException.Kind.TARGET, "User '" + user + "' may not create Ferry's "
                            + "journal (schema " + Journal.SCHEMA + ") in database '" + db + "'.", "Ferry records there how "
                            + "far a run got, so it can be resumed or undone. An administrator can run once: CREATE SCHEMA "
                            + Journal.SCHEMA + " AUTHORIZATION " + Naming.quote(user) + ". Nothing was changed.");
                }
            }
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not check what user '" + user + "' may "
                    + "create in database '" + db + "'.", "See the details. Nothing was changed.", e);
        }
    }

    /**
     * The same rule as {@link #check}, as a yes or no for a face that only shows it (the wizard's
     * connection test); a failure to ask is still an error.
     */
    static boolean allows(PgTarget target, String schema) {
        try {
            check(target, schema);
            return true;
        } catch (FerryException e) {
            if (e.getCause() instanceof SQLException) {
                throw e;
            }
            return false;
        }
    }
}
