package dev.ferry.plan;

import java.util.List;

/**
 * A column of a table that already exists in PostgreSQL (made by the app's own migrations), as a
 * data-only run must fill it: the target's type rules, not the one Ferry would have chosen.
 *
 * @param typeSql  the type as PostgreSQL prints it (format_type), usable in a cast
 * @param base     the underlying type's name in pg_type (int4, varchar, bpchar, timestamptz, ...);
 *                 a domain's base type
 * @param labels   an enum's labels in order (pg_enum), else empty
 * @param length   varchar(n) and char(n)'s n, else -1
 * @param precision numeric(p,s)'s p, else -1
 * @param counted  the column's values come from a sequence (serial or identity)
 */
public record TargetColumn(String name, String typeSql, String base, List<String> labels, int length, int precision,
                           int scale, boolean notNull, String defaultSql, boolean counted, boolean generated,
                           boolean array) {

    public TargetColumn {
        labels = List.copyOf(labels == null ? List.of() : labels);
    }

    public boolean isEnum() {
        return !labels.isEmpty();
    }
}
