package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One fixture per rule of the typed rewriter (docs/sql-translation.md): a view in SQLite, the
 * PostgreSQL Ferry makes of it after a real migration, and the rows the view returns on both sides,
 * compared by their meaning (1 and 1.0 are the same number, true is 1).
 */
class SqlRewriterFixturesTest {

    /** A view: its name, SQLite's query, the expected PostgreSQL query, and whether its rows can be compared. */
    record Fixture(String name, String sqlite, String postgres, boolean rows) {
    }

    static final List<Fixture> FIXTURES = List.of(
            new Fixture("text_flag_vs_number", "SELECT id FROM items WHERE flag = 0",
                    "SELECT id FROM items WHERE flag = '0'", true),
            new Fixture("number_vs_numeric_text", "SELECT id FROM items WHERE qty = '5'",
                    "SELECT id FROM items WHERE qty = 5", true),
            new Fixture("varchar_vs_integer", "SELECT id FROM items WHERE code = 12",
                    "SELECT id FROM items WHERE code = '12'", true),
            new Fixture("like_ignores_ascii_case", "SELECT id FROM items WHERE name LIKE 'AP%'",
                    "SELECT id FROM items WHERE name ILIKE 'AP%'", true),
            new Fixture("like_backslash_is_no_escape", "SELECT id FROM items WHERE note LIKE '%\\%'",
                    "SELECT id FROM items WHERE note ILIKE '%\\%' ESCAPE ''", true),
            new Fixture("glob_is_a_regex", "SELECT id FROM items WHERE name GLOB 'a*e'",
                    "SELECT id FROM items WHERE name ~ '^a.*e$'", true),
            new Fixture("boolean_against_one", "SELECT id FROM items WHERE active = 1 AND NOT active = 0",
                    "SELECT id FROM items WHERE active = true AND NOT active = false", true),
            new Fixture("integer_division", "SELECT id, qty / 2 AS half, price / 2 AS part, qty / 0 AS none FROM items",
                    "SELECT id, qty / 2 AS half, price / 2 AS part, qty / nullif(0, 0) AS \"none\" FROM items", true),
            new Fixture("concat_casts_numbers", "SELECT id, name || '-' || qty || 1.50 AS s FROM items",
                    "SELECT id, name || '-' || qty::text || '1.5' AS s FROM items", true),
            new Fixture("truth_of_a_number", "SELECT id FROM items WHERE qty AND iif(qty, 1, 0)",
                    "SELECT id FROM items WHERE (qty <> 0) AND (CASE WHEN (qty <> 0) THEN 1 ELSE 0 END <> 0)", true),
            new Fixture("dates_with_modifiers", "SELECT id, date(made, 'start of month', '+1 month', '-1 day') AS last_day, "
                    + "datetime(made, '+90 minutes', 'start of day') AS day, date(made, 'weekday 0') AS sunday, "
                    + "date(made, '+1 year') AS next_year FROM items",
                    null, true),
            new Fixture("month_end_runs_over", "SELECT date('2021-01-31', '+1 month') AS d, date('2020-02-29', '+1 year') AS y",
                    null, true),
            new Fixture("strftime_fields", "SELECT id, strftime('%Y-%m-%d %H:%M:%S %j %W %U %w %u %s', made) AS f FROM items",
                    null, true),
            new Fixture("julianday_unixepoch", "SELECT id, julianday(made) - julianday('2020-01-01') AS days, unixepoch(made) AS secs "
                    + "FROM items", null, true),
            new Fixture("typeof_of_literals", "SELECT typeof(1) AS a, typeof(1.5) AS b, typeof('x') AS c, typeof(NULL) AS d",
                    "SELECT 'integer' AS a, 'real' AS b, 'text' AS c, 'null' AS d", true),
            new Fixture("typeof_of_columns", "SELECT id, typeof(id) AS i, typeof(qty) AS q, typeof(price) AS p, typeof(name) AS n, "
                    + "typeof(note) AS t, typeof(made) AS m, typeof(active) AS a, typeof(doc) AS d FROM items",
                    "SELECT id, 'integer' AS i, CASE WHEN qty IS NULL THEN 'null' ELSE 'integer' END AS q, "
                    + "CASE WHEN price IS NULL THEN 'null' ELSE 'real' END AS p, CASE WHEN name IS NULL THEN 'null' ELSE 'text' END AS n, "
                    + "CASE WHEN note IS NULL THEN 'null' ELSE 'text' END AS t, CASE WHEN made IS NULL THEN 'null' ELSE 'text' END AS m, "
                    + "CASE WHEN active IS NULL THEN 'null' ELSE 'integer' END AS a, "
                    + "CASE WHEN doc IS NULL THEN 'null' ELSE 'text' END AS d FROM items", true),
            new Fixture("json_paths", "SELECT id, json_extract(doc, '$.a.b') AS b, doc ->> '$.a.c' AS c, doc ->> 'n' AS n FROM items",
                    "SELECT id, doc #>> '{a,b}' AS b, doc #>> '{a,c}' AS c, doc #>> '{n}' AS n FROM items", true),
            new Fixture("json_number_compared", "SELECT id FROM items WHERE doc ->> 'n' > 2",
                    "SELECT id FROM items WHERE (doc #>> '{n}')::numeric > 2", true),
            new Fixture("group_concat_and_ifnull", "SELECT length(group_concat(name, ';')) AS l, ifnull(max(note), 'none') AS n "
                    + "FROM items", "SELECT length(string_agg((name)::text, ';')) AS l, coalesce(max(note), 'none') AS n FROM items",
                    true),
            new Fixture("printf_simple", "SELECT id, printf('%s has %d', name, qty) AS p FROM items",
                    "SELECT id, concat(name, ' has ', coalesce(qty, 0)::text) AS p FROM items", true),
            new Fixture("substr_from_the_end", "SELECT id, substr(name, -2) AS tail, substr(name, 2, 2) AS mid FROM items",
                    "SELECT id, substr(name, length(name) + 1 - 2) AS tail, substr(name, 2, 2) AS mid FROM items", true),
            new Fixture("scalar_max_min", "SELECT id, max(qty, id) AS hi, min(qty, id) AS lo FROM items",
                    "SELECT id, CASE WHEN (qty) IS NULL OR (id) IS NULL THEN NULL ELSE greatest(qty, id) END AS hi, "
                    + "CASE WHEN (qty) IS NULL OR (id) IS NULL THEN NULL ELSE least(qty, id) END AS lo FROM items", true),
            new Fixture("cast_truncates", "SELECT id, CAST(price AS INTEGER) AS whole, CAST(qty AS TEXT) AS t FROM items",
                    "SELECT id, CAST(trunc(price) AS bigint) AS whole, CAST(qty AS text) AS t FROM items", true),
            new Fixture("limit_offset_comma", "SELECT id FROM items ORDER BY id LIMIT 1, 2",
                    "SELECT id FROM items ORDER BY id LIMIT 2 OFFSET 1", true),
            new Fixture("nulls_sort_first", "SELECT name FROM items ORDER BY note, name DESC LIMIT 3",
                    "SELECT name FROM items ORDER BY note NULLS FIRST, name DESC NULLS LAST LIMIT 3", true),
            new Fixture("is_and_is_not", "SELECT id FROM items WHERE note IS NOT NULL AND flag IS NOT '1' AND code IS 12",
                    "SELECT id FROM items WHERE note IS NOT NULL AND flag IS DISTINCT FROM '1' AND code IS NOT DISTINCT FROM '12'",
                    true),
            new Fixture("equals_and_not_equals", "SELECT id FROM items WHERE qty == 5 OR qty != 5",
                    "SELECT id FROM items WHERE qty = 5 OR qty <> 5", true),
            new Fixture("hex_and_blob_literals", "SELECT hex(X'CAFE') AS h, 0x10 AS n",
                    "SELECT upper(encode('\\xCAFE'::bytea, 'hex')) AS h, 16 AS n", true),
            new Fixture("double_quoted_string", "SELECT id FROM items WHERE name = \"apple\"",
                    "SELECT id FROM items WHERE name = 'apple'", true),
            new Fixture("cte_and_subquery_keep_affinity", "WITH f AS (SELECT id, flag FROM items) SELECT s.id FROM "
                    + "(SELECT id, flag FROM f) AS s WHERE s.flag = 1",
                    "WITH f AS (SELECT id, flag FROM items) SELECT s.id FROM (SELECT id, flag FROM f) AS s WHERE s.flag = '1'", true),
            new Fixture("flags_view", "SELECT id, flag AS f FROM items", "SELECT id, flag AS f FROM items", true),
            new Fixture("view_reads_view", "SELECT id FROM flags_view WHERE f = 1",
                    "SELECT id FROM flags_view WHERE f = '1'", true),
            new Fixture("scalar_subquery_keeps_affinity", "SELECT id FROM items WHERE (SELECT flag FROM items i WHERE i.id = 1) = 0 "
                    + "AND id < 3", "SELECT id FROM items WHERE (SELECT flag FROM items i WHERE i.id = 1) = '0' AND id < 3", true),
            new Fixture("max_of_a_boolean", "SELECT max(active) AS a, min(active) AS b FROM items",
                    "SELECT max(active::int) AS a, min(active::int) AS b FROM items", true),
            new Fixture("sum_of_integers_divides_as_integers", "SELECT sum(qty) / count(*) AS avg_whole FROM items",
                    "SELECT sum(qty)::bigint / nullif(count(*), 0) AS avg_whole FROM items", true));

    static TargetAddress target;
    static Result result;
    static Path file;

    @BeforeAll
    static void migrate(@TempDir Path dir) throws Exception {
        file = dir.resolve("fixtures.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            // doc holds only JSON objects, so the plan makes it jsonb; note stays text
            db.sql("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, flag TEXT, qty INTEGER, price REAL, "
                    + "code VARCHAR(10), active BOOLEAN, made DATETIME, doc TEXT, note TEXT)");
            for (Fixture f : FIXTURES) {
                db.sql("CREATE VIEW " + f.name() + " AS " + f.sqlite());
            }
            db.insert("items",
                    new Object[] {1L, "apple", "0", 5L, 2.7, "12", 1L, "2021-01-31 10:00:00", "{\"a\":{\"b\":1,\"c\":\"x\"},\"n\":1}", "a\\"},
                    new Object[] {2L, "Apricot", "1", 3L, 1.5, "13", 0L, "2020-02-29 23:30:00", "{\"a\":{\"b\":2},\"n\":3}", null},
                    new Object[] {3L, "banana", "0", 0L, 4.0, "12", 1L, "2024-12-30 00:00:00", "{\"n\":5}", "ripe"},
                    new Object[] {4L, "axe", "1", 7L, 0.5, "7", 0L, "2023-06-15 12:34:56", "{\"a\":{}}", "x"});
        }
        target = TestPostgres.get().freshDatabase();
        Migration m = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        result = m.run(m.preflight());
    }

    @Test
    void eachRuleTranslatesAsDocumented() {
        assertEquals(Result.Status.DONE, result.status());
        Map<String, Plan.ViewPlan> views = result.plan().views().stream()
                .collect(Collectors.toMap(Plan.ViewPlan::source, v -> v));
        List<String> wrong = new ArrayList<>();
        for (Fixture f : FIXTURES) {
            Plan.ViewPlan v = views.get(f.name());
            if (v.failure() != null) {
                wrong.add(f.name() + ": refused: " + v.failure());
            } else if (f.postgres() != null && !f.postgres().equals(v.select())) {
                wrong.add(f.name() + ":\n  expected " + f.postgres() + "\n  but was  " + v.select());
            }
        }
        assertEquals("", String.join("\n", wrong));
    }

    @Test
    void eachViewReturnsTheSameRowsOnBothSides() throws Exception {
        List<String> differ = new ArrayList<>();
        try (Connection lite = DriverManager.getConnection("jdbc:sqlite:" + file);
             Connection pg = TestPostgres.get().connect(target)) {
            for (Fixture f : FIXTURES) {
                if (!f.rows()) {
                    continue;
                }
                List<String> a = rows(lite, "SELECT * FROM " + f.name());
                List<String> b;
                try {
                    b = rows(pg, "SELECT * FROM " + f.name());
                } catch (SQLException e) {
                    differ.add(f.name() + ": PostgreSQL: " + e.getMessage());
                    continue;
                }
                if (!a.equals(b)) {
                    differ.add(f.name() + ":\n  SQLite     " + a + "\n  PostgreSQL " + b);
                }
            }
        }
        assertTrue(differ.isEmpty(), String.join("\n", differ));
    }

    /** Rows as text, sorted, numbers by value (1 = 1.0), booleans as 1/0. */
    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    row.add(v == null ? "NULL" : v instanceof Boolean bool ? (bool ? "1" : "0")
                            : v instanceof Number num ? new BigDecimal(num.toString()).stripTrailingZeros().toPlainString()
                            : v.toString());
                }
                out.add(String.join("|", row));
            }
        }
        if (!sql.contains("ORDER BY")) {
            out.sort(null);
        }
        return out;
    }
}
