package dev.ferry.run;

import dev.ferry.plan.SampleGuard;
import dev.ferry.plan.TablePlan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * SQLite's own test of a column's guard for one row, on the copy's connection (so on the snapshot
 * the copy reads): asked only where the copy's check in Java cannot vouch for a value by itself
 * (see {@link SampleGuard#jsonInJava}), which is rare, so one small query then costs nothing that
 * shows. Its statements are closed with the connection.
 */
final class GuardRecheck {

    private final Connection source;
    private final TablePlan table;
    private final PreparedStatement[] byColumn;

    GuardRecheck(Connection source, TablePlan table) {
        this.source = source;
        this.table = table;
        this.byColumn = new PreparedStatement[table.columns().size()];
    }

    /** Whether column {@code i}'s value in the row of {@code rowid} passes that column's guard, as SQLite tests it. */
    boolean fits(int i, long rowid) throws SQLException {
        if (byColumn[i] == null) {
            byColumn[i] = source.prepareStatement(SampleGuard.rowSql(table, i));
        }
        byColumn[i].setLong(1, rowid);
        try (ResultSet rs = byColumn[i].executeQuery()) {
            return !rs.next() || rs.getInt(1) != 0; // (a row gone is not this check's to judge: the stamp check is)
        }
    }
}
