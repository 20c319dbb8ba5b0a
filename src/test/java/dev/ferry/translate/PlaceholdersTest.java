package dev.ferry.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Parameters are rewritten where the parser found them, never inside a string: psycopg's %s (and a
 * literal's % doubled, as psycopg wants it once there are parameters), $n for asyncpg, node-postgres
 * and pgx, ? kept for JDBC; named ones mapped to the driver's named form or numbered, the same name
 * the same number.
 */
class PlaceholdersTest {

    private static String in(Placeholders style, String sql) {
        return style.apply(sql, SqlParser.parse(sql));
    }

    @Test
    void positionalInEachDriversStyle() {
        String sql = "SELECT name FROM players WHERE name LIKE ? || '%' AND note <> '?' AND id = ?";
        assertEquals("SELECT name FROM players WHERE name LIKE %s || '%%' AND note <> '?' AND id = %s",
                in(new Placeholders("%s", "%(name)s"), sql));
        assertEquals("SELECT name FROM players WHERE name LIKE $1 || '%' AND note <> '?' AND id = $2",
                in(Placeholders.NUMBERED, sql));
        assertEquals(sql, in(new Placeholders("?", null), sql));
        assertEquals("SELECT name FROM players WHERE name LIKE {0} || '%' AND note <> '?' AND id = {1}",
                in(new Placeholders("{0}", "@name"), sql));
        assertEquals(2, Placeholders.count(SqlParser.parse(sql)));
    }

    @Test
    void namedAndNumbered() {
        String sql = "INSERT INTO prices (product_id, cents, note) VALUES (@productId, :cents, @productId)";
        assertEquals("INSERT INTO prices (product_id, cents, note) VALUES ($1, $2, $1)", in(Placeholders.NUMBERED, sql));
        assertEquals("INSERT INTO prices (product_id, cents, note) VALUES (%(productId)s, %(cents)s, %(productId)s)",
                in(new Placeholders("%s", "%(name)s"), sql));
        assertEquals(2, Placeholders.count(SqlParser.parse(sql)));
        assertEquals("SELECT a FROM t WHERE b = $2 AND c = $1", in(Placeholders.NUMBERED, "SELECT a FROM t WHERE b = ?2 AND c = ?1"));
    }

    @Test
    void withoutParametersAPercentStaysSingle() {
        assertEquals("SELECT a FROM t WHERE b LIKE 'x%'", in(new Placeholders("%s", null), "SELECT a FROM t WHERE b LIKE 'x%'"));
    }

    @Test
    void translatedTextIsRestyledFromPostgresNumbers() {
        String pg = "SELECT name FROM players WHERE name ILIKE $1 || '%' AND team = $2 AND \"a$1\" = 'it''s $1'";
        assertEquals("SELECT name FROM players WHERE name ILIKE %s || '%%' AND team = %s AND \"a$1\" = 'it''s $1'",
                new Placeholders("%s", "%(name)s").restyle(pg, java.util.List.of("?", "?")));
        assertEquals("SELECT name FROM players WHERE name ILIKE %(q)s || '%%' AND team = %(team)s AND \"a$1\" = 'it''s $1'",
                new Placeholders("%s", "%(name)s").restyle(pg, java.util.List.of(":q", ":team")));
        assertEquals(pg, Placeholders.NUMBERED.restyle(pg, java.util.List.of("?", "?")));
        assertEquals("SELECT name FROM players WHERE name ILIKE ? || '%' AND team = ? AND \"a$1\" = 'it''s $1'",
                new Placeholders("?", null).restyle(pg, java.util.List.of("?", "?")));
    }
}
