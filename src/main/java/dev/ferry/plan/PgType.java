package dev.ferry.plan;

/**
 * A PostgreSQL column type as Ferry creates it: the kind decides how values are written and
 * checked, the SQL is what goes into CREATE TABLE.
 */
public record PgType(Kind kind, String sql) {

    public enum Kind {
        BIGINT, INTEGER, SMALLINT, DOUBLE, NUMERIC, BOOLEAN, TEXT, VARCHAR, BYTEA,
        TIMESTAMP, TIMESTAMPTZ, DATE, TIME, JSONB, UUID
    }

    public static PgType of(Kind kind) {
        return new PgType(kind, switch (kind) {
            case DOUBLE -> "double precision";
            case TIMESTAMPTZ -> "timestamptz";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        });
    }

    /** Parses a type the user typed as an override, e.g. "text", "numeric(12,4)", "varchar(80)". */
    public static PgType parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
        String base = t.contains("(") ? t.substring(0, t.indexOf('(')).trim() : t;
        Kind kind = switch (base) {
            case "bigint", "int8" -> Kind.BIGINT;
            case "integer", "int", "int4" -> Kind.INTEGER;
            case "smallint", "int2" -> Kind.SMALLINT;
            case "double precision", "float8", "double" -> Kind.DOUBLE;
            case "numeric", "decimal" -> Kind.NUMERIC;
            case "boolean", "bool" -> Kind.BOOLEAN;
            case "text" -> Kind.TEXT;
            case "varchar", "character varying" -> Kind.VARCHAR;
            case "bytea" -> Kind.BYTEA;
            case "timestamp", "timestamp without time zone" -> Kind.TIMESTAMP;
            case "timestamptz", "timestamp with time zone" -> Kind.TIMESTAMPTZ;
            case "date" -> Kind.DATE;
            case "time", "time without time zone" -> Kind.TIME;
            case "jsonb" -> Kind.JSONB;
            case "uuid" -> Kind.UUID;
            default -> throw new IllegalArgumentException("Ferry cannot create a column of type '" + text
                    + "'. Use one of: bigint, integer, smallint, double precision, numeric, boolean, text, "
                    + "varchar(n), bytea, timestamp, timestamptz, date, time, jsonb, uuid.");
        };
        if (!t.matches("[a-z0-9 ]+(\\(\\s*\\d+\\s*(,\\s*\\d+\\s*)?\\))?")) {
            throw new IllegalArgumentException("'" + text + "' is not a type Ferry understands.");
        }
        return new PgType(kind, t);
    }

    public boolean isInteger() {
        return kind == Kind.BIGINT || kind == Kind.INTEGER || kind == Kind.SMALLINT;
    }
}
