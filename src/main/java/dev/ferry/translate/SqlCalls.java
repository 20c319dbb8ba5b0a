package dev.ferry.translate;

import dev.ferry.plan.PgType;
import dev.ferry.postgres.Naming;
import dev.ferry.translate.SqlRewriter.Env;
import dev.ferry.translate.SqlTranslator.Untranslatable;
import dev.ferry.translate.SqlTyped.Lit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SQLite's functions in PostgreSQL, on typed, already translated arguments: the same name where it
 * means the same, a rewrite where not, a refusal otherwise.
 */
final class SqlCalls {

    /** Same name, same meaning (the math functions SQLite 3.35+ has are PostgreSQL's too), and the result's type. */
    private static final Map<String, PgType.Kind> SAME = Map.ofEntries(Map.entry("nullif", PgType.Kind.TEXT),
            Map.entry("abs", PgType.Kind.DOUBLE), Map.entry("replace", PgType.Kind.TEXT), Map.entry("sign", PgType.Kind.DOUBLE),
            Map.entry("sqrt", PgType.Kind.DOUBLE), Map.entry("exp", PgType.Kind.DOUBLE), Map.entry("ln", PgType.Kind.DOUBLE),
            Map.entry("log", PgType.Kind.DOUBLE), Map.entry("floor", PgType.Kind.DOUBLE), Map.entry("ceil", PgType.Kind.DOUBLE),
            Map.entry("ceiling", PgType.Kind.DOUBLE), Map.entry("pi", PgType.Kind.DOUBLE), Map.entry("power", PgType.Kind.DOUBLE),
            Map.entry("pow", PgType.Kind.DOUBLE), Map.entry("degrees", PgType.Kind.DOUBLE),
            Map.entry("radians", PgType.Kind.DOUBLE), Map.entry("sin", PgType.Kind.DOUBLE), Map.entry("cos", PgType.Kind.DOUBLE),
            Map.entry("tan", PgType.Kind.DOUBLE), Map.entry("asin", PgType.Kind.DOUBLE), Map.entry("acos", PgType.Kind.DOUBLE),
            Map.entry("atan", PgType.Kind.DOUBLE), Map.entry("atan2", PgType.Kind.DOUBLE), Map.entry("concat", PgType.Kind.TEXT),
            Map.entry("concat_ws", PgType.Kind.TEXT), Map.entry("octet_length", PgType.Kind.BIGINT),
            Map.entry("row_number", PgType.Kind.BIGINT), Map.entry("rank", PgType.Kind.BIGINT),
            Map.entry("dense_rank", PgType.Kind.BIGINT), Map.entry("percent_rank", PgType.Kind.DOUBLE),
            Map.entry("cume_dist", PgType.Kind.DOUBLE), Map.entry("ntile", PgType.Kind.BIGINT));
    /** Window functions whose result is their argument's. */
    private static final Set<String> PASS = Set.of("lag", "lead", "first_value", "last_value", "nth_value", "mod");

    /** Where FILTER and OVER go in a translation that casts the aggregate's result. */
    private static final String MARK = "\u0001";

    private SqlCalls() {
    }

    static SqlTyped call(SqlRewriter rw, SqlExpr.Function f, Env env) {
        String n = f.name().value().toLowerCase(Locale.ROOT);
        List<SqlTyped> args = new ArrayList<>();
        for (SqlExpr a : f.args()) {
            args.add(rw.expr(a, env));
        }
        SqlTyped out = plain(rw, n, f, args, env);
        String suffix = "";
        if (f.filter() != null) {
            suffix += " FILTER (WHERE " + SqlOperators.truth(rw.expr(f.filter(), env)).sql() + ")";
        }
        if (f.over() != null) {
            suffix += " OVER " + (f.over().name() != null ? Naming.quote(rw.scope.name(f.over().name().value()))
                    : "(" + rw.window(f.over().spec(), env) + ")");
        }
        // FILTER and OVER belong right after the call, before a cast the translation puts around its result
        String sql = out.sql().contains(MARK) ? out.sql().replace(MARK, suffix) : out.sql() + suffix;
        return suffix.isEmpty() && !out.sql().contains(MARK) ? out : out.sql(sql, out.prec());
    }

    private static SqlTyped plain(SqlRewriter rw, String n, SqlExpr.Function f, List<SqlTyped> args, Env env) {
        String d = f.distinct() ? "DISTINCT " : "";
        String order = f.orderBy().isEmpty() ? "" : " ORDER BY " + rw.orderings(f.orderBy(), env);
        if (!order.isEmpty() && !n.equals("group_concat") && !n.equals("string_agg")) {
            throw new Untranslatable("ORDER BY inside " + n + "()");
        }
        if (SqlTimes.handles(n)) {
            return SqlTimes.call(rw, n, args);
        }
        if (SAME.containsKey(n)) {
            PgType.Kind type = n.equals("nullif") || n.equals("abs") ? args.isEmpty() ? null : args.get(0).type() : SAME.get(n);
            return SqlTyped.atom(n + "(" + d + join(args) + ")", type);
        }
        if (PASS.contains(n)) {
            return SqlTyped.atom(n + "(" + d + join(args) + ")", args.isEmpty() ? null : args.get(0).type());
        }
        return switch (n) {
            case "coalesce", "ifnull" -> {
                if (n.equals("ifnull")) {
                    count(args, 2, n);
                }
                yield SqlTyped.atom("coalesce(" + join(args) + ")", SqlOperators.unify(args))
                        .notNull(args.stream().anyMatch(SqlTyped::notNull));
            }
            case "lower", "upper" -> SqlTyped.atom(n + "(" + SqlOperators.text(one(args, n)).sql() + ")", PgType.Kind.TEXT);
            case "length" -> {
                SqlTyped x = one(args, n);
                yield SqlTyped.atom(x.type() == PgType.Kind.BYTEA ? "octet_length(" + x.sql() + ")"
                        : "length(" + SqlOperators.text(x).sql() + ")", PgType.Kind.BIGINT);
            }
            case "trim", "ltrim", "rtrim" -> {
                if (args.size() == 1) {
                    yield SqlTyped.atom(n + "(" + SqlOperators.text(args.get(0)).sql() + ")", PgType.Kind.TEXT);
                }
                count(args, 2, n);
                yield SqlTyped.atom((n.equals("trim") ? "btrim" : n) + "(" + SqlOperators.text(args.get(0)).sql() + ", "
                        + args.get(1).sql() + ")", PgType.Kind.TEXT);
            }
            case "instr" -> SqlTyped.atom("strpos(" + SqlOperators.text(count(args, 2, n).get(0)).sql() + ", "
                    + SqlOperators.text(args.get(1)).sql() + ")", PgType.Kind.BIGINT);
            case "substr", "substring" -> substr(args);
            case "count" -> SqlTyped.atom("count(" + d + (f.star() || args.isEmpty() ? "*" : join(args)) + ")",
                    PgType.Kind.BIGINT).notNull(f.over() == null);
            case "sum" -> {
                SqlTyped x = SqlOperators.number(one(args, n));
                // PostgreSQL sums integers into numeric, SQLite into an integer (the type decides later division)
                yield x.isInteger() ? SqlTyped.atom("sum(" + d + x.sql() + ")" + MARK + "::bigint", PgType.Kind.BIGINT)
                        : SqlTyped.atom("sum(" + d + x.sql() + ")", x.type());
            }
            case "avg" -> SqlTyped.atom("avg(" + d + SqlOperators.number(one(args, n)).sql() + ")" + MARK + "::double precision",
                    PgType.Kind.DOUBLE);
            case "total" -> SqlTyped.atom("coalesce(sum(" + d + SqlOperators.number(one(args, n)).sql()
                    + ")" + MARK + ", 0)::double precision", PgType.Kind.DOUBLE).notNull(true);
            case "like", "glob" -> {
                if (args.size() != 2) {
                    throw new Untranslatable(n + "() with " + args.size() + " arguments");
                }
                // like(pattern, x) is x LIKE pattern, the function SQLite's operator calls
                yield SqlOperators.like(rw, new SqlExpr.Like(f.span(), f.args().get(1), false, n.toUpperCase(Locale.ROOT),
                        f.args().get(0), null), env);
            }
            case "max", "min" -> {
                if (args.size() != 1) {
                    yield extreme(n, args);
                }
                // PostgreSQL has no max(boolean); SQLite's values are 0 and 1
                SqlTyped x = args.get(0).isBoolean() ? SqlOperators.number(args.get(0)) : args.get(0);
                yield SqlTyped.atom(n + "(" + d + x.sql() + ")", x.type());
            }
            case "group_concat", "string_agg" -> {
                if (args.isEmpty() || args.size() > 2) {
                    throw new Untranslatable(n + "() takes one or two arguments");
                }
                String sep = args.size() == 2 ? args.get(1).sql() : "','";
                yield SqlTyped.atom("string_agg(" + d + "(" + SqlOperators.text(args.get(0)).sql() + ")::text, " + sep + order
                        + ")", PgType.Kind.TEXT);
            }
            case "iif", "if" -> {
                if (args.size() != 2 && args.size() != 3) {
                    throw new Untranslatable(n + "() with " + args.size() + " arguments");
                }
                yield SqlTyped.atom("CASE WHEN " + SqlOperators.truth(args.get(0)).sql() + " THEN " + args.get(1).sql()
                        + (args.size() == 3 ? " ELSE " + args.get(2).sql() : "") + " END", SqlOperators.unify(args.subList(1,
                        args.size())));
            }
            case "char" -> SqlTyped.of(String.join(" || ", args.stream().map(a -> "chr(" + a.sql() + ")").toList()),
                    SqlTyped.OTHER, PgType.Kind.TEXT);
            case "unicode" -> SqlTyped.atom("ascii(" + SqlOperators.text(one(args, n)).sql() + ")", PgType.Kind.BIGINT);
            case "likely", "unlikely" -> one(args, n);
            case "likelihood" -> count(args, 2, n).get(0);
            case "hex" -> hex(one(args, n));
            case "round" -> args.size() == 1 ? SqlTyped.atom("round(" + args.get(0).sql() + ")", PgType.Kind.DOUBLE)
                    : SqlTyped.atom("round((" + count(args, 2, n).get(0).sql() + ")::numeric, " + args.get(1).sql()
                    + ")::double precision", PgType.Kind.DOUBLE);
            case "log10" -> SqlTyped.atom("log(" + one(args, n).sql() + ")", PgType.Kind.DOUBLE);
            case "log2" -> SqlTyped.atom("log(2, " + one(args, n).sql() + ")", PgType.Kind.DOUBLE);
            case "typeof" -> typeOf(one(args, n));
            case "printf", "format" -> SqlPrintf.format(n, args);
            case "json_extract" -> SqlJson.extract(args);
            case "random", "randomblob" -> throw new Untranslatable(n + "() gives other kinds of values in PostgreSQL");
            case "changes", "total_changes", "last_insert_rowid", "sqlite_version" -> throw new Untranslatable(n
                    + "() asks SQLite about itself; PostgreSQL has no such function");
            default -> throw new Untranslatable(n.startsWith("json") ? "the JSON function " + n + "() works differently "
                    + "in PostgreSQL" : "the function " + f.name().value() + "() has no PostgreSQL translation Ferry knows");
        };
    }

    private static String join(List<SqlTyped> args) {
        return String.join(", ", args.stream().map(SqlTyped::sql).toList());
    }

    private static List<SqlTyped> count(List<SqlTyped> args, int n, String name) {
        if (args.size() != n) {
            throw new Untranslatable(name + "() with " + args.size() + " arguments");
        }
        return args;
    }

    private static SqlTyped one(List<SqlTyped> args, String name) {
        return count(args, 1, name).get(0);
    }

    /** SQLite's max(a, b, ...) is NULL when any argument is; greatest() would skip the NULL. */
    private static SqlTyped extreme(String n, List<SqlTyped> args) {
        List<String> a = args.stream().map(SqlTyped::sql).toList();
        return SqlTyped.atom("CASE WHEN " + String.join(" OR ", a.stream().map(x -> "(" + x + ") IS NULL").toList())
                + " THEN NULL ELSE " + (n.equals("max") ? "greatest(" : "least(") + String.join(", ", a) + ") END",
                SqlOperators.unify(args));
    }

    /**
     * substr(x, start[, length]). A negative start counts from the end in SQLite; from a literal
     * it is rewritten against length(x), from any other expression the same happens in a CASE.
     * A negative length (characters before start) has no PostgreSQL equivalent and is refused.
     */
    private static SqlTyped substr(List<SqlTyped> args) {
        if (args.size() != 2 && args.size() != 3) {
            throw new Untranslatable("substr() with " + args.size() + " arguments");
        }
        String x = SqlOperators.text(args.get(0)).sql();
        SqlTyped start = args.get(1);
        String len = "";
        if (args.size() == 3) {
            SqlTyped l = args.get(2);
            if (l.lit() == Lit.NUMBER && l.raw().startsWith("-")) {
                throw new Untranslatable("substr() with a negative length (the characters before the start) has no "
                        + "PostgreSQL equivalent");
            }
            len = ", " + l.sql();
        }
        String s;
        if (start.lit() == Lit.NUMBER && start.raw().startsWith("-")) {
            s = "length(" + x + ") + 1 - " + start.raw().substring(1);
        } else if (start.lit() == Lit.NUMBER) {
            s = start.sql();
        } else {
            s = "CASE WHEN (" + start.sql() + ") < 0 THEN length(" + x + ") + 1 + (" + start.sql() + ") ELSE "
                    + start.sql() + " END";
        }
        return SqlTyped.atom("substr(" + x + ", " + s + len + ")", PgType.Kind.TEXT);
    }

    private static SqlTyped hex(SqlTyped p) {
        if (p.type() == PgType.Kind.BYTEA) {
            return SqlTyped.atom("upper(encode(" + p.sql() + ", 'hex'))", PgType.Kind.TEXT);
        }
        if (p.isText() || p.lit() == Lit.STRING) {
            return SqlTyped.atom("upper(encode(convert_to(" + p.sql() + ", 'UTF8'), 'hex'))", PgType.Kind.TEXT);
        }
        throw new Untranslatable("hex() of a value that is neither text nor a blob");
    }

    /**
     * typeof(x): SQLite's storage class. Known for a literal; for a column see SqlTypeof; for anything
     * else it depends on the value SQLite made, which PostgreSQL's one type no longer tells.
     */
    private static SqlTyped typeOf(SqlTyped x) {
        String cls = switch (x.lit()) {
            case NUMBER -> x.isInteger() ? "integer" : "real";
            case STRING -> "text";
            case NULL -> "null";
            case BOOL -> "integer";
            default -> null;
        };
        if (cls == null) {
            return SqlTypeof.of(x); // a column: its type, affinity and scan tell the class
        }
        return SqlRewriter.literalString(cls);
    }
}
