package dev.ferry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/** Builds the benchmark's SQLite source: deterministic, so every run migrates the same bytes. */
final class BenchData {
    private static final int BATCH = 10_000;
    private static final String[] TAGS = {"red", "green", "blue", "alpha", "beta", "gamma", "prod", "test"};
    private static final String COMMON = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ";
    // Sprinkled in rarely: characters a text/COPY pipeline has to escape or encode, so the
    // benchmark data is not friendlier than real data.
    private static final String SPECIAL = "éßü€\\\t\"'\n";
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final long EPOCH_2019 = LocalDateTime.of(2019, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long SIX_YEARS = 6L * 365 * 86_400;

    private BenchData() {
    }

    static Connection open(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** Makes sure {@code file} holds exactly these row counts; returns true when an existing file was reused. */
    static boolean ensure(Path file, int parents, long children) throws SQLException, IOException {
        if (Files.exists(file)) {
            if (count(file, "parent") == parents && count(file, "child") == children) {
                return true;
            }
            Files.delete(file);
        }
        generate(file, parents, children);
        return false;
    }

    static long count(Path file, String table) {
        try (Connection c = open(file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            return -1; // missing table or not a database: the caller regenerates
        }
    }

    private static void generate(Path file, int parents, long children) throws SQLException {
        SplittableRandom r = new SplittableRandom(20_240_601L);
        try (Connection c = open(file); Statement s = c.createStatement()) {
            // No durability needed while generating: an interrupted run just regenerates.
            s.execute("PRAGMA journal_mode=OFF");
            s.execute("PRAGMA synchronous=OFF");
            s.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL, created_at DATETIME NOT NULL)");
            s.execute("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id),"
                    + " qty INTEGER NOT NULL, label TEXT, payload JSON, score REAL, created_at DATETIME NOT NULL,"
                    + " active BOOLEAN NOT NULL, token BLOB NOT NULL)");
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO parent VALUES (?,?,?)")) {
                for (int id = 1; id <= parents; id++) {
                    p.setInt(1, id);
                    p.setString(2, "Parent " + id + " " + text(r, 5, 20));
                    p.setString(3, datetime(r));
                    p.addBatch();
                    if (id % BATCH == 0) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO child VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (long id = 1; id <= children; id++) {
                    p.setLong(1, id);
                    p.setInt(2, 1 + r.nextInt(parents));
                    p.setInt(3, r.nextInt(1000));
                    p.setString(4, r.nextInt(10) == 0 ? null : text(r, 10, 40));
                    p.setString(5, r.nextInt(20) == 0 ? null : json(r));
                    if (r.nextInt(10) == 0) {
                        p.setNull(6, Types.REAL);
                    } else {
                        p.setDouble(6, r.nextDouble() * 2000 - 500);
                    }
                    p.setString(7, datetime(r));
                    p.setInt(8, r.nextInt(2));
                    byte[] token = new byte[16]; // fresh array per row: the driver keeps references until executeBatch
                    r.nextBytes(token);
                    p.setBytes(9, token);
                    p.addBatch();
                    if (id % BATCH == 0) {
                        p.executeBatch();
                    }
                    if (id % 500_000 == 0) {
                        System.out.printf("[bench]   %,d / %,d child rows%n", id, children);
                    }
                }
                p.executeBatch();
            }
            s.execute("CREATE INDEX child_parent_idx ON child(parent_id)");
            s.execute("CREATE INDEX child_created_idx ON child(created_at)");
            c.commit();
        }
    }

    private static String text(SplittableRandom r, int min, int max) {
        char[] cs = new char[min + r.nextInt(max - min + 1)];
        for (int i = 0; i < cs.length; i++) {
            String from = r.nextInt(200) == 0 ? SPECIAL : COMMON;
            cs[i] = from.charAt(r.nextInt(from.length()));
        }
        return new String(cs);
    }

    private static String json(SplittableRandom r) {
        StringBuilder b = new StringBuilder("{\"k\":").append(r.nextInt(100_000)).append(",\"tags\":[");
        for (int i = 0, n = r.nextInt(4); i < n; i++) {
            b.append(i > 0 ? "," : "").append('"').append(TAGS[r.nextInt(TAGS.length)]).append('"');
        }
        return b.append("],\"ok\":").append(r.nextBoolean()).append('}').toString();
    }

    private static String datetime(SplittableRandom r) {
        return DATETIME.format(LocalDateTime.ofEpochSecond(EPOCH_2019 + r.nextLong(SIX_YEARS), 0, ZoneOffset.UTC));
    }
}
