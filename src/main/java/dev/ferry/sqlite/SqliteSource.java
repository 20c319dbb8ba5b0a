package dev.ferry.sqlite;

import dev.ferry.FerryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * The SQLite file, opened only for reading. Every connection Ferry makes to the source comes from
 * here, so the promise "your SQLite file is never changed" is kept in one place.
 */
public final class SqliteSource {

    /** How long opening waits for a program that holds the file locked while it writes. */
    static final int LOCKED_WAIT_MILLIS = 5_000;

    private final Path file;
    /** Decided once per open, from the files on disk: see {@link ReadOnlyUri}. */
    private final String url;

    private SqliteSource(Path file) {
        this.file = file;
        this.url = ReadOnlyUri.of(file);
    }

    /**
     * Whether the run reads the file itself (true) or a private snapshot of it (a WAL file in use,
     * see {@link ReadOnlyUri}): only the former can see another program's writes mid-run.
     */
    public boolean readsFileDirectly() {
        return url.contains(file.toUri().toString());
    }

    /**
     * The file this source's connections read: the SQLite file itself, or the private snapshot Ferry
     * made of it (see {@link ReadOnlyUri}). What {@link RecordMarks} walks, so its pages are those
     * every query of the run sees.
     */
    public Path pagesFile() {
        String uri = url.substring("jdbc:sqlite:".length());
        int q = uri.indexOf('?');
        return Path.of(java.net.URI.create(q < 0 ? uri : uri.substring(0, q)));
    }

    /**
     * Loads SQLite's native library now (sqlite-jdbc unpacks it into the temp folder first): about
     * 0.15 s that the first {@link #open} would otherwise spend on the command's critical path, which
     * a face can instead spend beside its own start-up. A failure here is left for that open to tell.
     */
    public static void loadLibrary() {
        try {
            org.sqlite.SQLiteJDBCLoader.initialize();
        } catch (Exception | LinkageError e) {
            // open() connects the usual way and says what is wrong, in the user's words
        }
    }

    /** Checks that the path is a readable SQLite database and returns a handle to it. */
    public static SqliteSource open(Path path) {
        Path file = path.toAbsolutePath().normalize();
        if (!Files.exists(file)) {
            throw new FerryException(FerryException.Kind.SOURCE, "There is no file at " + file + ".",
                    "Check the path; drag the file onto the terminal to paste its exact name.").tagged("missing-file");
        }
        if (Files.isDirectory(file)) {
            throw new FerryException(FerryException.Kind.SOURCE, file + " is a folder, not a SQLite file.",
                    "Pick the database file inside it (often ending in .db, .sqlite or .sqlite3).");
        }
        if (!Files.isReadable(file)) {
            throw new FerryException(FerryException.Kind.SOURCE, "Ferry may not read " + file + ".",
                    "Check the file's permissions.");
        }
        Header.check(file);
        SqliteSource source = new SqliteSource(file);
        try (Connection c = source.connect(LOCKED_WAIT_MILLIS); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
            rs.next();
        } catch (SQLException e) {
            throw Header.unreadable(file, e);
        }
        return source;
    }

    /**
     * SQLite's own quick check of every page: a truncated or damaged file is told now, before a
     * single table is made, instead of as a read error halfway through the copy.
     */
    public void check() {
        check(s -> { });
    }

    /**
     * {@link #check()} on a thread of its own, beside the run (see {@link IntegrityCheck}): a migrate
     * copies while SQLite checks, and joins the check before it calls the run done.
     */
    public IntegrityCheck checkBeside() {
        return checkBeside(() -> { });
    }

    /** {@link #checkBeside()} starting once {@code first} has run on its thread (tests hold the check back with it). */
    public IntegrityCheck checkBeside(Runnable first) {
        return IntegrityCheck.start(this, first);
    }

    /** {@link #check()}, handing its statement to {@code running} first, so another thread can cancel it. */
    void check(java.util.function.Consumer<Statement> running) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            running.accept(s);
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                String first = rs.next() ? rs.getString(1) : "ok";
                if (!"ok".equals(first)) {
                    String report = first.replace("*** in database main ***", "").strip().replaceAll("\\s*\n\\s*", "; ");
                    throw Header.damaged(file, report.length() > 200 ? report.substring(0, 200) + "…" : report, null);
                }
            }
        } catch (SQLException e) {
            throw Header.unreadable(file, e);
        }
    }

    public Path file() {
        return file;
    }

    /**
     * A new read-only connection. The file URI form keeps names with spaces, '?' or '#' intact,
     * query_only makes SQLite itself refuse any write should one ever be attempted, and the URI's
     * parameters keep SQLite from writing even the -shm file beside a WAL database.
     */
    public Connection connect() throws SQLException {
        return connect(10_000);
    }

    private Connection connect(int busyMillis) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        config.setBusyTimeout(busyMillis);
        Connection c = config.createConnection(url);
        try (Statement s = c.createStatement()) {
            for (Vec0 v : vec0(c)) { // in the connection's temp schema, before query_only: the file is not written
                s.execute(v.viewSql());
            }
            s.execute("PRAGMA query_only = 1");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        addFunctions(c);
        addCollations(c);
        return c;
    }

    /** sqlite-vec tables read from their storage (see {@link Vec0}), found once. */
    private volatile List<Vec0> vec0;

    private List<Vec0> vec0(Connection c) {
        List<Vec0> found = vec0;
        if (found == null) {
            try {
                found = Vec0.find(c);
            } catch (SQLException e) { // a catalog this odd is read (and reported) by CatalogReader; vec0 stays unread
                org.slf4j.LoggerFactory.getLogger(SqliteSource.class).warn("could not look for sqlite-vec tables", e);
                found = List.of();
            }
            vec0 = found;
        }
        return found;
    }

    /** Collations the schema names that SQLite does not have built in, read once; see {@link #addCollations}. */
    private volatile java.util.Set<String> foreignCollations;

    private static final java.util.regex.Pattern COLLATE = java.util.regex.Pattern.compile(
            "(?i)\\bCOLLATE\\s+(?:\"((?:[^\"]|\"\")+)\"|'((?:[^']|'')+)'|\\[([^\\]]+)]|`((?:[^`]|``)+)`|([\\p{L}_][\\p{L}\\p{N}_$]*))");

    /**
     * A file made by an app may name a collation only that app defines (Android's LOCALIZED and
     * UNICODE, say); SQLite then refuses every statement that could compare such a column, even a
     * plain count. Ferry compares values only to profile them, so each such collation stands in
     * as exact comparison (by code point, as BINARY orders UTF-8): the file becomes readable and no
     * value changes. The planner reports that PostgreSQL will compare the column exactly.
     */
    private void addCollations(Connection c) throws SQLException {
        java.util.Set<String> names = foreignCollations;
        if (names == null) {
            names = new java.util.LinkedHashSet<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT sql FROM sqlite_schema WHERE sql LIKE '%collate%'")) {
                while (rs.next()) {
                    java.util.regex.Matcher m = COLLATE.matcher(rs.getString(1));
                    while (m.find()) {
                        String name = m.group(1) != null ? m.group(1).replace("\"\"", "\"")
                                : m.group(2) != null ? m.group(2).replace("''", "'")
                                : m.group(3) != null ? m.group(3)
                                : m.group(4) != null ? m.group(4).replace("``", "`") : m.group(5);
                        String upper = name.toUpperCase(java.util.Locale.ROOT);
                        if (!upper.equals("BINARY") && !upper.equals("NOCASE") && !upper.equals("RTRIM")) {
                            names.add(name);
                        }
                    }
                }
            }
            foreignCollations = names;
        }
        for (String name : names) {
            org.sqlite.Collation.create(c, name, new org.sqlite.Collation() {
                @Override
                protected int xCompare(String a, String b) {
                    return compareCodePoints(a, b);
                }
            });
        }
    }

    /** Orders strings by code point, which is the order of their UTF-8 bytes (SQLite's BINARY). */
    public static int compareCodePoints(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i), y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /**
     * The functions Ferry's queries use that SQLite lacks: {@code ferry_utf8_ok(blob)}, 1 when the
     * bytes are text PostgreSQL can hold exactly (valid UTF-8 without NUL); {@code ferry_jsonb_ok(text)},
     * 1 when jsonb takes the JSON text (see {@link #jsonbSql}); {@code ferry_uuid_ok(text)}, 1 when
     * PostgreSQL's uuid reads the text (see {@link #uuidSql}).
     */
    public static void addFunctions(Connection c) throws SQLException {
        org.sqlite.Function.create(c, "ferry_jsonb_ok", new org.sqlite.Function() {
            @Override
            protected void xFunc() throws SQLException {
                byte[] b = value_blob(0);
                result(b != null && dev.ferry.value.JsonbText.jsonbTakes(b) ? 1 : 0);
            }
        }, 1, org.sqlite.Function.FLAG_DETERMINISTIC);
        org.sqlite.Function.create(c, "ferry_uuid_ok", new org.sqlite.Function() {
            @Override
            protected void xFunc() throws SQLException {
                String t = value_text(0);
                result(t != null && dev.ferry.value.Uuids.parse(t) != null ? 1 : 0);
            }
        }, 1, org.sqlite.Function.FLAG_DETERMINISTIC);
        org.sqlite.Function.create(c, "ferry_utf8_ok", new org.sqlite.Function() {
            @Override
            protected void xFunc() throws SQLException {
                byte[] b = value_blob(0);
                result(b == null || dev.ferry.value.Utf8.safe(b) ? 1 : 0);
            }
        }, 1, org.sqlite.Function.FLAG_DETERMINISTIC);
    }

    /**
     * A SQLite test that is true for text PostgreSQL's text cannot hold exactly: with a NUL byte, or
     * not valid UTF-8. SQLite has no such test of its own, and no cheaper built-in one is sound
     * (GLOB over a character class costs twice as much; length() against the byte count misses
     * Latin-1), so each text value goes to Java once, at about 0.4 µs.
     */
    public static String unsafeTextSql(String quoted) {
        return "(typeof(" + quoted + ") = 'text' AND NOT ferry_utf8_ok(CAST(" + quoted + " AS BLOB)))";
    }

    /**
     * A SQLite test that is true for JSON text PostgreSQL's jsonb takes. SQLite's {@code json_valid}
     * decides the grammar in C; only a text with a backslash-u escape goes on to Java, since jsonb
     * refuses the escape of NUL and a lone surrogate, which json_valid passes.
     */
    public static String jsonbSql(String quoted) {
        // CASE, not OR: SQLite computes both sides of an OR outside WHERE, and Java for every value
        return "json_valid(" + quoted + ") AND CASE WHEN instr(" + quoted + ", '\\u') = 0 THEN 1 ELSE ferry_jsonb_ok("
                + quoted + ") END";
    }

    /**
     * A SQLite test that is true for text PostgreSQL's uuid reads. The canonical form is tested by a
     * GLOB in C; only other text (32 bare digits, braces, upper case) goes on to Java.
     */
    public static String uuidSql(String quoted) {
        return "CASE WHEN lower(" + quoted + ") GLOB " + UUID_GLOB + " THEN 1 ELSE ferry_uuid_ok(" + quoted + ") END";
    }

    /**
     * True for text in the one form PostgreSQL prints a uuid (lower case, hyphens 8-4-4-4-12), so
     * text stored in a uuid column reads back exactly; GLOB, unlike LIKE, tells the cases apart.
     */
    public static String canonicalUuidSql(String quoted) {
        return quoted + " GLOB " + UUID_GLOB;
    }

    private static final String UUID_GLOB = "'" + "[0-9a-f]".repeat(8) + "-" + "[0-9a-f]".repeat(4) + "-"
            + "[0-9a-f]".repeat(4) + "-" + "[0-9a-f]".repeat(4) + "-" + "[0-9a-f]".repeat(12) + "'";

    /** Quotes a SQLite identifier for use in a query. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
