package dev.ferry.translate;

import dev.ferry.plan.PgType;

import dev.ferry.translate.SqlTranslator.Kind;
import dev.ferry.translate.SqlTranslator.Piece;
import dev.ferry.translate.SqlTranslator.Untranslatable;
import dev.ferry.sqlite.SqlLexer.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** SQLite's functions in PostgreSQL: the same name where it means the same, a rewrite where not, a refusal otherwise. */
final class SqlFunctions {

    /** Same name, same meaning (the math functions SQLite 3.35+ has are PostgreSQL's too). */
    private static final Set<String> SAME = Set.of("coalesce", "nullif", "abs", "replace", "ltrim", "rtrim", "sign",
            "sqrt", "exp", "ln", "log", "floor", "ceil", "ceiling", "pi", "power", "mod", "degrees", "radians", "sin", "cos",
            "tan", "asin", "acos", "atan", "atan2", "concat", "concat_ws", "octet_length", "row_number", "rank",
            "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value", "last_value", "nth_value");

    private SqlFunctions() {
    }

    static Piece call(SqlTranslator tr, String name, int open) {
        String n = name.toLowerCase(Locale.ROOT);
        List<int[]> args = new ArrayList<>(tr.args(open));
        boolean distinct = !args.isEmpty() && tr.toks.get(args.get(0)[0]).is("DISTINCT");
        if (distinct) {
            args.set(0, new int[] {args.get(0)[0] + 1, args.get(0)[1]});
        }
        String d = distinct ? "DISTINCT " : "";
        if (n.equals("cast")) {
            return cast(tr, open);
        }
        if (SqlDates.handles(n)) {
            return SqlDates.call(tr, n, args);
        }
        if (SAME.contains(n)) {
            return expr(n + "(" + d + String.join(", ", sql(tr, args)) + ")");
        }
        return switch (n) {
            case "ifnull" -> expr("coalesce(" + String.join(", ", sql(tr, count(args, 2, n))) + ")");
            case "lower", "upper" -> expr(n + "(" + text(tr, count(args, 1, n).get(0)) + ")");
            case "length" -> expr("length(" + text(tr, count(args, 1, n).get(0)) + ")");
            case "trim" -> args.size() == 1 ? expr("trim(" + text(tr, args.get(0)) + ")")
                    : expr("btrim(" + text(tr, count(args, 2, n).get(0)) + ", " + arg(tr, args.get(1)).sql() + ")");
            case "instr" -> expr("strpos(" + text(tr, count(args, 2, n).get(0)) + ", " + text(tr, args.get(1)) + ")");
            case "substr", "substring" -> substr(tr, args);
            case "count" -> expr("count(" + d + (args.isEmpty() ? "*" : String.join(", ", sql(tr, args))) + ")");
            case "sum", "avg" -> expr(n + "(" + d + number(tr, count(args, 1, n).get(0)) + ")");
            case "total" -> expr("coalesce(sum(" + d + number(tr, count(args, 1, n).get(0)) + "), 0)::double precision");
            case "max", "min" -> args.size() == 1 ? expr(n + "(" + d + arg(tr, args.get(0)).sql() + ")") : extreme(tr, n, args);
            case "group_concat", "string_agg" -> {
                if (args.isEmpty() || args.size() > 2) {
                    throw new Untranslatable(n + "() takes one or two arguments");
                }
                String sep = args.size() == 2 ? arg(tr, args.get(1)).sql() : "','";
                yield expr("string_agg(" + d + "(" + arg(tr, args.get(0)).sql() + ")::text, " + sep + ")");
            }
            case "iif", "if" -> iif(tr, args);
            case "char" -> expr(String.join(" || ", sql(tr, args).stream().map(a -> "chr(" + a + ")").toList()));
            case "unicode" -> expr("ascii(" + text(tr, count(args, 1, n).get(0)) + ")");
            case "likely", "unlikely" -> arg(tr, count(args, 1, n).get(0));
            case "likelihood" -> arg(tr, count(args, 2, n).get(0));
            case "hex" -> hex(tr, count(args, 1, n).get(0));
            case "round" -> args.size() == 1 ? expr("round(" + arg(tr, args.get(0)).sql() + ")")
                    : expr("round((" + arg(tr, count(args, 2, n).get(0)).sql() + ")::numeric, " + arg(tr, args.get(1)).sql()
                    + ")::double precision");
            case "log10" -> expr("log(" + arg(tr, count(args, 1, n).get(0)).sql() + ")");
            case "log2" -> expr("log(2, " + arg(tr, count(args, 1, n).get(0)).sql() + ")");
            case "typeof" -> throw new Untranslatable("typeof() tells SQLite's storage class of a value; in PostgreSQL "
                    + "a column has one type, so there is nothing to ask");
            case "random", "randomblob" -> throw new Untranslatable(n + "() gives other kinds of values in PostgreSQL");
            case "printf", "format" -> throw new Untranslatable(n + "() formats differently in PostgreSQL");
            case "changes", "total_changes", "last_insert_rowid", "sqlite_version" -> throw new Untranslatable(n
                    + "() asks SQLite about itself; PostgreSQL has no such function");
            default -> throw new Untranslatable(n.startsWith("json") ? "the JSON function " + n + "() works differently "
                    + "in PostgreSQL" : "the function " + name + "() has no PostgreSQL translation Ferry knows");
        };
    }

    static Piece expr(String sql) {
        return Piece.of(sql, Kind.EXPR);
    }

    private static List<int[]> count(List<int[]> args, int n, String name) {
        if (args.size() != n) {
            throw new Untranslatable(name + "() with " + args.size() + " arguments");
        }
        return args;
    }

    static Piece arg(SqlTranslator tr, int[] a) {
        if (a[1] <= a[0]) {
            throw new Untranslatable("an empty argument");
        }
        return tr.expr(a[0], a[1]);
    }

    private static List<String> sql(SqlTranslator tr, List<int[]> args) {
        return args.stream().map(a -> a[1] == a[0] + 1 && tr.toks.get(a[0]).isOp("*") ? "*" : arg(tr, a).sql()).toList();
    }

    /** An argument SQLite would read as text: a column of another type is cast. */
    private static String text(SqlTranslator tr, int[] a) {
        return SqlTranslator.text(arg(tr, a)).sql();
    }

    /** An argument summed: a column that became boolean counts as 0 or 1, as in SQLite. */
    private static String number(SqlTranslator tr, int[] a) {
        Piece p = arg(tr, a);
        return p.column() != null && p.column().type().kind() == PgType.Kind.BOOLEAN ? p.sql() + "::int" : p.sql();
    }

    /** SQLite's max(a, b, ...) is NULL when any argument is; greatest() would skip the NULL. */
    private static Piece extreme(SqlTranslator tr, String n, List<int[]> args) {
        List<String> a = sql(tr, args);
        return expr("CASE WHEN " + String.join(" OR ", a.stream().map(x -> "(" + x + ") IS NULL").toList())
                + " THEN NULL ELSE " + (n.equals("max") ? "greatest(" : "least(") + String.join(", ", a) + ") END");
    }

    private static Piece iif(SqlTranslator tr, List<int[]> args) {
        if (args.size() != 2 && args.size() != 3) {
            throw new Untranslatable("iif() with " + args.size() + " arguments");
        }
        return expr("CASE WHEN " + SqlTranslator.condition(arg(tr, args.get(0))).sql() + " THEN " + arg(tr, args.get(1)).sql()
                + (args.size() == 3 ? " ELSE " + arg(tr, args.get(2)).sql() : "") + " END");
    }

    /**
     * substr(x, start[, length]). A negative start counts from the end in SQLite; from a literal
     * it is rewritten against length(x), from any other expression the same happens in a CASE.
     * A negative length (characters before start) has no PostgreSQL equivalent and is refused.
     */
    private static Piece substr(SqlTranslator tr, List<int[]> args) {
        if (args.size() != 2 && args.size() != 3) {
            throw new Untranslatable("substr() with " + args.size() + " arguments");
        }
        String x = text(tr, args.get(0));
        Piece start = arg(tr, args.get(1));
        String len = "";
        if (args.size() == 3) {
            Piece l = arg(tr, args.get(2));
            if (negative(tr, args.get(2))) {
                throw new Untranslatable("substr() with a negative length (the characters before the start) has no "
                        + "PostgreSQL equivalent");
            }
            len = ", " + l.sql();
        }
        String s;
        if (start.kind() == Kind.NUMBER) {
            s = start.sql();
        } else if (negative(tr, args.get(1))) {
            s = "length(" + x + ") + 1 " + start.sql();
        } else {
            s = "CASE WHEN (" + start.sql() + ") < 0 THEN length(" + x + ") + 1 + (" + start.sql() + ") ELSE "
                    + start.sql() + " END";
        }
        return expr("substr(" + x + ", " + s + len + ")");
    }

    private static boolean negative(SqlTranslator tr, int[] a) {
        return a[1] - a[0] == 2 && tr.toks.get(a[0]).isOp("-") && tr.toks.get(a[0] + 1).type() == Type.NUMBER;
    }

    private static Piece hex(SqlTranslator tr, int[] a) {
        Piece p = arg(tr, a);
        PgType.Kind k = p.column() == null ? null : p.column().type().kind();
        if (k == PgType.Kind.BYTEA) {
            return expr("upper(encode(" + p.sql() + ", 'hex'))");
        }
        if (k == PgType.Kind.TEXT || k == PgType.Kind.VARCHAR || p.kind() == Kind.STRING) {
            return expr("upper(encode(convert_to(" + p.sql() + ", 'UTF8'), 'hex'))");
        }
        throw new Untranslatable("hex() of a value that is neither text nor a blob");
    }

    /** CAST(x AS type), the type named by SQLite's affinity rules. */
    private static Piece cast(SqlTranslator tr, int open) {
        int close = tr.close(open), as = -1;
        for (int i = open + 1; i < close; i++) {
            if (tr.toks.get(i).type() == Type.LPAREN) {
                i = tr.close(i);
            } else if (tr.toks.get(i).is("AS")) {
                as = i;
            }
        }
        if (as < 0) {
            throw new Untranslatable("CAST without AS");
        }
        StringBuilder type = new StringBuilder();
        for (int i = as + 1; i < close; i++) {
            type.append(tr.toks.get(i).type() == Type.WORD && type.length() > 0
                    && tr.toks.get(i - 1).type() == Type.WORD ? " " : "").append(tr.toks.get(i).text());
        }
        Piece x = arg(tr, new int[] {open + 1, as});
        String pg = castType(type.toString());
        if (pg.equals("bigint") && x.column() != null && x.column().type().kind() == PgType.Kind.BOOLEAN) {
            return expr("CAST(" + x.sql() + " AS integer)::bigint");
        }
        return expr("CAST(" + x.sql() + " AS " + pg + ")");
    }

    static String castType(String sqliteType) {
        String t = sqliteType.toUpperCase(Locale.ROOT).trim();
        if (t.contains("INT")) {
            return "bigint";
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return "text";
        }
        if (t.contains("BLOB") || t.isEmpty()) {
            return "bytea";
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return "double precision";
        }
        if (t.matches("(NUMERIC|DECIMAL)\\s*\\(\\s*\\d+\\s*(,\\s*\\d+\\s*)?\\)")) {
            return t.replaceAll("\\s+", "").toLowerCase(Locale.ROOT).replace("decimal", "numeric");
        }
        if (t.startsWith("NUMERIC") || t.startsWith("DECIMAL")) {
            return "numeric";
        }
        throw new Untranslatable("CAST(... AS " + sqliteType + ") gives a number in SQLite (its NUMERIC affinity) and "
                + "something else in PostgreSQL");
    }

    /** A GLOB pattern as an anchored POSIX regular expression (GLOB is case-sensitive, like ~). */
    static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder("^");
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                case '[' -> {
                    int j = i + 1;
                    if (j < glob.length() && glob.charAt(j) == '^') {
                        j++;
                    }
                    if (j < glob.length() && glob.charAt(j) == ']') {
                        j++;
                    }
                    int end = glob.indexOf(']', j);
                    if (end < 0) {
                        throw new Untranslatable("a GLOB pattern with an unclosed [");
                    }
                    sb.append('[').append(glob.substring(i + 1, end).replace("\\", "\\\\")).append(']');
                    i = end;
                }
                default -> {
                    if ("\\.+()|{}$^".indexOf(c) >= 0) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            }
        }
        return sb.append('$').toString();
    }
}
