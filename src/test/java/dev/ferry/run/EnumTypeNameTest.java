package dev.ferry.run;

import static dev.ferry.run.ResumeTest.count;
import static dev.ferry.run.ResumeTest.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16: a taken enum suggestion made its type in the target schema but named it unqualified in
 * CREATE TABLE, so with --schema S PostgreSQL looked for it on the search path; and a type of that
 * name already there (another app's, or an earlier run's with other labels) was used as it was. The
 * type is qualified with the schema everywhere; one that is there with the same labels is used and
 * left alone by undo; one with other labels (or not an enum) keeps its name, and Ferry's gets a free one.
 */
class EnumTypeNameTest {

    static Path shop(Path dir) throws Exception {
        Path file = dir.resolve("shop.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE orders (id INTEGER PRIMARY KEY, status TEXT NOT NULL CHECK (status IN ('new', 'paid', 'sent')))",
                    "CREATE TABLE refunds (id INTEGER PRIMARY KEY, status TEXT CHECK (status IN ('asked', 'granted')))",
                    "INSERT INTO orders VALUES (1, 'new'), (2, 'sent')",
                    "INSERT INTO refunds VALUES (1, 'granted'), (2, NULL)");
        }
        return file;
    }

    private static Options options(Path file, TargetAddress target) {
        return Options.of(file, target, TestPostgres.get().adminPassword())
                .withSuggestions(Set.of("enum:orders.status", "enum:refunds.status"));
    }

    @Test
    void twoTablesEnumsInAnotherSchemaAreQualifiedAndUndone(@TempDir Path dir) throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        Migration m = new Migration(options(shop(dir), target).withSchema("shop"), MigrationListener.NONE);
        Result r = m.run(m.preflight());
        ResumeTest.assertVerified(r, Map.of("orders", 2L, "refunds", 2L));
        assertEquals("shop.orders_status", r.plan().table("orders").orElseThrow().column("status").type().sql(),
                "CREATE TABLE names the type in its schema, whatever the search path");
        assertEquals("shop.orders_status|shop.refunds_status", query(target, "SELECT string_agg(format_type(atttypid, NULL), '|' "
                + "ORDER BY attrelid::regclass::text) FROM pg_attribute WHERE attname = 'status' AND attrelid IN "
                + "('shop.orders'::regclass, 'shop.refunds'::regclass)"));
        assertEquals("asked,granted", query(target, "SELECT string_agg(l::text, ',' ORDER BY n) FROM "
                + "unnest(enum_range(NULL::shop.refunds_status)) WITH ORDINALITY AS e(l, n)"));
        m.undo(null, true);
        assertEquals(0, count(target, "SELECT count(*) FROM pg_type WHERE typname IN ('orders_status', 'refunds_status')"),
                "undo dropped both types");
    }

    @Test
    void aTypeOfThatNameThereIsKeptAndFerrysGetsAFreeName(@TempDir Path dir) throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        try (var c = TestPostgres.get().connect(target); var s = c.createStatement()) {
            s.execute("CREATE SCHEMA shop");
            s.execute("CREATE TYPE shop.orders_status AS ENUM ('open', 'closed')"); // another app's, other labels
            s.execute("CREATE TYPE shop.refunds_status AS ENUM ('asked', 'granted')"); // the same labels
        }
        Migration m = new Migration(options(shop(dir), target).withSchema("shop"), MigrationListener.NONE);
        Result r = m.run(m.preflight());
        ResumeTest.assertVerified(r, Map.of("orders", 2L, "refunds", 2L));
        String orders = query(target, "SELECT format_type(atttypid, NULL) FROM pg_attribute WHERE attname = 'status' "
                + "AND attrelid = 'shop.orders'::regclass");
        assertTrue(orders.startsWith("shop.orders_status") && !orders.equals("shop.orders_status"), orders);
        assertEquals("new,paid,sent", query(target, "SELECT string_agg(l::text, ',' ORDER BY n) FROM "
                + "unnest(enum_range(NULL::" + orders + ")) WITH ORDINALITY AS e(l, n)"));
        assertEquals("open,closed", query(target, "SELECT string_agg(l::text, ',' ORDER BY n) FROM "
                + "unnest(enum_range(NULL::shop.orders_status)) WITH ORDINALITY AS e(l, n)"), "the other app's type is untouched");
        assertEquals("shop.refunds_status", query(target, "SELECT format_type(atttypid, NULL) FROM pg_attribute "
                + "WHERE attname = 'status' AND attrelid = 'shop.refunds'::regclass"), "the same labels: used as it is");
        m.undo(null, true);
        assertEquals("orders_status,refunds_status", query(target, "SELECT string_agg(typname, ',' ORDER BY typname) "
                + "FROM pg_type WHERE typname LIKE '%status%' AND typtype = 'e'"), "undo dropped only Ferry's own type");
    }
}
