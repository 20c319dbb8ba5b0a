package dev.ferry.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL's own limit for this data: raw COPY of pre-encoded bytes, then keys and indexes,
 * into tables typed exactly as Ferry typed them. Nothing here parses SQLite or converts values
 * inside the timer, so the result is what the server itself needs.
 */
final class CopyLimit {
    static final List<String> TABLES = List.of("parent", "child");
    private static final int CHUNK = 1 << 20;
    private static final List<String> KEYS_AND_INDEXES = List.of(
            "ALTER TABLE parent ADD PRIMARY KEY (id)",
            "ALTER TABLE child ADD PRIMARY KEY (id)",
            "CREATE INDEX child_parent_idx ON child (parent_id)",
            "CREATE INDEX child_created_idx ON child (created_at)",
            "ALTER TABLE child ADD FOREIGN KEY (parent_id) REFERENCES parent (id)");

    record Encoded(String table, List<String> columns, List<byte[]> chunks, long rows, long bytes) {
    }

    record Result(long copyNanos, long indexNanos, boolean binary) {
        long totalNanos() {
            return copyNanos + indexNanos;
        }
    }

    private CopyLimit() {
    }

    /** table -> (column -> type as format_type prints it), in Ferry's column order. */
    static Map<String, Map<String, String>> ferryTypes(Connection ferryDb) throws SQLException {
        Map<String, Map<String, String>> types = new LinkedHashMap<>();
        String sql = "SELECT c.table_name, c.column_name, format_type(a.atttypid, a.atttypmod)"
                + " FROM information_schema.columns c"
                + " JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass"
                + "  AND a.attname = c.column_name"
                + " WHERE c.table_name IN ('parent', 'child') AND c.table_schema NOT IN ('pg_catalog', 'information_schema')"
                + " ORDER BY c.table_name, c.ordinal_position";
        try (Statement s = ferryDb.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                types.computeIfAbsent(rs.getString(1), t -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
            }
        }
        for (String t : TABLES) {
            if (!types.containsKey(t)) {
                throw new IllegalStateException("Ferry created no table '" + t + "' in bench_ferry, so the limit has no"
                        + " target types to copy into (found: " + types.keySet() + ")");
            }
        }
        return types;
    }

    /** Creates the bare tables (no constraints) with Ferry's types. Not timed. */
    static void createTables(Connection pg, Map<String, Map<String, String>> types) throws SQLException {
        try (Statement s = pg.createStatement()) {
            for (String t : TABLES) {
                List<String> cols = new ArrayList<>();
                types.get(t).forEach((name, type) -> cols.add('"' + name + "\" " + type));
                s.execute("CREATE TABLE " + t + " (" + String.join(", ", cols) + ")");
            }
        }
    }

    /** Reads a whole SQLite table into COPY text format chunks. Not timed. */
    static Encoded encode(Connection sqlite, String table, Map<String, String> pgTypes) throws SQLException {
        Chunks chunks = new Chunks();
        StringBuilder row = new StringBuilder(256);
        List<String> columns = new ArrayList<>();
        long rows = 0;
        try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData md = rs.getMetaData();
            boolean[] bool = new boolean[md.getColumnCount() + 1];
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String type = pgTypes.get(md.getColumnName(i));
                if (type == null) {
                    throw new IllegalStateException("Ferry's " + table + " has no column " + md.getColumnName(i));
                }
                columns.add(md.getColumnName(i));
                bool[i] = type.equals("boolean"); // SQLite stores 0/1; COPY into boolean wants t/f
            }
            while (rs.next()) {
                row.setLength(0);
                for (int i = 1; i < bool.length; i++) {
                    if (i > 1) {
                        row.append('\t');
                    }
                    Object v = rs.getObject(i); // sqlite-jdbc returns the stored class: Integer/Long/Double/String/byte[]
                    if (v == null) {
                        row.append("\\N");
                    } else if (v instanceof byte[] b) {
                        row.append("\\\\x"); // bytea hex input, with COPY's own backslash escaped
                        for (byte x : b) {
                            row.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
                        }
                    } else if (bool[i] && v instanceof Number n) {
                        row.append(n.longValue() != 0 ? 't' : 'f');
                    } else if (v instanceof Double d) {
                        row.append(Double.toString(d));
                    } else {
                        escape(row, v.toString());
                    }
                }
                chunks.add(row.append('\n').toString().getBytes(StandardCharsets.UTF_8));
                rows++;
            }
        }
        return chunks.done(table, columns, rows);
    }

    /** Bytes gathered into chunks of about {@link #CHUNK} bytes, as COPY is fed. */
    private static final class Chunks {
        private final List<byte[]> chunks = new ArrayList<>();
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream(CHUNK + 4096);
        private long bytes;

        void add(byte[] b) {
            buf.writeBytes(b);
            if (buf.size() >= CHUNK) {
                flush();
            }
        }

        private void flush() {
            bytes += buf.size();
            chunks.add(buf.toByteArray());
            buf.reset();
        }

        Encoded done(String table, List<String> columns, long rows) {
            flush();
            return new Encoded(table, columns, chunks, rows, bytes);
        }
    }

    private static void escape(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
    }

    /**
     * A table as PostgreSQL's binary COPY, in memory: exactly the bytes PostgreSQL itself writes for
     * the rows given (Ferry's, which verified equal to the source). Not timed.
     */
    static Encoded encodeBinary(Connection pg, String table, List<String> columns) throws SQLException {
        String cols = String.join(", ", columns.stream().map(c -> '"' + c + '"').toList());
        Chunks chunks = new Chunks();
        long rows;
        try (Statement s = pg.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            rows = rs.getLong(1);
        }
        org.postgresql.copy.CopyOut out = pg.unwrap(PGConnection.class).getCopyAPI()
                .copyOut("COPY " + table + " (" + cols + ") TO STDOUT (FORMAT binary)");
        for (byte[] b = out.readFromCopy(); b != null; b = out.readFromCopy()) {
            chunks.add(b);
        }
        return chunks.done(table, columns, rows);
    }

    /** The timed part: COPY every table, then the keys, indexes and foreign key, one statement at a time. */
    static Result run(Connection pg, List<Encoded> data) throws SQLException {
        return run(pg, data, false);
    }

    static Result run(Connection pg, List<Encoded> data, boolean binary) throws SQLException {
        CopyManager copy = pg.unwrap(PGConnection.class).getCopyAPI();
        long start = System.nanoTime();
        for (Encoded e : data) {
            long t = System.nanoTime();
            String cols = String.join(", ", e.columns().stream().map(c -> '"' + c + '"').toList());
            CopyIn in = copy.copyIn("COPY " + e.table() + " (" + cols + ") FROM STDIN" + (binary ? " (FORMAT binary)" : ""));
            for (byte[] chunk : e.chunks()) {
                in.writeToCopy(chunk, 0, chunk.length);
            }
            long n = in.endCopy();
            if (n != e.rows()) {
                throw new IllegalStateException("COPY " + e.table() + " loaded " + n + " rows, expected " + e.rows());
            }
            System.out.printf("[bench]   COPY %-6s %,12d rows %8.2f s%s%n", e.table(), n, secs(System.nanoTime() - t),
                    binary ? " (binary)" : "");
        }
        long copied = System.nanoTime();
        try (Statement s = pg.createStatement()) {
            for (String ddl : KEYS_AND_INDEXES) {
                long t = System.nanoTime();
                s.execute(ddl);
                System.out.printf("[bench]   %-70s %8.2f s%n", ddl, secs(System.nanoTime() - t));
            }
        }
        return new Result(copied - start, System.nanoTime() - copied, binary);
    }

    static double secs(long nanos) {
        return nanos / 1e9;
    }
}
