package dev.ferry.appcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The handoff: the connection in each driver's own form, as .env lines, from the address the
 * migration used. The password in that address is never written: each form leaves
 * {@code <password>} for the person to fill in.
 */
class HandoffTest {

    private static final String SECRET = "hunter2";
    private static final TargetAddress PLAIN = TargetAddress.parse("postgresql://bot:" + SECRET + "@db.example.com:5432/league", Map.of());
    private static final TargetAddress TLS = TargetAddress.parse("postgres://bot:" + SECRET + "@db.example.com/league?sslmode=require", Map.of());

    private static List<String> env(Stack stack, TargetAddress to) {
        return Handoff.of(stack, to).envLines();
    }

    @Test
    void python() {
        assertEquals(List.of("DATABASE_URL=postgresql+psycopg://bot:<password>@db.example.com:5432/league"), env(Stack.SQLALCHEMY, PLAIN));
        assertEquals(List.of("DATABASE_URL=postgresql+asyncpg://bot:<password>@db.example.com:5432/league?ssl=require"),
                env(Stack.SQLALCHEMY_ASYNC, TLS));
        assertEquals(List.of("DATABASE_URL=postgresql://bot:<password>@db.example.com:5432/league?sslmode=require"), env(Stack.AIOSQLITE, TLS));
        assertEquals(List.of("DATABASE_URL=postgresql://bot:<password>@db.example.com:5432/league"), env(Stack.PYTHON_SQLITE3, PLAIN));
        Handoff django = Handoff.of(Stack.DJANGO, TLS);
        assertEquals(List.of("DB_NAME=league", "DB_USER=bot", "DB_PASSWORD=<password>", "DB_HOST=db.example.com", "DB_PORT=5432"),
                django.envLines());
        assertEquals("""
                DATABASES = {
                    "default": {
                        "ENGINE": "django.db.backends.postgresql",
                        "NAME": os.environ["DB_NAME"],
                        "USER": os.environ["DB_USER"],
                        "PASSWORD": os.environ["DB_PASSWORD"],
                        "HOST": os.environ["DB_HOST"],
                        "PORT": os.environ["DB_PORT"],
                        "OPTIONS": {"sslmode": "require"},
                    }
                }
                """, django.snippet());
    }

    @Test
    void nodeGoJvmDotnetRubyPhp() {
        assertEquals(List.of("DATABASE_URL=\"postgresql://bot:<password>@db.example.com:5432/league?schema=public\""), env(Stack.PRISMA, PLAIN));
        assertEquals(List.of("DATABASE_URL=\"postgresql://bot:<password>@db.example.com:5432/league?schema=public&sslmode=require\""),
                env(Stack.PRISMA, TLS));
        assertEquals(List.of("DATABASE_URL=postgres://bot:<password>@db.example.com:5432/league"), env(Stack.BETTER_SQLITE3, PLAIN));
        assertEquals(List.of("DATABASE_URL=postgres://bot:<password>@db.example.com:5432/league?sslmode=require"), env(Stack.GO_SQLITE3, TLS));
        assertEquals(List.of("JDBC_DATABASE_URL=jdbc:postgresql://db.example.com:5432/league?user=bot&password=<password>&sslmode=require"),
                env(Stack.JDBC_SQLITE, TLS));
        assertEquals(List.of("ConnectionStrings__Default=Host=db.example.com;Port=5432;Database=league;Username=bot;Password=<password>"),
                env(Stack.EF_CORE, PLAIN));
        assertEquals(List.of("DATABASE_URL=postgres://bot:<password>@db.example.com:5432/league"), env(Stack.ACTIVE_RECORD, PLAIN));
        assertEquals(List.of("DB_DSN=\"pgsql:host=db.example.com;port=5432;dbname=league;sslmode=require\"", "DB_USER=bot",
                "DB_PASSWORD=<password>"), env(Stack.PDO_SQLITE, TLS));
    }

    @Test
    void theDriverAndItsMarkers() {
        Handoff bot = Handoff.of(Stack.AIOSQLITE, PLAIN);
        assertEquals(PgDriver.ASYNCPG, bot.driver());
        assertEquals("$1", bot.positional());
        assertEquals(PgDriver.PSYCOPG, Handoff.of(Stack.PYTHON_SQLITE3, PLAIN).driver());
        assertEquals("%s", Handoff.of(Stack.PYTHON_SQLITE3, PLAIN).positional());
        assertEquals("%(name)s", Handoff.of(Stack.PYTHON_SQLITE3, PLAIN).named());
        assertEquals(PgDriver.NODE_POSTGRES, Handoff.of(Stack.BETTER_SQLITE3, PLAIN).driver());
        assertEquals(PgDriver.PGX, Handoff.of(Stack.GO_SQLITE3, PLAIN).driver());
        assertEquals("?", Handoff.of(Stack.JDBC_SQLITE, PLAIN).positional());
        assertEquals(PgDriver.NPGSQL, Handoff.of(Stack.MICROSOFT_DATA_SQLITE, PLAIN).driver());
        assertEquals(PgDriver.PG_GEM, Handoff.of(Stack.ACTIVE_RECORD, PLAIN).driver());
        assertEquals(PgDriver.PDO_PGSQL, Handoff.of(Stack.PDO_SQLITE, PLAIN).driver());
        assertEquals(":name", Handoff.of(Stack.PDO_SQLITE, PLAIN).named());
        assertEquals("%s", Handoff.of(Stack.DJANGO, PLAIN).positional(), "Django keeps %s on every database");
    }

    @Test
    void theThreeFixtureAppsGetTheirDriversOwnForm() {
        List<String> lines = List.of("discord-bot", "node-service", "go-service").stream()
                .map(app -> AppScan.of(AppFixturesTest.APPS.resolve(app), StatementRecognizer.KEYWORDS).handoff(TLS).orElseThrow())
                .map(h -> h.driver().label() + " " + h.positional() + " " + String.join(" ", h.envLines()))
                .toList();
        assertEquals(List.of(
                "asyncpg $1 DATABASE_URL=postgresql://bot:<password>@db.example.com:5432/league?sslmode=require",
                "node-postgres $1 DATABASE_URL=postgres://bot:<password>@db.example.com:5432/league?sslmode=require",
                "pgx $1 DATABASE_URL=postgres://bot:<password>@db.example.com:5432/league?sslmode=require"), lines);
        lines.forEach(l -> assertFalse(l.contains(SECRET)));
    }

    @Test
    void namesThatNeedEscapingInAUrl() {
        TargetAddress odd = TargetAddress.parse("postgresql://app%40corp:" + SECRET + "@[::1]:6543/my%20db", Map.of());
        assertEquals(List.of("DATABASE_URL=postgres://app%40corp:<password>@[::1]:6543/my%20db"), env(Stack.KNEX, odd));
    }

    @Test
    void thePasswordIsNeverWritten() {
        for (TargetAddress to : List.of(PLAIN, TLS)) {
            for (Stack s : Stack.values()) {
                Handoff h = Handoff.of(s, to);
                String all = String.join("\n", h.envLines()) + h.snippet() + h;
                assertFalse(all.contains(SECRET), s + ": " + all);
                assertTrue(String.join("\n", h.envLines()).contains(Handoff.PASSWORD), s + " leaves the password to fill in");
            }
        }
    }

    @Test
    void aChosenDriverDecidesTheFormAndTheMarkers() {
        Handoff jdbc = Handoff.of(Stack.AIOSQLITE, PgDriver.PGJDBC, TLS);
        assertEquals(List.of("JDBC_DATABASE_URL=jdbc:postgresql://db.example.com:5432/league?user=bot&password=<password>&sslmode=require"),
                jdbc.envLines());
        assertEquals("?", jdbc.positional());
        Handoff psycopg = Handoff.of(Stack.AIOSQLITE, PgDriver.PSYCOPG, PLAIN);
        assertEquals(List.of("DATABASE_URL=postgresql://bot:<password>@db.example.com:5432/league"), psycopg.envLines());
        assertEquals("%s", psycopg.positional());
        assertEquals("%(name)s", psycopg.named());
        // SQLAlchemy on either Python driver: its own URL, with the driver in it, and its :name markers
        Handoff async = Handoff.of(Stack.SQLALCHEMY, PgDriver.ASYNCPG, TLS);
        assertEquals(List.of("DATABASE_URL=postgresql+asyncpg://bot:<password>@db.example.com:5432/league?ssl=require"), async.envLines());
        assertEquals(":name", async.positional());
        // Django's settings are for Django's own driver; another driver gets its own form and markers
        Handoff node = Handoff.of(Stack.DJANGO, PgDriver.NODE_POSTGRES, PLAIN);
        assertEquals(List.of("DATABASE_URL=postgres://bot:<password>@db.example.com:5432/league"), node.envLines());
        assertEquals("$1", node.positional());
        assertEquals(null, node.snippet());
        // nothing found in the app, a driver named: the driver's form
        Handoff pq = Handoff.of(null, PgDriver.LIB_PQ, TLS);
        assertEquals(List.of("DATABASE_URL=postgres://bot:<password>@db.example.com:5432/league?sslmode=require"), pq.envLines());
        assertEquals("$1", pq.positional());
        assertEquals(null, pq.named());
        assertEquals("$1, $2, …", Handoff.markers("$1"));
        assertEquals("%s, %s, …", Handoff.markers("%s"));
        assertEquals(":name", Handoff.markers(":name"));
    }

    @Test
    void noDriverStackPairWritesThePassword() {
        for (TargetAddress to : List.of(PLAIN, TLS)) {
            for (PgDriver d : PgDriver.values()) {
                for (Stack s : java.util.stream.Stream.concat(java.util.stream.Stream.of((Stack) null),
                        java.util.Arrays.stream(Stack.values())).toList()) {
                    Handoff h = Handoff.of(s, d, to);
                    String all = String.join("\n", h.envLines()) + h.snippet() + h;
                    assertFalse(all.contains(SECRET), s + " " + d + ": " + all);
                    assertTrue(String.join("\n", h.envLines()).contains(Handoff.PASSWORD), s + " " + d);
                }
            }
        }
    }

    @Test
    void driversByTheNamesPeopleUse() {
        assertEquals(PgDriver.LIB_PQ, PgDriver.named("lib/pq"));
        assertEquals(PgDriver.LIB_PQ, PgDriver.named("pq"));
        assertEquals(PgDriver.PGJDBC, PgDriver.named("JDBC"));
        assertEquals(PgDriver.NODE_POSTGRES, PgDriver.named("pg"));
        assertEquals(PgDriver.PDO_PGSQL, PgDriver.named("PDO pgsql"));
        for (PgDriver d : PgDriver.values()) {
            assertEquals(d, PgDriver.named(d.label()), "the label a report shows names the driver again");
        }
        dev.ferry.FerryException e = org.junit.jupiter.api.Assertions.assertThrows(dev.ferry.FerryException.class,
                () -> PgDriver.named("odbc"));
        assertEquals(dev.ferry.FerryException.Kind.USAGE, e.kind());
        assertTrue(e.advice().contains("lib/pq"), e.advice());
    }
}
