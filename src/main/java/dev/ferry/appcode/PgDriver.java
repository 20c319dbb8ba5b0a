package dev.ferry.appcode;

/**
 * The PostgreSQL driver Ferry suggests in place of the app's SQLite driver, in the app's language,
 * with the package a person installs and the parameter markers its SQL is written with.
 */
public enum PgDriver {
    PSYCOPG("psycopg", "pip install \"psycopg[binary]\"", "%s", "%(name)s"),
    ASYNCPG("asyncpg", "pip install asyncpg", "$1", null),
    NODE_POSTGRES("node-postgres", "npm install pg", "$1", null),
    PGX("pgx", "go get github.com/jackc/pgx/v5", "$1", "@name"),
    PGJDBC("pgjdbc", "org.postgresql:postgresql", "?", null),
    NPGSQL("Npgsql", "dotnet add package Npgsql", "$1", "@name"),
    PG_GEM("pg gem", "gem \"pg\"", "$1", null),
    PDO_PGSQL("PDO pgsql", "the pdo_pgsql extension", "?", ":name");

    private final String label;
    private final String install;
    private final String positional;
    private final String named;

    PgDriver(String label, String install, String positional, String named) {
        this.label = label;
        this.install = install;
        this.positional = positional;
        this.named = named;
    }

    public String label() {
        return label;
    }

    /** How to add it to the app, in its ecosystem's words. */
    public String install() {
        return install;
    }

    /** The first positional parameter as this driver writes it: {@code %s}, {@code $1} or {@code ?}. */
    public String positional() {
        return positional;
    }

    /** A named parameter as this driver writes it, or null when it has none (named ones become positional). */
    public String named() {
        return named;
    }
}
