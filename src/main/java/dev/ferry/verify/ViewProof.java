package dev.ferry.verify;

import dev.ferry.postgres.Naming;
import dev.ferry.postgres.PgTarget;
import dev.ferry.sqlite.SqliteSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A view run on both sides, its rows compared as multisets of what their values mean (see
 * {@link Meaning}), order aside. The work is bounded: at most {@code limit} different rows are
 * held, and past that only a sample chosen by each row's contents (the same rows on both sides, so
 * the sample cannot make a difference up); each side is cancelled after {@code timeout}. Read only:
 * SQLite through {@link SqliteSource}'s read-only connection, PostgreSQL in a transaction rolled back.
 */
public final class ViewProof {

    public static final int ROW_LIMIT = 100_000;
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final ScheduledExecutorService CANCELS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ferry-proof-timeout");
        t.setDaemon(true);
        return t;
    });

    private final SqliteSource source;
    private final PgTarget target;
    private final String schema;
    private final int limit;
    private final Duration timeout;

    public ViewProof(SqliteSource source, PgTarget target, String schema, int limit, Duration timeout) {
        this.source = source;
        this.target = target;
        this.schema = schema;
        this.limit = limit;
        this.timeout = timeout;
    }

    public ViewProof(SqliteSource source, PgTarget target, String schema) {
        this(source, target, schema, ROW_LIMIT, TIMEOUT);
    }

    /** The proof of SQLite's view {@code sqliteName}, created in PostgreSQL as {@code pgName}. */
    public Proof prove(String sqliteName, String pgName) {
        return compare("SELECT * FROM \"" + sqliteName.replace("\"", "\"\"") + "\"",
                "SELECT * FROM " + Naming.qualified(schema, pgName));
    }

    /**
     * The same comparison for any query: {@code sqliteQuery} run on SQLite, {@code pgQuery} on
     * PostgreSQL with the plan's schema first on the search path (an app's query names its tables
     * bare), read only on both sides.
     */
    public Proof compare(String sqliteQuery, String pgQuery) {
        Rows rows = new Rows(limit);
        String[] types;
        try {
            types = readPostgres(pgQuery, rows);
        } catch (SQLException e) {
            return Proof.notProven(cancelled(e) ? "PostgreSQL took longer than " + timeout.toSeconds() + " s to return "
                    + "its rows" : "PostgreSQL could not run it: " + firstLine(e));
        }
        try {
            int columns = readSqlite(sqliteQuery, rows, types);
            if (columns != types.length) {
                return new Proof(Proof.DIFFERS, "it has " + columns + " columns in SQLite and " + types.length
                        + " in PostgreSQL", rows.count[0], rows.count[1], null, null);
            }
        } catch (SQLException e) {
            return Proof.notProven(cancelled(e) ? "SQLite took longer than " + timeout.toSeconds() + " s to return its rows"
                    : "SQLite could not run it: " + firstLine(e));
        }
        return rows.verdict();
    }

    private String[] readPostgres(String query, Rows rows) throws SQLException {
        try (Connection c = target.connection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL statement_timeout = " + timeout.toMillis());
                s.execute("SET LOCAL transaction_read_only = on");
                s.execute("SET LOCAL search_path = " + Naming.quote(schema));
                s.setFetchSize(2_000);
                ScheduledFuture<?> cancel = cancelLater(s);
                try (ResultSet rs = s.executeQuery(query)) {
                    ResultSetMetaData md = rs.getMetaData();
                    String[] types = new String[md.getColumnCount()];
                    for (int i = 0; i < types.length; i++) {
                        types[i] = md.getColumnTypeName(i + 1);
                    }
                    while (rs.next()) {
                        String[] v = new String[types.length];
                        for (int i = 0; i < v.length; i++) {
                            v[i] = Meaning.postgres(rs, i + 1, types[i]);
                        }
                        rows.add(1, v, i -> TEXT.contains(types[i]));
                    }
                    return types;
                } finally {
                    cancel.cancel(false);
                }
            } finally {
                c.rollback();
            }
        }
    }

    private static final Set<String> TEXT = Set.of("text", "varchar", "bpchar", "citext", "name");

    private int readSqlite(String query, Rows rows, String[] types) throws SQLException {
        try (Connection c = source.connect(); Statement s = c.createStatement()) {
            ScheduledFuture<?> cancel = cancelLater(s);
            try (ResultSet rs = s.executeQuery(query)) {
                int n = rs.getMetaData().getColumnCount();
                if (n != types.length) {
                    return n;
                }
                Object[] raw = new Object[n];
                while (rs.next()) {
                    String[] v = new String[n];
                    for (int i = 0; i < n; i++) {
                        raw[i] = rs.getObject(i + 1);
                        v[i] = Meaning.sqlite(raw[i], types[i]);
                    }
                    rows.add(0, v, i -> raw[i] instanceof String);
                }
                return n;
            } finally {
                cancel.cancel(false);
            }
        }
    }

    private ScheduledFuture<?> cancelLater(Statement s) {
        return CANCELS.schedule(() -> {
            try {
                s.cancel();
            } catch (SQLException | RuntimeException ignored) { // the statement ended meanwhile
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static boolean cancelled(SQLException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return "57014".equals(e.getSQLState()) || m.contains("interrupt") || m.contains("cancel");
    }

    static String firstLine(SQLException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Both sides' rows: how often each was seen on each side (0 SQLite, 1 PostgreSQL), and how each looks. */
    private static final class Rows {
        private final int limit;
        private final Map<List<String>, Seen> seen = new HashMap<>();
        private final long[] count = new long[2];
        /** Only rows whose contents hash to 0 modulo {@code every} are held; doubles when too many are. */
        private int every = 1;

        Rows(int limit) {
            this.limit = limit;
        }

        void add(int side, String[] values, java.util.function.IntPredicate text) {
            count[side]++;
            List<String> key = Arrays.asList(values);
            if ((mix(key.hashCode()) & (every - 1)) != 0) {
                return;
            }
            Seen s = seen.computeIfAbsent(key, k -> new Seen(shown(values, text)));
            s.times[side]++;
            if (seen.size() > limit) {
                every *= 2;
                seen.keySet().removeIf(k -> (mix(k.hashCode()) & (every - 1)) != 0);
            }
        }

        private static String shown(String[] values, java.util.function.IntPredicate text) {
            StringBuilder b = new StringBuilder("(");
            for (int i = 0; i < values.length; i++) {
                b.append(i == 0 ? "" : ", ").append(Meaning.shown(values[i], text.test(i)));
            }
            return b.append(')').toString();
        }

        /** Spreads a hash's bits, so the sample does not follow a pattern of the values. */
        private static int mix(int h) {
            h ^= h >>> 16;
            h *= 0x85ebca6b;
            h ^= h >>> 13;
            h *= 0xc2b2ae35;
            return h ^ (h >>> 16);
        }

        Proof verdict() {
            List<String> onlySqlite = new ArrayList<>(), onlyPostgres = new ArrayList<>();
            long compared = 0;
            for (Seen s : seen.values()) {
                compared += Math.max(s.times[0], s.times[1]);
                if (s.times[0] > s.times[1] && onlySqlite.size() < 3) {
                    onlySqlite.add(s.shown);
                } else if (s.times[1] > s.times[0] && onlyPostgres.size() < 3) {
                    onlyPostgres.add(s.shown);
                }
            }
            String sample = every == 1 ? "" : String.format("; compared a sample of %,d of them, chosen by the rows' "
                    + "contents (1 in %d, the same rows on both sides)", compared, every);
            if (onlySqlite.isEmpty() && onlyPostgres.isEmpty() && count[0] == count[1]) {
                return new Proof(Proof.PROVEN, String.format("the same %,d row%s in SQLite and PostgreSQL%s", count[0],
                        count[0] == 1 ? "" : "s", sample), count[0], count[1], null, null);
            }
            return new Proof(Proof.DIFFERS, String.format("SQLite returns %,d row%s, PostgreSQL %,d%s", count[0],
                    count[0] == 1 ? "" : "s", count[1], count[0] == count[1] ? ", but not the same ones" : "")
                    + sample, count[0], count[1], onlySqlite, onlyPostgres);
        }
    }

    private static final class Seen {
        final String shown;
        final long[] times = new long[2];

        Seen(String shown) {
            this.shown = shown;
        }
    }
}
