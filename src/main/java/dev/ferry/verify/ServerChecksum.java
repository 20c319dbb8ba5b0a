package dev.ferry.verify;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType.Kind;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.Naming;
import dev.ferry.postgres.PgTarget;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;

/**
 * The target's checksum computed by PostgreSQL itself, one aggregate over the table, with the very
 * definition {@link RowHasher} computes for the source: no row crosses the network a second time
 * and PostgreSQL does not have to print its values. Used only where PostgreSQL 14+ (which has
 * {@code hash_record_extended}) hashes a set of probe values exactly as Ferry does, which also
 * rules out a server whose byte order differs; elsewhere the rows are read back and hashed.
 */
final class ServerChecksum {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServerChecksum.class);
    private static final Map<PgTarget, Boolean> USABLE = new WeakHashMap<>();

    private ServerChecksum() {
    }

    /** The SELECT of a table's row count and checksum; {@code where} limits it to a part. */
    static String select(TablePlan t, String qualifiedName, String where, boolean asPlanned) {
        List<Kind> kinds = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (ColumnPlan c : t.columns()) {
            kinds.add(c.type().kind());
            String col = Naming.quote(c.target());
            columns.add(asPlanned ? "(" + col + ")::" + c.type().sql() : col);
        }
        // OFFSET 0 keeps the row hash h computed once, though the sum names it twice
        return "SELECT count(*), sum(hashint8extended(h, h)) FROM (SELECT hash_record_extended("
                + rowExpression(kinds, columns) + ", 0) AS h FROM " + qualifiedName + where + " OFFSET 0) AS r";
    }

    /**
     * The row whose hash is a row's hash: each column hashed by its type's hash function, text in
     * the "C" collation (a case-insensitive one would hash "A" as "a"), jsonb as the text it
     * prints, a numeric followed by its sign and kind (numeric's hash leaves both out).
     */
    static String rowExpression(List<Kind> kinds, List<String> columns) {
        StringBuilder sb = new StringBuilder("ROW(");
        for (int i = 0; i < kinds.size(); i++) {
            String c = columns.get(i);
            if (i > 0) {
                sb.append(", ");
            }
            switch (kinds.get(i)) {
                case TEXT, VARCHAR, JSONB -> sb.append("(").append(c).append(")::text COLLATE \"C\"");
                case NUMERIC -> sb.append(c).append(", ((").append(c).append(") < 0)::int + 2 * ((").append(c)
                        .append(") = 'NaN')::int + 4 * ((").append(c).append(") = 'Infinity')::int");
                default -> sb.append(c);
            }
        }
        return sb.append(")").toString();
    }

    /**
     * Whether this server computes Ferry's checksums exactly: asked once per target (under the lock,
     * so tables verified at once do not each ask), before any part takes its connection.
     */
    static boolean usable(PgTarget target) {
        synchronized (USABLE) {
            Boolean known = USABLE.get(target);
            if (known != null) {
                return known;
            }
            boolean ok = false;
            if (Boolean.getBoolean("ferry.verify.readBack")) {
                LOG.info("checksums: reading rows back (ferry.verify.readBack)");
            } else if (target.serverVersionNum() < 140000) {
                LOG.info("checksums: PostgreSQL before 14 has no hash_record_extended; rows are read back");
            } else {
                try (Connection c = target.connection()) {
                    ok = probe(c);
                } catch (SQLException e) {
                    LOG.warn("checksums: the server could not compute the probe checksums; rows are read back", e);
                }
            }
            USABLE.put(target, ok);
            return ok;
        }
    }

    /** Sample values of every kind, as SQL literals and as the copy hands them to a {@link RowHasher}. */
    private record Probe(Kind kind, String sql, Object java) {
    }

    private static List<List<Probe>> probes() {
        return List.of(
                List.of(new Probe(Kind.BIGINT, "(-9223372036854775808)::bigint", Long.MIN_VALUE),
                        new Probe(Kind.INTEGER, "(-2147483648)::integer", (long) Integer.MIN_VALUE),
                        new Probe(Kind.SMALLINT, "300::smallint", 300L),
                        new Probe(Kind.DOUBLE, "3.25::float8", 3.25),
                        new Probe(Kind.NUMERIC, "'-123456.7890'::numeric", new BigDecimal("-123456.7890")),
                        new Probe(Kind.BOOLEAN, "true", true),
                        new Probe(Kind.TEXT, "'ferry ✓ é 😀 over twelve bytes'::text", "ferry ✓ é 😀 over twelve bytes"),
                        new Probe(Kind.VARCHAR, "'Abc'::varchar(5)", "Abc"),
                        new Probe(Kind.BYTEA, "'\\x00ff10'::bytea", new byte[] {0, -1, 16}),
                        new Probe(Kind.TIMESTAMP, "'1969-12-31 23:59:59.999999'::timestamp",
                                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000)),
                        new Probe(Kind.TIMESTAMPTZ, "'2024-02-29 13:45:10.123456+00'::timestamptz",
                                Instant.parse("2024-02-29T13:45:10.123456Z")),
                        new Probe(Kind.DATE, "'1999-12-31'::date", LocalDate.of(1999, 12, 31)),
                        new Probe(Kind.TIME, "'23:59:59.999999'::time", LocalTime.of(23, 59, 59, 999_999_000)),
                        new Probe(Kind.JSONB, "'{\"b\": [1, 2.50, \"x\\n\"], \"a\": null, \"aa\": -1e2}'::jsonb",
                                "{ \"aa\": -1E2, \"a\": null, \"b\": [1,2.50,\"x\\n\"], \"a\": null }"),
                        new Probe(Kind.UUID, "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid",
                                UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"))),
                List.of(new Probe(Kind.BIGINT, "NULL::bigint", null),
                        new Probe(Kind.DOUBLE, "'NaN'::float8", Double.NaN),
                        new Probe(Kind.DOUBLE, "1e-310::float8", 1e-310),
                        new Probe(Kind.NUMERIC, "'NaN'::numeric", "NaN"),
                        new Probe(Kind.NUMERIC, "'-Infinity'::numeric", "-Infinity"),
                        new Probe(Kind.NUMERIC, "0.0001::numeric", new BigDecimal("0.0001")),
                        new Probe(Kind.NUMERIC, "NULL::numeric", null),
                        new Probe(Kind.NUMERIC, "1e20::numeric", new BigDecimal("1e20")),
                        new Probe(Kind.BOOLEAN, "false", false),
                        new Probe(Kind.TEXT, "''::text", ""),
                        new Probe(Kind.BYTEA, "'\\x'::bytea", new byte[0]),
                        new Probe(Kind.DATE, "'2038-01-19'::date", LocalDate.of(2038, 1, 19)),
                        new Probe(Kind.JSONB, "'\"\\u00e9\\t\"'::jsonb", "\"\\u00e9\\t\""),
                        new Probe(Kind.JSONB, "'[]'::jsonb", "[ ]")));
    }

    /** True when the server's checksum of every probe row equals Ferry's. */
    static boolean probe(Connection c) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        List<Long> expected = new ArrayList<>();
        for (List<Probe> row : probes()) {
            List<Kind> kinds = row.stream().map(Probe::kind).toList();
            RowHasher h = new RowHasher(kinds.toArray(Kind[]::new));
            row.forEach(p -> h.value(p.java()));
            h.endRow();
            expected.add(h.sum());
            if (expected.size() > 1) {
                sql.append(", ");
            }
            String rowHash = "hash_record_extended(" + rowExpression(kinds, row.stream().map(Probe::sql).toList()) + ", 0)";
            sql.append("hashint8extended(").append(rowHash).append(", ").append(rowHash).append(")");
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            rs.next();
            for (int i = 0; i < expected.size(); i++) {
                if (rs.getLong(i + 1) != expected.get(i)) {
                    LOG.info("checksums: the server hashes probe row {} as {}, Ferry as {}; rows are read back",
                            i + 1, rs.getLong(i + 1), expected.get(i));
                    return false;
                }
            }
        }
        return true;
    }

    /** Reads a part's count and checksum. */
    static Checksums.Sum read(Connection c, String select) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select)) {
            rs.next();
            BigDecimal sum = rs.getBigDecimal(2);
            // the exact sum, wrapped to 64 bits as Java's long adds up the source's row hashes
            return new Checksums.Sum(rs.getLong(1), sum == null ? 0 : sum.toBigInteger().longValue());
        }
    }
}
