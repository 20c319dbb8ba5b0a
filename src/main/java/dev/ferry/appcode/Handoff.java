package dev.ferry.appcode;

import dev.ferry.postgres.TargetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a person needs to point the app at PostgreSQL: the driver to install, the parameter markers
 * its SQL takes, and the connection in that driver's own form as {@code .env} lines. The password
 * is never Ferry's to write: it stays {@link #PASSWORD}, for the person to fill in.
 */
public record Handoff(Stack stack, PgDriver driver, String positional, String named, List<String> envLines,
                      String snippet) {

    /** What stands where the password goes. */
    public static final String PASSWORD = "<password>";

    /** The handoff for the stack's own PostgreSQL driver. */
    public static Handoff of(Stack stack, TargetAddress to) {
        return of(stack, stack.driver(), to);
    }

    /**
     * The handoff for {@code driver}, chosen by the person or guessed: an ORM's own form (SQLAlchemy's URL,
     * Django's settings, Prisma's URL) while the driver is one that ORM runs on, else the driver's own
     * form. The markers are the ORM's for its own driver (an ORM keeps them whatever the database), else
     * the driver's. {@code stack} is null when Ferry found none in the app.
     */
    public static Handoff of(Stack stack, PgDriver driver, TargetAddress to) {
        String sslmode = to.params().getOrDefault("sslmode", "prefer");
        boolean ssl = !sslmode.equals("prefer");
        boolean own = stack != null && stack.driver() == driver;
        boolean sqlalchemy = (stack == Stack.SQLALCHEMY || stack == Stack.SQLALCHEMY_ASYNC)
                && (driver == PgDriver.PSYCOPG || driver == PgDriver.ASYNCPG);
        List<String> env;
        String snippet = null;
        if (sqlalchemy && driver == PgDriver.PSYCOPG) {
            env = List.of("DATABASE_URL=" + uri("postgresql+psycopg", to, ssl ? "sslmode=" + sslmode : null));
        } else if (sqlalchemy) {
            // asyncpg takes ssl=, not libpq's sslmode=, from SQLAlchemy's URL
            env = List.of("DATABASE_URL=" + uri("postgresql+asyncpg", to, ssl ? "ssl=" + sslmode : null));
        } else if (own && stack == Stack.DJANGO) {
            env = List.of("DB_NAME=" + to.database(), "DB_USER=" + to.user(), "DB_PASSWORD=" + PASSWORD,
                    "DB_HOST=" + to.host(), "DB_PORT=" + to.port());
            snippet = """
                    DATABASES = {
                        "default": {
                            "ENGINE": "django.db.backends.postgresql",
                            "NAME": os.environ["DB_NAME"],
                            "USER": os.environ["DB_USER"],
                            "PASSWORD": os.environ["DB_PASSWORD"],
                            "HOST": os.environ["DB_HOST"],
                            "PORT": os.environ["DB_PORT"],
                    """ + (ssl ? "        \"OPTIONS\": {\"sslmode\": \"" + sslmode + "\"},\n" : "") + """
                        }
                    }
                    """;
        } else if (own && stack == Stack.PRISMA) {
            env = List.of("DATABASE_URL=\"" + uri("postgresql", to, "schema=public" + (ssl ? "&sslmode=" + sslmode : "")) + "\"");
        } else {
            env = driverForm(driver, to, ssl, sslmode);
        }
        boolean ormMarkers = own || sqlalchemy; // SQLAlchemy's text() keeps :name on either driver
        return new Handoff(stack, driver, ormMarkers ? stack.positional() : driver.positional(),
                ormMarkers ? stack.named() : driver.named(), env, snippet);
    }

    /** The connection as the driver itself reads it. */
    private static List<String> driverForm(PgDriver driver, TargetAddress to, boolean ssl, String sslmode) {
        return switch (driver) {
            case PSYCOPG, ASYNCPG -> List.of("DATABASE_URL=" + uri("postgresql", to, ssl ? "sslmode=" + sslmode : null));
            case NODE_POSTGRES, PGX, LIB_PQ, PG_GEM -> List.of("DATABASE_URL=" + uri("postgres", to, ssl ? "sslmode=" + sslmode : null));
            case PGJDBC -> List.of("JDBC_DATABASE_URL=" + to.jdbcUrl() + "?user=" + encode(to.user()) + "&password="
                    + PASSWORD + (ssl ? "&sslmode=" + sslmode : ""));
            case NPGSQL -> List.of("ConnectionStrings__Default=Host=" + to.host() + ";Port=" + to.port()
                    + ";Database=" + to.database() + ";Username=" + to.user() + ";Password=" + PASSWORD
                    + (ssl ? ";SSL Mode=" + npgsqlSslMode(sslmode) : ""));
            case PDO_PGSQL -> List.of("DB_DSN=\"pgsql:host=" + to.host() + ";port=" + to.port() + ";dbname="
                    + to.database() + (ssl ? ";sslmode=" + sslmode : "") + "\"", "DB_USER=" + to.user(), "DB_PASSWORD=" + PASSWORD);
        };
    }

    /** The first markers of a statement as a person reads them: "$1, $2, …", "%s, %s, …", "{0}, {1}, …", ":name". */
    public static String markers(String positional) {
        return switch (positional) {
            case "$1" -> "$1, $2, …";
            case "{0}" -> "{0}, {1}, …";
            case "%s", "?" -> positional + ", " + positional + ", …";
            default -> positional;
        };
    }

    private static String uri(String scheme, TargetAddress to, String query) {
        String host = to.host().contains(":") ? "[" + to.host() + "]" : to.host();
        return scheme + "://" + encode(to.user()) + ":" + PASSWORD + "@" + host + ":" + to.port() + "/" + encode(to.database())
                + (query == null ? "" : "?" + query);
    }

    /** Percent-encoding for a URL's user and database names (a space is %20 there, not +). */
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Npgsql spells libpq's sslmode values in words: verify-full is VerifyFull. */
    private static String npgsqlSslMode(String mode) {
        return switch (mode) {
            case "verify-full" -> "VerifyFull";
            case "verify-ca" -> "VerifyCA";
            case "disable" -> "Disable";
            case "allow" -> "Allow";
            default -> Character.toUpperCase(mode.charAt(0)) + mode.substring(1);
        };
    }
}
