package dev.ferry.run;

import static dev.ferry.run.ResumeTest.count;
import static dev.ferry.run.ResumeTest.query;
import static dev.ferry.run.UndoTest.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.Resolutions;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import dev.ferry.verify.TableCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --data-only: the app's own migrations (here as Alembic writes them for PostgreSQL: SERIAL int4
 * ids, a native enum, uuid, json and jsonb, timestamp, varchar(n), alembic_version) made the
 * schema, and the SQLite file of the same app (as SQLAlchemy writes it on SQLite: uuids as 32 hex
 * characters, enums as varchar, booleans as 0/1) fills it, with the default jobs.
 */
class DataOnlyTest {

    static Path file, misfits;

    static final String[] ALEMBIC = {
        "CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped')",
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
        "INSERT INTO alembic_version (version_num) VALUES ('3f2a1c9d8e7b')",
        "CREATE TABLE users (id SERIAL NOT NULL, email VARCHAR(120) NOT NULL, name VARCHAR(80), public_id UUID NOT NULL, "
            + "settings JSON, profile JSONB, created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, is_active BOOLEAN NOT NULL, "
            + "PRIMARY KEY (id), UNIQUE (email))",
        "CREATE TABLE orders (id SERIAL NOT NULL, user_id INTEGER NOT NULL, status order_status NOT NULL, "
            + "total NUMERIC(10, 2) NOT NULL, placed_at TIMESTAMP WITHOUT TIME ZONE, note TEXT, PRIMARY KEY (id), "
            + "FOREIGN KEY(user_id) REFERENCES users (id))",
        "CREATE TABLE order_items (id SERIAL NOT NULL, order_id INTEGER NOT NULL, sku VARCHAR(40) NOT NULL, "
            + "qty SMALLINT NOT NULL, PRIMARY KEY (id), FOREIGN KEY(order_id) REFERENCES orders (id))"};

    static final String TYPES = "SELECT string_agg(table_name || '.' || column_name || ' ' || udt_name || ' '"
            + " || coalesce(character_maximum_length::text, '') || ' ' || coalesce(column_default, ''), '; ' "
            + "ORDER BY table_name, ordinal_position) FROM information_schema.columns WHERE table_schema = 'public'";

    @BeforeAll
    static void fixture(@TempDir Path dir) throws Exception {
        file = dir.resolve("shop.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            app(db, "a1b2c3d4e5f6");
        }
        misfits = dir.resolve("misfits.sqlite");
        try (SqliteFixture db = SqliteFixture.at(misfits)) {
            app(db, "3f2a1c9d8e7b");
            db.sql("UPDATE orders SET user_id = 3000000000 WHERE id = 7", // beyond int4
                    "UPDATE users SET name = printf('%.100c', 'x') WHERE id IN (3, 4)", // longer than varchar(80)
                    "UPDATE orders SET status = 'lost' WHERE id IN (10, 11, 12)", // no such label
                    "DELETE FROM order_items WHERE order_id IN (7, 10, 11, 12)"); // so rejecting those orders orphans nothing
        }
    }

    /** The app's tables as SQLAlchemy makes them on SQLite, 22,000 rows in three related tables. */
    static void app(SqliteFixture db, String version) throws Exception {
        db.sql("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
                "INSERT INTO alembic_version VALUES ('" + version + "')",
                "CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, email VARCHAR(120) NOT NULL UNIQUE, name VARCHAR(80), "
                        + "public_id CHAR(32) NOT NULL, settings JSON, profile JSON, created_at DATETIME NOT NULL, "
                        + "is_active BOOLEAN NOT NULL)",
                "CREATE TABLE orders (id INTEGER NOT NULL PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id), "
                        + "status VARCHAR(7) NOT NULL, total NUMERIC(10, 2) NOT NULL, placed_at DATETIME, note TEXT)",
                "CREATE TABLE order_items (id INTEGER NOT NULL PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES orders (id), "
                        + "sku VARCHAR(40) NOT NULL, qty INTEGER NOT NULL)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO users "
                        + "SELECT i, 'user' || i || '@example.com', CASE WHEN i % 7 = 0 THEN NULL ELSE 'User ' || i END, "
                        + "lower(hex(randomblob(16))), '{\"theme\": \"dark\",  \"n\": ' || i || '}', "
                        + "CASE WHEN i % 3 = 0 THEN NULL ELSE '{\"tags\": [\"a\", ' || i || '], \"v\": 1.50}' END, "
                        + "printf('2024-%02d-%02d %02d:%02d:%02d.%06d', 1 + i % 12, 1 + i % 28, i % 24, i % 60, i % 59, i * 37 % 1000000), "
                        + "i % 2 FROM n",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 8000) INSERT INTO orders "
                        + "SELECT i, 1 + i % 2000, CASE i % 3 WHEN 0 THEN 'pending' WHEN 1 THEN 'paid' ELSE 'shipped' END, "
                        + "(i % 100000) / 100.0, CASE WHEN i % 5 = 0 THEN NULL ELSE printf('2024-03-%02d %02d:00:00', 1 + i % 28, i % 24) END, "
                        + "CASE WHEN i % 4 = 0 THEN 'note ' || i END FROM n",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12000) INSERT INTO order_items "
                        + "SELECT i, 1 + i % 8000, 'SKU-' || (i % 500), 1 + i % 9 FROM n");
    }

    static Options options(TargetAddress target, Path source) {
        return Options.of(source, target, TestPostgres.get().adminPassword()).withIfExists(Options.IfExists.DATA_ONLY)
                .withRejects(source.resolveSibling(source.getFileName() + ".rejects.jsonl"));
    }

    @Test
    void anAlembicSchemaIsFilledAsItIsAndVerified() throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        sql(target, ALEMBIC);
        String typesBefore = query(target, TYPES);
        List<String> notes = new ArrayList<>();
        Migration m = new Migration(options(target, file), e -> {
            if (e instanceof MigrationEvent.Note n) {
                synchronized (notes) {
                    notes.add(n.text());
                }
            }
        });
        Plan plan = m.preflight();
        assertEquals(List.of("users", "orders", "order_items"), plan.tables().stream().map(t -> t.target()).toList(),
                "parents before children; alembic_version is not copied");
        String said = String.join("\n", notes);
        assertTrue(said.contains("public_id -> public_id uuid: fits"), said);
        assertTrue(said.contains("status -> status order_status: fits"), said);
        assertTrue(said.contains("alembic_version") && said.contains("different versions") && said.contains("a1b2c3d4e5f6"),
                "the history tables differ, and it is said plainly: " + said);

        Result r = m.run(plan);

        assertEquals(Result.Status.DONE, r.status());
        Map<String, TableCheck> checks = r.tables().stream().collect(Collectors.toMap(TableCheck::target, Function.identity()));
        assertEquals(2000, checks.get("users").targetRows());
        assertEquals(8000, checks.get("orders").targetRows());
        assertEquals(12000, checks.get("order_items").targetRows());
        for (TableCheck c : checks.values()) {
            assertTrue(c.checksumMatch(), c.target() + " verifies equal in the target's types");
        }
        assertEquals(22000, count(target, "SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM orders) "
                + "+ (SELECT count(*) FROM order_items)"));
        assertEquals(typesBefore, query(target, TYPES), "the target's types are unchanged");
        Result again = new Migration(options(target, file), MigrationListener.NONE).verify(plan);
        assertTrue(again.tables().stream().allMatch(TableCheck::checksumMatch), "ferry verify --data-only agrees: "
                + again.tables());
        assertEquals("3f2a1c9d8e7b", query(target, "SELECT string_agg(version_num, ',') FROM alembic_version"),
                "the history row is the target's");
        assertEquals(2001, count(target, "INSERT INTO users (email, public_id, created_at, is_active) VALUES "
                + "('new@example.com', gen_random_uuid(), now(), true) RETURNING id"), "the next id follows the copied ones");
        assertEquals(8001, count(target, "INSERT INTO orders (user_id, status, total) VALUES (1, 'paid', 1) RETURNING id"));
        assertEquals("paid", query(target, "SELECT status::text FROM orders WHERE id = 1"));
        assertEquals("dark", query(target, "SELECT settings->>'theme' FROM users WHERE id = 5"));
        assertEquals("{\"theme\": \"dark\",  \"n\": 5}", query(target, "SELECT settings::text FROM users WHERE id = 5"),
                "json keeps its text");
        assertEquals("1.50", query(target, "SELECT profile->>'v' FROM users WHERE id = 5"));
        assertEquals("2024-06-06 05:05:05.000185", query(target, "SELECT created_at::text FROM users WHERE id = 5"));
        assertEquals("12.34", query(target, "SELECT total::text FROM orders WHERE id = 1234"));
        assertEquals(0, count(target, "SELECT count(*) FROM users WHERE public_id::text !~ '^[0-9a-f]{8}-'"));
    }

    @Test
    void misfitsAreReportedWithExamplesAndStopTheRunBeforeAnyRowMoves() throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        sql(target, ALEMBIC);
        Migration m = new Migration(options(target, misfits), MigrationListener.NONE);
        Plan plan = m.preflight();
        Map<String, Problem> fits = plan.problems().stream().filter(p -> p.kind() == Problem.Kind.DOES_NOT_FIT)
                .collect(Collectors.toMap(p -> p.table() + "." + p.column(), Function.identity()));
        assertEquals(1, fits.get("orders.user_id").count());
        assertEquals(List.of("3000000000"), fits.get("orders.user_id").examples());
        assertTrue(fits.get("orders.user_id").message().contains("integer"), fits.get("orders.user_id").message());
        assertEquals(2, fits.get("users.name").count());
        assertTrue(fits.get("users.name").message().contains("character varying(80)"));
        assertEquals(3, fits.get("orders.status").count());
        assertEquals(List.of("lost"), fits.get("orders.status").examples());
        assertEquals(3, fits.size(), fits.toString());

        FerryException e = assertThrows(FerryException.class, () -> m.run(plan));
        assertTrue(e.getMessage().contains("existing tables"), e.getMessage());
        assertEquals(0, count(target, "SELECT count(*) FROM users"), "nothing was written");
    }

    @Test
    void misfitsCanBeStoredAsNullOrTheirRowsRejectedAndTheRestLoads() throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        sql(target, ALEMBIC);
        Options o = options(target, misfits).withResolutions(Resolutions.parse(List.of("does-not-fit=reject",
                "does-not-fit:users.name=null")));
        Migration m = new Migration(o, MigrationListener.NONE);
        Result r = m.run(m.preflight());
        assertEquals(Result.Status.DONE, r.status());
        assertEquals(2000, count(target, "SELECT count(*) FROM users"));
        assertEquals(0, count(target, "SELECT count(*) FROM users WHERE id IN (3, 4) AND name IS NOT NULL"),
                "too long for varchar(80): stored as NULL");
        assertEquals(7996, count(target, "SELECT count(*) FROM orders"), "the int4 and enum misfits' rows rejected");
        assertEquals(11992, count(target, "SELECT count(*) FROM order_items"));
        assertEquals(4, r.rejectedRows());
    }

    @Test
    void undoRemovesExactlyTheLoadedRowsAndKeepsTheTables() throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        sql(target, ALEMBIC);
        sql(target, "INSERT INTO users (id, email, public_id, created_at, is_active) VALUES "
                + "(9000, 'admin@example.com', gen_random_uuid(), now(), true)");
        Migration m = new Migration(options(target, file), MigrationListener.NONE);
        Result r = m.run(m.preflight());
        assertEquals(Result.Status.DONE, r.status());
        assertEquals(2001, count(target, "SELECT count(*) FROM users"));
        sql(target, "INSERT INTO orders (user_id, status, total) VALUES (9000, 'paid', 5)");

        Undo preview = m.undo(null, false);
        assertTrue(preview.kept().stream().anyMatch(k -> k.contains("users") && k.contains("deletes exactly")),
                preview.kept().toString());
        assertEquals(22000, preview.deleted());
        assertEquals(1, count(target, "SELECT count(*) FROM users"), "the app's own row stays");
        assertEquals("admin@example.com", query(target, "SELECT email FROM users"));
        assertEquals(1, count(target, "SELECT count(*) FROM orders"), "a row added after the run stays");
        assertEquals(0, count(target, "SELECT count(*) FROM order_items"));
        assertEquals("3f2a1c9d8e7b", query(target, "SELECT version_num FROM alembic_version"));
        assertEquals(4, count(target, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), "the tables stay");
    }

    /** Every shape of value Ferry reads, into each kind of column an ORM makes; verified in the target's types. */
    @Test
    void everyFormOfValueFitsItsColumnAndVerifies(@TempDir Path dir) throws Exception {
        Path forms = dir.resolve("forms.sqlite");
        try (SqliteFixture db = SqliteFixture.at(forms)) {
            db.sql("CREATE TABLE forms (id INTEGER PRIMARY KEY, small INTEGER, flag TEXT, u TEXT, at INTEGER, tz TEXT, "
                    + "d TEXT, doc TEXT, raw BLOB, code TEXT, price REAL, big INTEGER)");
            db.insert("forms",
                    new Object[] {1L, -32768L, "yes", "{A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11}", 0L, "2024-01-01T10:00:00Z",
                            "2024-02-29", "{\"b\": [1, 2.50], \"a\": null}", new byte[] {0, -1, 16}, "ab", 12.345,
                            Long.MAX_VALUE},
                    new Object[] {2L, 32767L, "off", "a0eebc999c0b4ef8bb6d6bb9bd380a11", 1_700_000_000L,
                            "2024-01-01 10:00:00+02:00", "1999-12-31", "[]", new byte[0], "xyz", -0.5, 1L},
                    new Object[] {3L, null, "1", new byte[] {-96, -18, -68, -103, -100, 11, 78, -8, -69, 109, 107, -71, -67,
                            56, 10, 17}, -86_400L, "2024-07-01 08:30:00.250", null, null, null, null, 0.0, null});
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        sql(target, "CREATE TABLE forms (id int8 PRIMARY KEY, small int2, flag boolean, u uuid, at timestamp, "
                + "tz timestamptz, d date, doc jsonb, raw bytea, code char(3), price numeric(8,3), big bigint)");
        Migration m = new Migration(options(target, forms), MigrationListener.NONE);
        Plan plan = m.preflight();
        assertEquals(List.of(), plan.problems(), "every value fits");
        Result r = m.run(plan);
        assertEquals(Result.Status.DONE, r.status());
        assertTrue(r.tables().get(0).checksumMatch(), r.tables().toString());
        assertEquals(3, r.tables().get(0).targetRows());
        assertEquals("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", query(target,
                "SELECT string_agg(DISTINCT u::text, ',') FROM forms"), "each form of uuid is the same uuid");
        assertEquals("1970-01-01 00:00:00|2023-11-14 22:13:20|1969-12-31 00:00:00", query(target,
                "SELECT string_agg(at::text, '|' ORDER BY id) FROM forms"), "unix seconds");
        assertEquals("2024-01-01 10:00:00|2024-01-01 08:00:00|2024-07-01 08:30:00.25", query(target,
                "SELECT string_agg((tz AT TIME ZONE 'UTC')::text, '|' ORDER BY id) FROM forms"), "no offset is UTC");
        assertEquals("true,false,true", query(target, "SELECT string_agg(flag::text, ',' ORDER BY id) FROM forms"));
        assertEquals("12.345", query(target, "SELECT price::text FROM forms WHERE id = 1"));
    }

    /**
     * A table whose rows refer to the same table (each row's parent the row before) and large enough
     * that Ferry would copy it in parts at once: in one part, in SQLite's order, no parent comes late.
     */
    @Test
    void aTableReferringToItselfIsLoadedInOrder(@TempDir Path dir) throws Exception {
        Path tree = dir.resolve("tree.sqlite");
        try (SqliteFixture db = SqliteFixture.at(tree)) {
            db.sql("CREATE TABLE node (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES node (id))",
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400500) INSERT INTO node "
                            + "SELECT i, CASE WHEN i > 1 THEN i - 1 END FROM n");
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        sql(target, "CREATE TABLE node (id SERIAL PRIMARY KEY, parent_id INTEGER REFERENCES node (id))");
        Options o = options(target, tree).withJobs(4);
        Result r = new Migration(o, MigrationListener.NONE).run(new Migration(o, MigrationListener.NONE).preflight());
        assertEquals(Result.Status.DONE, r.status());
        assertEquals(400500, count(target, "SELECT count(*) FROM node"));
        assertTrue(r.tables().get(0).checksumMatch());
    }

    /**
     * Tables that refer to each other (a team's captain is a player, a player's team a team): when
     * one side's references are all empty in SQLite they ask for no order and the load works; when
     * both hold values, the plan says so plainly.
     */
    @Test
    void tablesReferringToEachOtherAreOrderedByTheReferencesThatHoldValues(@TempDir Path dir) throws Exception {
        String[] schema = {"CREATE TABLE team (id SERIAL PRIMARY KEY, captain_id INTEGER)",
            "CREATE TABLE player (id SERIAL PRIMARY KEY, team_id INTEGER NOT NULL REFERENCES team (id))",
            "ALTER TABLE team ADD FOREIGN KEY (captain_id) REFERENCES player (id)"};
        Path league = dir.resolve("league.sqlite");
        try (SqliteFixture db = SqliteFixture.at(league)) {
            db.sql("CREATE TABLE team (id INTEGER PRIMARY KEY, captain_id INTEGER)",
                    "CREATE TABLE player (id INTEGER PRIMARY KEY, team_id INTEGER NOT NULL)",
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) INSERT INTO team "
                            + "SELECT i, NULL FROM n",
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO player "
                            + "SELECT i, 1 + i % 300 FROM n");
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        sql(target, schema);
        List<String> notes = new ArrayList<>();
        Migration m = new Migration(options(target, league), e -> {
            if (e instanceof MigrationEvent.Note n) {
                notes.add(n.text());
            }
        });
        Plan plan = m.preflight();
        assertEquals(List.of("team", "player"), plan.tables().stream().map(t -> t.target()).toList());
        assertTrue(notes.stream().noneMatch(n -> n.contains("cycle")), notes.toString());
        assertEquals(Result.Status.DONE, m.run(plan).status());
        assertEquals(3000, count(target, "SELECT count(*) FROM player"));

        try (SqliteFixture db = SqliteFixture.at(league)) {
            db.sql("UPDATE team SET captain_id = id * 10");
        }
        TargetAddress other = TestPostgres.get().freshDatabase();
        sql(other, schema);
        notes.clear();
        new Migration(options(other, league), e -> {
            if (e instanceof MigrationEvent.Note n) {
                notes.add(n.text());
            }
        }).preflight();
        assertTrue(notes.stream().anyMatch(n -> n.contains("Tables player, team refer to each other in a cycle")),
                notes.toString());
    }

    /**
     * The app's tables belong to its owner; the user who loads them may add, read and delete rows
     * but not create tables. A data-only run needs no more (besides its journal, made for it here).
     */
    @Test
    void aUserWhoMayNotCreateTablesCanStillLoadThem() throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        TestPostgres.get().execute("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ferry_loader') "
                + "THEN CREATE ROLE ferry_loader LOGIN; END IF; END$$");
        sql(target, ALEMBIC);
        sql(target, "REVOKE CREATE ON SCHEMA public FROM PUBLIC", "GRANT USAGE ON SCHEMA public TO ferry_loader",
                "GRANT SELECT, INSERT, DELETE ON ALL TABLES IN SCHEMA public TO ferry_loader",
                "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ferry_loader",
                "CREATE SCHEMA ferry_journal AUTHORIZATION ferry_loader");
        TargetAddress loader = new TargetAddress(target.host(), target.port(), target.database(), "ferry_loader",
                target.params(), target.passwordInUrl());
        Options o = Options.of(file, loader, dev.ferry.postgres.Secret.NONE).withIfExists(Options.IfExists.DATA_ONLY)
                .withRejects(file.resolveSibling("loader.rejects.jsonl"));
        Migration m = new Migration(o, MigrationListener.NONE);
        Result r = m.run(m.preflight());
        assertEquals(Result.Status.DONE, r.status());
        assertEquals(12000, count(target, "SELECT count(*) FROM order_items"));
        assertEquals(22000, m.undo(null, false).deleted());
        assertEquals(0, count(target, "SELECT count(*) FROM users"));
    }

    /** Rails: schema_migrations agrees and says so; ar_internal_metadata keeps 'production' rather than colliding. */
    @Test
    void railsBookkeepingKeepsTheTargetsRows(@TempDir Path dir) throws Exception {
        Path rails = dir.resolve("rails.sqlite3");
        try (SqliteFixture db = SqliteFixture.at(rails)) {
            db.sql("CREATE TABLE schema_migrations (version varchar NOT NULL PRIMARY KEY)",
                    "INSERT INTO schema_migrations VALUES ('20240101000000'), ('20240202000000')",
                    "CREATE TABLE ar_internal_metadata (key varchar NOT NULL PRIMARY KEY, value varchar, "
                            + "created_at datetime(6) NOT NULL, updated_at datetime(6) NOT NULL)",
                    "INSERT INTO ar_internal_metadata VALUES ('environment', 'development', '2024-01-01 00:00:00', "
                            + "'2024-01-01 00:00:00')",
                    "CREATE TABLE posts (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, title varchar)",
                    "INSERT INTO posts (title) VALUES ('a'), ('b')");
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        sql(target, "CREATE TABLE schema_migrations (version character varying NOT NULL PRIMARY KEY)",
                "INSERT INTO schema_migrations VALUES ('20240202000000'), ('20240101000000')",
                "CREATE TABLE ar_internal_metadata (key character varying NOT NULL PRIMARY KEY, value character varying, "
                        + "created_at timestamp(6) NOT NULL, updated_at timestamp(6) NOT NULL)",
                "INSERT INTO ar_internal_metadata VALUES ('environment', 'production', now(), now())",
                "CREATE TABLE posts (id bigserial PRIMARY KEY, title character varying)");
        List<String> notes = new ArrayList<>();
        Migration m = new Migration(options(target, rails), e -> {
            if (e instanceof MigrationEvent.Note n) {
                notes.add(n.text());
            }
        });
        Result r = m.run(m.preflight());
        assertEquals(Result.Status.DONE, r.status());
        assertEquals(List.of("posts"), r.tables().stream().map(TableCheck::target).toList());
        assertTrue(notes.stream().anyMatch(n -> n.contains("schema_migrations") && n.contains("records the same migrations")),
                notes.toString());
        assertEquals("production", query(target, "SELECT value FROM ar_internal_metadata"));
        assertEquals(3, count(target, "INSERT INTO posts (title) VALUES ('c') RETURNING id"));
    }

    /** JSON arrays in SQLite fill PostgreSQL array columns, every element kept, and verify; a nested array does not fit. */
    @Test
    void jsonArraysFillArrayColumns(@TempDir Path dir) throws Exception {
        Path arrays = dir.resolve("arrays.sqlite");
        try (SqliteFixture db = SqliteFixture.at(arrays)) {
            db.sql("CREATE TABLE post (id INTEGER PRIMARY KEY, tags TEXT, scores TEXT)");
            db.insert("post",
                    new Object[] {1L, "[\"a b\", \"\", \"NULL\", \"q\\\"uote\", \"back\\\\slash\", \"\u00e9{,}\", null, 1.50, true]",
                            "[1, -2, null, 2147483647]"},
                    new Object[] {2L, "[]", "[]"},
                    new Object[] {3L, null, "[7]"});
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        sql(target, "CREATE TABLE post (id SERIAL PRIMARY KEY, tags text[], scores integer[])");
        Migration m = new Migration(options(target, arrays), MigrationListener.NONE);
        Plan plan = m.preflight();
        assertEquals(List.of(), plan.problems());
        Result r = m.run(plan);
        assertEquals(Result.Status.DONE, r.status());
        assertTrue(r.tables().get(0).checksumMatch(), r.tables().toString());
        assertEquals("a b||NULL|q\"uote|back\\slash|\u00e9{,}|(null)|1.50|true", query(target,
                "SELECT string_agg(coalesce(t, '(null)'), '|' ORDER BY n) FROM post, unnest(tags) WITH ORDINALITY AS u(t, n) "
                        + "WHERE id = 1"));
        assertEquals(9, count(target, "SELECT cardinality(tags) FROM post WHERE id = 1"));
        assertEquals("{1,-2,NULL,2147483647}|{}|{7}", query(target, "SELECT string_agg(scores::text, '|' ORDER BY id) FROM post"));

        try (SqliteFixture db = SqliteFixture.at(arrays)) {
            db.sql("UPDATE post SET scores = '[[1], 2]' WHERE id = 3");
        }
        TargetAddress other = TestPostgres.get().freshDatabase();
        sql(other, "CREATE TABLE post (id SERIAL PRIMARY KEY, tags text[], scores integer[])");
        Problem p = new Migration(options(other, arrays), MigrationListener.NONE).preflight().problems().stream()
                .findFirst().orElseThrow();
        assertEquals("scores", p.column());
        assertEquals(List.of("[[1], 2]"), p.examples());
    }

    /**
     * Bytes that are not UTF-8 cannot go into an existing text column as they are (Ferry would
     * otherwise make the column bytea): the run stops before writing, unless the user lets Ferry repair them.
     */
    @Test
    void textThatIsNotUtf8StopsUnlessRepaired(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.sqlite");
        try (SqliteFixture db = SqliteFixture.at(bad)) {
            db.sql("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO note VALUES (1, 'fine')",
                    "INSERT INTO note VALUES (2, CAST(x'41ff42' AS TEXT))");
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        sql(target, "CREATE TABLE note (id SERIAL PRIMARY KEY, body text)");
        Migration m = new Migration(options(target, bad), MigrationListener.NONE);
        Plan plan = m.preflight();
        Problem p = plan.problems().stream().filter(x -> x.kind() == Problem.Kind.UNSAFE_TEXT).findFirst().orElseThrow();
        assertEquals(Problem.STOP, p.resolution());
        assertTrue(p.message().contains("not bytea"), p.message());
        FerryException e = assertThrows(FerryException.class, () -> m.run(plan));
        assertTrue(e.advice().contains("unsafe-text=repair"), e.advice());
        assertEquals(0, count(target, "SELECT count(*) FROM note"));

        Options repair = options(target, bad).withResolutions(Resolutions.parse(List.of("unsafe-text=repair")));
        Migration again = new Migration(repair, MigrationListener.NONE);
        assertEquals(Result.Status.DONE, again.run(again.preflight()).status());
        assertEquals("A\uFFFDB", query(target, "SELECT body FROM note WHERE id = 2"));
    }

    /** A cancelled data-only run resumes where it stopped, every row once, and undo still finds every loaded row. */
    @Test
    void aCancelledDataOnlyRunResumesAndUndoes() throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        sql(target, ALEMBIC);
        Options o = ResumeTest.options(file, target, 2, 1_000).withIfExists(Options.IfExists.DATA_ONLY)
                .withRejects(file.resolveSibling("resume.rejects.jsonl"));
        FerryException e = ResumeTest.cancelAfter(o, "order_items", 3);
        assertEquals(FerryException.Kind.INTERRUPTED, e.kind());
        long partial = count(target, "SELECT count(*) FROM order_items");
        assertTrue(partial < 12000, "cancelled midway, not " + partial);

        Migration again = new Migration(o, MigrationListener.NONE);
        Result r = again.resume(again.preflight());
        assertEquals(Result.Status.DONE, r.status());
        assertTrue(r.tables().stream().allMatch(TableCheck::checksumMatch), r.tables().toString());
        assertEquals(12000, count(target, "SELECT count(DISTINCT id) FROM order_items"));
        assertEquals(12000, count(target, "SELECT count(*) FROM order_items"));
        assertEquals(22000, again.undo(null, false).deleted(), "the rows of both attempts");
        assertEquals(0, count(target, "SELECT count(*) FROM users"));
    }
}
