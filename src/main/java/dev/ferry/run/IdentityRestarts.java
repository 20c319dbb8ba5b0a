package dev.ferry.run;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.Naming;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each table's id counter moved past the ids the copy brought (COPY gives ids but never advances
 * the counter), and past SQLite's AUTOINCREMENT high-water mark, so ids deleted in SQLite are not
 * handed out again.
 */
final class IdentityRestarts {

    private final Plan plan;
    private final Attempts attempts;
    private final Set<String> kept;

    IdentityRestarts(Plan plan, Attempts attempts, Set<String> kept) {
        this.plan = plan;
        this.attempts = attempts;
        this.kept = kept;
    }

    /** {@code sequences}: SQLite's sqlite_sequence, by source table name. */
    void run(Map<String, Long> sequences) {
        plan.tables().forEach(t -> restartIdentity(t, sequences.getOrDefault(t.source().name(), 0L)));
    }

    private void restartIdentity(TablePlan t, long sequence) {
        ColumnPlan id = KeyPlanner.identityColumn(t);
        if (id == null) {
            return;
        }
        if (kept.contains(t.target())) {
            moveSequence(t, id);
            return;
        }
        try {
            // the same restart again is harmless, so a lost connection is simply tried again
            attempts.withConnection(attempt -> {
                try (Connection c = attempts.target().connection(); PreparedStatement ps = c.prepareStatement("SELECT max("
                        + Naming.quote(id.target()) + ") FROM " + Naming.qualified(plan.schema(), t.target()));
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long next = Math.max(rs.getLong(1), sequence) + 1;
                    try (Statement s = c.createStatement()) {
                        s.execute(attempts.ddl().restartIdentity(t, id, next));
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            attempts.report(notMoved(t, id, e));
        }
    }

    /** A table that was there before may count its ids with a serial or identity: moved past the highest id now in it. */
    private void moveSequence(TablePlan t, ColumnPlan id) {
        String table = Naming.qualified(plan.schema(), t.target());
        try {
            attempts.withConnection(attempt -> {
                try (Connection c = attempts.target().connection(); PreparedStatement ps = c.prepareStatement(
                        Sql.fill("move-sequence", "id", Naming.quote(id.target()), "table", table))) {
                    ps.setString(1, table);
                    ps.setString(2, id.target());
                    ps.executeQuery().close();
                }
                return null;
            });
        } catch (SQLException e) {
            attempts.report(notMoved(t, id, e));
        }
    }

    private static Problem notMoved(TablePlan t, ColumnPlan id, SQLException e) {
        return new Problem(t.source().name(), id.source().name(), Problem.Kind.PRIMARY_KEY_NOT_CREATED, 0,
                "report", List.of(), "The id counter of " + t.target() + " could not be moved past the copied ids: "
                + e.getMessage());
    }
}
