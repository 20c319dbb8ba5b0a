package dev.ferry.appcode;

import dev.ferry.FerryException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The PostgreSQL driver Ferry suggests in place of the app's SQLite driver, in the app's language,
 * with the package a person installs and the parameter markers its SQL is written with.
 */
public enum PgDriver {
    PSYCOPG("psycopg", "pip install \"psycopg[binary]\"", "%s", "%(name)s"),
    ASYNCPG("asyncpg", "pip install asyncpg", "$1", null),
    NODE_POSTGRES("node-postgres", "npm install pg", "$1", null),
    PGX("pgx", "go get github.com/jackc/pgx/v5", "$1", "@name"),
    LIB_PQ("lib/pq", "go get github.com/lib/pq", "$1", null),
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

    /**
     * The driver a person names ("asyncpg", "node-postgres", "pg", "jdbc", "lib/pq"; case, spaces and
     * punctuation do not count): the command line's {@code --driver} and the wizard's choice.
     *
     * @throws FerryException (usage) naming the drivers Ferry knows
     */
    public static PgDriver named(String name) {
        String n = simple(name);
        for (PgDriver d : values()) {
            if (simple(d.label).equals(n) || simple(d.name()).equals(n) || n.equals("jdbc") && d == PGJDBC
                    || n.equals("pg") && d == NODE_POSTGRES || n.equals("psycopg2") && d == PSYCOPG
                    || n.equals("pq") && d == LIB_PQ) {
                return d;
            }
        }
        throw new FerryException(FerryException.Kind.USAGE, "Ferry does not know the driver " + name + ".",
                "Use one of: " + Arrays.stream(values()).map(PgDriver::label).collect(Collectors.joining(", ")) + ".");
    }

    private static String simple(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
