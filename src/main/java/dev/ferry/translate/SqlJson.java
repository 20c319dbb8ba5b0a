package dev.ferry.translate;

import dev.ferry.plan.PgType;
import dev.ferry.postgres.Naming;
import dev.ferry.translate.SqlTranslator.Untranslatable;
import dev.ferry.translate.SqlTyped.Lit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite's JSON paths on PostgreSQL's jsonb: {@code json_extract(x, '$.a.b')} and {@code x ->> '$.a.b'}
 * become {@code x #>> '{a,b}'} (a text result), {@code x -> '$.a'} becomes {@code x #> '{a}'} (JSON).
 * A text column is read {@code ::jsonb}. Paths with more than keys and array positions are refused.
 */
final class SqlJson {

    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_]*)|\\.\"([^\"]*)\"|\\[(\\d+)]");

    private SqlJson() {
    }

    static SqlTyped extract(List<SqlTyped> args) {
        if (args.size() != 2) {
            throw new Untranslatable("json_extract() with other than one path");
        }
        return value(base(args.get(0)) + " #>> " + path(args.get(1), false));
    }

    /** {@code ->} gives JSON, {@code ->>} a value; the right side is a path, a key or an array position. */
    static SqlTyped arrow(String op, SqlTyped json, SqlTyped right) {
        String p = path(right, true);
        return op.equals("->") ? SqlTyped.of(base(json) + " #> " + p, SqlTyped.OTHER, PgType.Kind.JSONB)
                : value(base(json) + " #>> " + p);
    }

    /** A JSON value as SQLite gives it: a number or text, as the JSON holds it (temporal J marks it). */
    private static SqlTyped value(String sql) {
        return new SqlTyped(sql, SqlTyped.OTHER, null, (char) 0, null, SqlTyped.Lit.NONE, null, null, 'J', false);
    }

    private static String base(SqlTyped x) {
        if (x.type() == PgType.Kind.JSONB) {
            return x.at(SqlTyped.ATOM);
        }
        if (x.isText() || x.lit() == Lit.STRING) {
            return x.at(SqlTyped.ATOM) + "::jsonb";
        }
        throw new Untranslatable("a JSON function on a value that is neither JSON nor text");
    }

    /** A SQLite JSON path as a PostgreSQL text array literal. */
    private static String path(SqlTyped p, boolean arrow) {
        if (arrow && p.lit() == Lit.NUMBER && p.raw().matches("\\d+")) {
            return "'{" + p.raw() + "}'";
        }
        if (p.lit() != Lit.STRING) {
            throw new Untranslatable("a JSON path that is not a plain string");
        }
        String s = p.raw();
        if (arrow && !s.startsWith("$")) {
            return Naming.literal("{" + element(s) + "}");
        }
        if (!s.startsWith("$")) {
            throw new Untranslatable("the JSON path " + s + " does not start with $");
        }
        List<String> steps = new ArrayList<>();
        Matcher m = STEP.matcher(s);
        int at = 1;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new Untranslatable("the JSON path " + s + " has a step Ferry cannot translate");
            }
            steps.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? element(m.group(2)) : m.group(3));
            at = m.end();
        }
        return Naming.literal("{" + String.join(",", steps) + "}");
    }

    /** A key inside a PostgreSQL array literal, quoted when it needs to be. */
    private static String element(String key) {
        return key.matches("[A-Za-z0-9_]+") ? key : "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
