package dev.ferry.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * How a date column's values are written in SQLite, when every one is text of the same shape
 * ("YYYY-MM-DD HH:MM:SS.SSS", say). SQLite compares such a column with a date function's text
 * letter by letter; to do the same, PostgreSQL must write the moment back in exactly this shape.
 * Read only: one aggregate query over the column.
 */
public final class TextDateShape {

    /** The shapes Ferry can write back, most precise first, each with the GLOB that recognises it. */
    static final List<String> SHAPES = List.of("YYYY-MM-DD HH:MM:SS.SSSSSS", "YYYY-MM-DD HH:MM:SS.SSS",
            "YYYY-MM-DD HH:MM:SS", "YYYY-MM-DD HH:MM", "YYYY-MM-DDTHH:MM:SS.SSSSSS", "YYYY-MM-DDTHH:MM:SS.SSS",
            "YYYY-MM-DDTHH:MM:SS", "YYYY-MM-DDTHH:MM", "YYYY-MM-DD");

    private TextDateShape() {
    }

    /**
     * The shape every non-NULL value of {@code table.column} has, or empty when a value is not text
     * or the values have more than one shape (SQLite's text order then follows no one format).
     */
    public static Optional<String> of(SqliteSource source, String table, String column) {
        String c = SqliteSource.quote(column);
        StringBuilder sql = new StringBuilder("SELECT count(*), coalesce(sum(typeof(" + c + ") = 'text'), 0)");
        for (String shape : SHAPES) {
            sql.append(", coalesce(sum(").append(c).append(" GLOB '").append(glob(shape)).append("'), 0)");
        }
        sql.append(" FROM ").append(SqliteSource.quote(table)).append(" WHERE ").append(c).append(" IS NOT NULL");
        try (Connection conn = source.connect(); Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            rs.next();
            long all = rs.getLong(1);
            if (all == 0 || rs.getLong(2) != all) {
                return Optional.empty();
            }
            for (int k = 0; k < SHAPES.size(); k++) {
                if (rs.getLong(3 + k) == all) {
                    return Optional.of(SHAPES.get(k));
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Ferry could not read how " + table + "." + column + " writes its dates: "
                    + e.getMessage(), e);
        }
    }

    /** A shape as a GLOB: each letter of the pattern a digit, the separators as they are. */
    static String glob(String shape) {
        StringBuilder g = new StringBuilder();
        for (int i = 0; i < shape.length(); i++) {
            char ch = shape.charAt(i);
            g.append(ch == 'Y' || ch == 'M' || ch == 'D' || ch == 'H' || ch == 'S' ? "[0-9]" : String.valueOf(ch));
        }
        return g.toString();
    }
}
