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

    public static Handoff of(Stack stack, TargetAddress to) {
        String sslmode = to.params().getOrDefault("sslmode", "prefer");
        boolean ssl = !sslmode.equals("prefer");
        List<String> env;
        String snippet = null;
        switch (stack) {
            case SQLALCHEMY -> env = List.of("DATABASE_URL=" + uri("postgresql+psycopg", to, ssl ? "sslmode=" + sslmode : null));
            // asyncpg takes ssl=, not libpq's sslmode=, from SQLAlchemy's URL
            case SQLALCHEMY_ASYNC -> env = List.of("DATABASE_URL=" + uri("postgresql+asyncpg", to, ssl ? "ssl=" + sslmode : null));
            case DJANGO -> {
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
            }
            case PRISMA -> env = List.of("DATABASE_URL=\"" + uri("postgresql", to, "schema=public" + (ssl ? "&sslmode=" + sslmode : "")) + "\"");
            case BETTER_SQLITE3, NODE_SQLITE3, NODE_SQLITE, SEQUELIZE, KNEX, GO_SQLITE3, MODERNC_SQLITE, GORM,
                    ACTIVE_RECORD, RUBY_SQLITE3 -> env = List.of("DATABASE_URL=" + uri("postgres", to, ssl ? "sslmode=" + sslmode : null));
            case JDBC_SQLITE -> env = List.of("JDBC_DATABASE_URL=" + to.jdbcUrl() + "?user=" + encode(to.user()) + "&password="
                    + PASSWORD + (ssl ? "&sslmode=" + sslmode : ""));
            case MICROSOFT_DATA_SQLITE, EF_CORE -> env = List.of("ConnectionStrings__Default=Host=" + to.host() + ";Port=" + to.port()
                    + ";Database=" + to.database() + ";Username=" + to.user() + ";Password=" + PASSWORD
                    + (ssl ? ";SSL Mode=" + npgsqlSslMode(sslmode) : ""));
            case PDO_SQLITE, PHP_SQLITE3 -> env = List.of("DB_DSN=\"pgsql:host=" + to.host() + ";port=" + to.port() + ";dbname="
                    + to.database() + (ssl ? ";sslmode=" + sslmode : "") + "\"", "DB_USER=" + to.user(), "DB_PASSWORD=" + PASSWORD);
            default -> env = List.of("DATABASE_URL=" + uri("postgresql", to, ssl ? "sslmode=" + sslmode : null));
        }
        return new Handoff(stack, stack.driver(), stack.positional(), stack.named(), env, snippet);
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
