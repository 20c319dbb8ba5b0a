package dev.ferry.sample;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Writes a small SQLite database of an imaginary Discord bot, so newcomers can see what Ferry does
 * before pointing it at their own data: the {@code sample} command and the wizard's
 * "Try with a sample database" both start here.
 *
 * <p>The schema deliberately packs in the things that make SQLite-to-PostgreSQL moves interesting:
 * AUTOINCREMENT, a composite key and composite foreign keys with ON DELETE CASCADE, sized NVARCHAR,
 * NUMERIC(10,2), DATETIME stored as ISO text, 0/1 BOOLEAN, JSON objects, BLOBs, DEFAULT
 * CURRENT_TIMESTAMP, a UNIQUE index, a view using ifnull(), Discord snowflakes beyond 32 bits and
 * unicode (emoji included). All values are clean, so the first run a newcomer sees succeeds.
 */
public final class SampleDatabase {

    private static final String[] SCHEMA = {
        "CREATE TABLE guilds (id INTEGER PRIMARY KEY AUTOINCREMENT, name NVARCHAR(100) NOT NULL,"
            + " owner_id INTEGER NOT NULL, premium BOOLEAN NOT NULL DEFAULT 0, created_at DATETIME NOT NULL)",
        "CREATE TABLE members (guild_id INTEGER NOT NULL REFERENCES guilds(id) ON DELETE CASCADE,"
            + " user_id INTEGER NOT NULL, nickname NVARCHAR(40), balance NUMERIC(10,2) NOT NULL DEFAULT 0,"
            + " joined_at DATETIME NOT NULL, PRIMARY KEY (guild_id, user_id))",
        "CREATE TABLE messages (id INTEGER PRIMARY KEY AUTOINCREMENT, guild_id INTEGER NOT NULL,"
            + " author_id INTEGER NOT NULL, content TEXT NOT NULL, pinned BOOLEAN NOT NULL DEFAULT 0,"
            + " sent_at DATETIME NOT NULL, FOREIGN KEY (guild_id, author_id)"
            + " REFERENCES members(guild_id, user_id) ON DELETE CASCADE)",
        "CREATE TABLE attachments (id INTEGER PRIMARY KEY AUTOINCREMENT,"
            + " message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,"
            + " file_name NVARCHAR(120) NOT NULL, content_type VARCHAR(60) NOT NULL, data BLOB NOT NULL)",
        "CREATE TABLE reminders (id INTEGER PRIMARY KEY AUTOINCREMENT, guild_id INTEGER NOT NULL,"
            + " user_id INTEGER NOT NULL, note NVARCHAR(200) NOT NULL, remind_at DATETIME NOT NULL,"
            + " done BOOLEAN NOT NULL DEFAULT 0, created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,"
            + " FOREIGN KEY (guild_id, user_id) REFERENCES members(guild_id, user_id) ON DELETE CASCADE)",
        "CREATE TABLE settings (guild_id INTEGER PRIMARY KEY REFERENCES guilds(id) ON DELETE CASCADE,"
            + " prefix VARCHAR(5) NOT NULL DEFAULT '!', config JSON NOT NULL,"
            + " updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP)",
        "CREATE UNIQUE INDEX ux_guilds_name ON guilds (name)",
        "CREATE INDEX ix_messages_author ON messages (guild_id, author_id)",
        "CREATE INDEX ix_reminders_due ON reminders (remind_at)",
        "CREATE VIEW message_feed AS SELECT m.id, m.guild_id, ifnull(b.nickname, 'unknown') AS author,"
            + " m.content, m.sent_at FROM messages m JOIN members b"
            + " ON b.guild_id = m.guild_id AND b.user_id = m.author_id",
    };
    private static final String[] GUILDS = {"Café Société", "日本語サーバー", "Bot Workshop 🤖", "Müller's Lounge",
        "Speedrunners", "Book Club", "Ελληνικά", "Pixel Art", "Study Group", "Homelab", "Les Gamers", "Night Owls"};
    private static final String[] NICKS = {"Zoë", "Renée", "Jürgen", "Łukasz", "さくら", "Дмитрий", "🦊 fox",
        "Ana-María", "bob", "alice", "SirLagsAlot", "Ωmega"};
    private static final String[] WORDS = {"hello", "anyone", "tonight", "raid", "meeting", "😂", "gg", "café",
        "update", "deploy", "bug", "thanks", "!remind", "lol", "naïve", "patch", "vote", "music"};
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final LocalDateTime EPOCH = LocalDateTime.of(2023, 1, 1, 0, 0);

    private SampleDatabase() {
    }

    public static SampleSummary write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createFile(file); // claims the name atomically; an empty file is a valid SQLite database
        } catch (FileAlreadyExistsException e) {
            throw new IOException(file + " already exists. Choose a new file name for the sample database.");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA foreign_keys = ON"); // only outside a transaction; proves the data is consistent
                c.setAutoCommit(false);
                for (String sql : SCHEMA) {
                    s.execute(sql);
                }
            }
            fill(c, new Random(20240607L)); // fixed seed: every sample file is identical
            long rows = countRows(c);
            c.commit();
            return new SampleSummary(file, 6, rows);
        } catch (SQLException e) {
            Files.deleteIfExists(file); // a half-written sample would only confuse
            throw new IOException("Could not write the sample database: " + e.getMessage(), e);
        }
    }

    private static void fill(Connection c, Random r) throws SQLException {
        try (PreparedStatement g = c.prepareStatement("INSERT INTO guilds (name, owner_id, premium, created_at) VALUES (?,?,?,?)");
             PreparedStatement st = c.prepareStatement("INSERT INTO settings VALUES (?,?,?,?)");
             PreparedStatement m = c.prepareStatement("INSERT INTO members VALUES (?,?,?,?,?)");
             PreparedStatement msg = c.prepareStatement(
                 "INSERT INTO messages (guild_id, author_id, content, pinned, sent_at) VALUES (?,?,?,?,?)");
             PreparedStatement att = c.prepareStatement(
                 "INSERT INTO attachments (message_id, file_name, content_type, data) VALUES (?,?,?,?)");
             PreparedStatement rem = c.prepareStatement(
                 "INSERT INTO reminders (guild_id, user_id, note, remind_at, done, created_at) VALUES (?,?,?,?,?,?)")) {
            long messageId = 0;
            for (int gid = 1; gid <= GUILDS.length; gid++) {
                // Discord ids are 64-bit snowflakes: a target column narrower than BIGINT would overflow
                long[] users = new long[40 + r.nextInt(100)];
                for (int i = 0; i < users.length; i++) {
                    users[i] = 170_000_000_000_000_000L + gid * 1_000_000_000L + i * 7919L + r.nextInt(7919);
                }
                LocalDateTime t = EPOCH.plusDays(r.nextInt(60));
                exec(g, GUILDS[gid - 1], users[0], r.nextInt(4) == 0 ? 1 : 0, ISO.format(t));
                String config = String.format("{\"locale\":\"%s\",\"welcome_channel\":%d,\"modules\":[\"music\",\"reminders\"],"
                    + "\"auto_mod\":%b}", new String[] {"en", "fr", "ja", "de"}[gid % 4], 9000 + gid, r.nextBoolean());
                exec(st, gid, gid % 3 == 0 ? "?" : "!", config, ISO.format(t.plusHours(1)));
                for (int i = 0; i < users.length; i++) {
                    String nick = r.nextInt(5) == 0 ? null : NICKS[r.nextInt(NICKS.length)] + (i % 7 == 0 ? "" : " " + i);
                    exec(m, gid, users[i], nick, r.nextInt(100_000) / 100.0, ISO.format(t.plusMinutes(1 + r.nextInt(90_000))));
                }
                LocalDateTime sent = t.plusDays(1);
                for (int n = 300 + r.nextInt(500); n > 0; n--) {
                    sent = sent.plusSeconds(1 + r.nextInt(3600));
                    StringBuilder text = new StringBuilder(WORDS[r.nextInt(WORDS.length)]);
                    for (int w = r.nextInt(12); w > 0; w--) {
                        text.append(' ').append(WORDS[r.nextInt(WORDS.length)]);
                    }
                    long author = users[r.nextInt(users.length)];
                    exec(msg, gid, author, text.toString(), r.nextInt(50) == 0 ? 1 : 0, ISO.format(sent));
                    messageId++;
                    if (r.nextInt(20) == 0) {
                        byte[] data = new byte[64 + r.nextInt(448)];
                        r.nextBytes(data);
                        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, data, 0, 8);
                        exec(att, messageId, "screenshot-" + messageId + ".png", "image/png", data);
                    }
                    if (r.nextInt(15) == 0) {
                        // explicit created_at: relying on the DEFAULT would make every sample file differ
                        exec(rem, gid, author, "Reminder: " + text, ISO.format(sent.plusHours(1 + r.nextInt(72))),
                            r.nextInt(3) == 0 ? 1 : 0, ISO.format(sent));
                    }
                }
            }
        }
    }

    private static long countRows(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM guilds)"
            + " + (SELECT count(*) FROM members) + (SELECT count(*) FROM messages) + (SELECT count(*) FROM attachments)"
            + " + (SELECT count(*) FROM reminders) + (SELECT count(*) FROM settings)")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void exec(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
        ps.executeUpdate();
    }
}
