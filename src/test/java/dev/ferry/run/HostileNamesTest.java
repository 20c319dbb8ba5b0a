package dev.ferry.run;

import static dev.ferry.run.ResumeTest.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names that try to break out of an identifier (quotes, semicolons, comments, backslashes, spaces,
 * brackets, unicode, reserved words) arrive as exactly those names, with default options, and
 * nothing in them runs as SQL: table y, which one name tries to drop, is still there with its rows.
 */
class HostileNamesTest {

    static final String EVIL = "x\"; DROP TABLE y; --";
    static final List<String> COLUMNS = List.of("id", "a'b", "c;d", "e--f", "g\\h", "sp ace", "[br]", "ünï©ødé €",
            "select", "q\"\"q", "') or 1=1 --");

    static String q(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @Test
    void hostileNamesArriveExactlyAndInjectNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hostile.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE y (id INTEGER PRIMARY KEY, v TEXT)",
                    "CREATE TABLE " + q(EVIL) + " (" + COLUMNS.stream().map(c -> q(c) + (c.equals("id") ? " INTEGER PRIMARY KEY"
                            : " TEXT")).collect(Collectors.joining(", ")) + ")",
                    "CREATE INDEX " + q("i'x; --") + " ON " + q(EVIL) + " (" + q("c;d") + ", " + q("sp ace") + ")",
                    "CREATE TABLE \"order\" (\"from\" INTEGER, \"user\" TEXT UNIQUE)");
            db.insert("y", new Object[] {1L, "keep me"}, new Object[] {2L, "me too"});
            Object[] row = new Object[COLUMNS.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = i == 0 ? (Object) 1L : "value of " + COLUMNS.get(i) + " '; DROP TABLE y; --";
            }
            db.insert(q(EVIL), row);
            db.insert("\"order\"", new Object[] {1L, "me"}, new Object[] {2L, "you"});
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        Migration m = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        Result r = m.run(m.preflight());

        assertEquals(Result.Status.DONE, r.status());
        assertTrue(r.verified());
        String evil = EVIL.toLowerCase(java.util.Locale.ROOT); // default names: folded to lower case, nothing else
        assertEquals(List.of("order", "x\"; drop table y; --", "y"), relations(target, "r"));
        assertEquals(COLUMNS, columns(target, evil));
        assertEquals(List.of("from", "user"), columns(target, "order"));
        assertEquals(2, count(target, "SELECT count(*) FROM public.y"), "table y was not dropped");
        assertEquals(1, count(target, "SELECT count(*) FROM public." + q(evil) + " WHERE " + q("c;d")
                + " = 'value of c;d ''; DROP TABLE y; --'"));
        assertTrue(relations(target, "i").contains("i'x; --"), relations(target, "i").toString());
        assertEquals(1, count(target, "SELECT count(*) FROM pg_constraint WHERE conrelid = 'public.\"order\"'::regclass "
                + "AND contype = 'u'"), "the unique key on a reserved-word table and column");
    }

    static List<String> relations(TargetAddress target, String kind) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = TestPostgres.get().connect(target); PreparedStatement ps = c.prepareStatement(
                "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = ?::\"char\" ORDER BY relname")) {
            ps.setString(1, kind);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    static List<String> columns(TargetAddress target, String table) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = TestPostgres.get().connect(target); PreparedStatement ps = c.prepareStatement(
                "SELECT a.attname FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid WHERE t.relname = ? "
                        + "AND t.relnamespace = 'public'::regnamespace AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
