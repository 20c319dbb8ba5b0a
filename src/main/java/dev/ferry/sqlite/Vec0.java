package dev.ferry.sqlite;

import static dev.ferry.sqlite.SqliteSource.quote;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sqlite-vec {@code vec0} table read without the extension, from the storage tables sqlite-vec
 * documents (ARCHITECTURE.md): {@code name_rowids(rowid, id, chunk_id, chunk_offset)} says where each
 * row's vector is, {@code name_chunks(chunk_id, size, validity, rowids)} each chunk's capacity and
 * which slots hold a row, and {@code name_vector_chunksNN(rowid, vectors)} the chunk's float32s,
 * {@code size × dims × 4} bytes. A temporary view of the table's name (in the connection's temp
 * schema, never in the file) puts the rows back together, so every reader sees a plain table.
 *
 * <p>Only the layout Ferry can check is read: float vector columns and an optional integer
 * primary key; a table with metadata, auxiliary or partition columns, a text key, or storage that
 * does not add up stays unread and is reported as before.
 *
 * @param key     the rowid's name: the declared integer primary key, else "rowid"
 * @param vectors the vector columns in order, with {@code dims} floats each
 */
public record Vec0(String table, String key, List<String> vectors, List<Integer> dims) {

    private static final Pattern VEC0 = Pattern.compile("(?is)^\\s*CREATE\\s+VIRTUAL\\s+TABLE\\s+.*?\\bUSING\\s+vec0\\s*\\((.*)\\)\\s*;?\\s*$");
    private static final Pattern VECTOR = Pattern.compile("(?i)^([A-Za-z_][A-Za-z0-9_]*)\\s+(?:float|f32)\\s*\\[\\s*(\\d+)\\s*]"
            + "(?:\\s+distance_metric\\s*=\\s*\\w+)?$");
    private static final Pattern KEY = Pattern.compile("(?i)^([A-Za-z_][A-Za-z0-9_]*)\\s+integer\\s+primary\\s+key$");
    private static final Pattern OPTION = Pattern.compile("(?i)^[A-Za-z_]+\\s*=\\s*\\S+$"); // chunk_size=..., a table option

    /** The vec0 tables of the file whose storage Ferry can read. */
    static List<Vec0> find(Connection c) throws SQLException {
        List<String[]> declared = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name, sql FROM main.sqlite_master "
                + "WHERE type = 'table'")) {
            while (rs.next()) {
                names.add(rs.getString(1).toLowerCase(Locale.ROOT));
                if (rs.getString(2) != null && VEC0.matcher(rs.getString(2)).matches()) {
                    declared.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        List<Vec0> out = new ArrayList<>();
        for (String[] d : declared) {
            Vec0 v = parse(d[0], d[1]);
            if (v != null && v.stored(names) && v.addsUp(c)) {
                out.add(v);
            }
        }
        return out;
    }

    /** The table's columns from its CREATE VIRTUAL TABLE; null when it has one Ferry does not read. */
    static Vec0 parse(String table, String sql) {
        Matcher m = VEC0.matcher(sql);
        if (!m.matches()) {
            return null;
        }
        String key = "rowid";
        List<String> vectors = new ArrayList<>();
        List<Integer> dims = new ArrayList<>();
        for (String arg : m.group(1).split(",")) {
            String a = arg.trim();
            Matcher v = VECTOR.matcher(a), k = KEY.matcher(a);
            if (v.matches()) {
                vectors.add(v.group(1));
                dims.add(Integer.parseInt(v.group(2)));
            } else if (k.matches()) {
                key = k.group(1);
            } else if (!a.isEmpty() && !OPTION.matcher(a).matches()) {
                return null; // metadata, auxiliary (+col), partition key, a text key, int8[]/bit[] vectors
            }
        }
        return vectors.isEmpty() ? null : new Vec0(table, key, List.copyOf(vectors), List.copyOf(dims));
    }

    private String shadow(String suffix) {
        return table + "_" + suffix;
    }

    private String chunks(int i) {
        return shadow(String.format("vector_chunks%02d", i));
    }

    private boolean stored(Set<String> names) {
        if (!names.contains(shadow("rowids").toLowerCase(Locale.ROOT)) || !names.contains(shadow("chunks").toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (int i = 0; i < vectors.size(); i++) {
            if (!names.contains(chunks(i).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** Every vector chunk belongs to a chunk of the right size, and every row points into one. */
    private boolean addsUp(Connection c) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT (SELECT count(*) FROM main.").append(quote(shadow("rowids")))
                .append(" r LEFT JOIN main.").append(quote(shadow("chunks"))).append(" k ON k.chunk_id = r.chunk_id ")
                .append("WHERE k.chunk_id IS NULL OR r.chunk_offset < 0 OR r.chunk_offset >= k.size)");
        for (int i = 0; i < vectors.size(); i++) {
            sql.append(" + (SELECT count(*) FROM main.").append(quote(chunks(i))).append(" v LEFT JOIN main.")
                    .append(quote(shadow("chunks"))).append(" k ON k.chunk_id = v.rowid WHERE k.chunk_id IS NULL OR ")
                    .append("length(v.vectors) <> k.size * ").append(dims.get(i) * 4).append(")");
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            return rs.next() && rs.getLong(1) == 0;
        } catch (SQLException e) {
            return false; // storage tables of another shape: not what sqlite-vec documents
        }
    }

    /**
     * The temporary view that reads the table: each live row (its slot's validity bit set) with its
     * vectors cut from the chunks.
     */
    String viewSql() {
        StringBuilder cols = new StringBuilder("r.rowid AS ").append(quote(key));
        StringBuilder from = new StringBuilder(" FROM main.").append(quote(shadow("rowids"))).append(" r JOIN main.")
                .append(quote(shadow("chunks"))).append(" k ON k.chunk_id = r.chunk_id");
        for (int i = 0; i < vectors.size(); i++) {
            int bytes = dims.get(i) * 4;
            cols.append(", substr(v").append(i).append(".vectors, r.chunk_offset * ").append(bytes).append(" + 1, ")
                    .append(bytes).append(") AS ").append(quote(vectors.get(i)));
            from.append(" JOIN main.").append(quote(chunks(i))).append(" v").append(i).append(" ON v").append(i)
                    .append(".rowid = r.chunk_id");
        }
        // the slot's bit in the validity bitmap, read from the byte's hex digits
        String hex = "hex(substr(k.validity, r.chunk_offset / 8 + 1, 1))";
        String bit = "(((instr('0123456789ABCDEF', substr(" + hex + ", 1, 1)) - 1) * 16 + instr('0123456789ABCDEF', substr("
                + hex + ", 2, 1)) - 1) >> (r.chunk_offset % 8)) & 1";
        return "CREATE TEMP VIEW " + quote(table) + " AS SELECT " + cols + from + " WHERE " + bit + " = 1";
    }
}
