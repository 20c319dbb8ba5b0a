package dev.ferry.translate;

import dev.ferry.sqlite.SqlLexer;
import dev.ferry.sqlite.SqlLexer.Token;
import dev.ferry.sqlite.SqlLexer.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The expression half of {@link SqlParser}: a cursor over {@link SqlLexer}'s tokens and one method
 * per precedence level of SQLite's expression grammar, loosest first (https://sqlite.org/lang_expr.html,
 * and parse.y's %left/%right lines, which the page's table follows):
 * <pre>
 *   OR
 *   AND
 *   NOT x                                   (prefix; its operand reaches down to the = level)
 *   = == != <> IS [NOT] [DISTINCT FROM] IN LIKE GLOB MATCH REGEXP BETWEEN ISNULL NOTNULL NOT NULL
 *   < <= > >=
 *   & | << >>
 *   + -
 *   * / %
 *   || -> ->>
 *   COLLATE                                 (postfix)
 *   - + ~                                   (prefix)
 * </pre>
 * LIKE's pattern and ESCAPE and BETWEEN's bounds are read at the {@code <} level, so
 * {@code a BETWEEN 1 AND 2 AND c} is {@code (a BETWEEN 1 AND 2) AND c}, as in SQLite.
 */
abstract class SqlExprParser {

    private static final Pattern INTEGER = Pattern.compile("(?i)0x[0-9a-f]+|[0-9]+");

    final String sql;
    private final List<Token> tokens;
    private int pos;

    SqlExprParser(String sql) {
        this.sql = sql;
        try {
            this.tokens = SqlLexer.tokens(sql);
        } catch (IllegalArgumentException e) {
            throw SqlParseException.at(e.getMessage(), sql, lexableUpTo(sql));
        }
        rejectWhatSqliteCannotTokenize();
    }

    /**
     * Where SqlLexer gave up, which it does not say: the longest start of the SQL it reads without
     * complaint ends where the string, name or character it refused begins. Only on this error path,
     * so trying each length from the end is cheap enough.
     */
    private static int lexableUpTo(String sql) {
        for (int k = sql.length() - 1; k > 0; k--) {
            try {
                SqlLexer.tokens(sql.substring(0, k));
                return k;
            } catch (IllegalArgumentException stillRefused) {
                // shorter
            }
        }
        return 0;
    }

    /** SELECT, as subqueries need it; the statement half provides it. */
    abstract SqlSelect select();

    // ---- the cursor

    Token peek() {
        return peek(0);
    }

    Token peek(int ahead) {
        return pos + ahead < tokens.size() ? tokens.get(pos + ahead) : null;
    }

    Token next() {
        return tokens.get(pos++);
    }

    boolean atEnd() {
        return pos >= tokens.size();
    }

    boolean at(String word) {
        return at(0, word);
    }

    boolean at(int ahead, String word) {
        Token t = peek(ahead);
        return t != null && t.is(word);
    }

    boolean atOp(String op) {
        Token t = peek();
        return t != null && t.isOp(op);
    }

    boolean atType(Type type) {
        return atType(0, type);
    }

    boolean atType(int ahead, Type type) {
        Token t = peek(ahead);
        return t != null && t.type() == type;
    }

    boolean accept(String word) {
        if (at(word)) {
            pos++;
            return true;
        }
        return false;
    }

    boolean acceptType(Type type) {
        if (atType(type)) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(String word, String context) {
        if (!accept(word)) {
            throw expected(word, context);
        }
    }

    void expectType(Type type, String context) {
        if (!acceptType(type)) {
            throw expected(switch (type) {
                case LPAREN -> "(";
                case RPAREN -> ")";
                case COMMA -> ",";
                case DOT -> ".";
                case SEMI -> ";";
                default -> type.name().toLowerCase(java.util.Locale.ROOT);
            }, context);
        }
    }

    SqlParseException expected(String what, String context) {
        return SqlParseException.at("expected " + what + (context.isEmpty() ? "" : " " + context) + ", found " + found(),
                sql, here());
    }

    private String found() {
        Token t = peek();
        if (t == null) {
            return "the end of the SQL";
        }
        return t.text().length() > 30 ? t.text().substring(0, 30) + "..." : t.text();
    }

    /** Where the current token starts (the end of the SQL when there is none). */
    int here() {
        return atEnd() ? sql.length() : peek().start();
    }

    /** From {@code start} to the end of the last token read. */
    SqlSpan span(int start) {
        return new SqlSpan(start, pos == 0 ? start : tokens.get(pos - 1).end());
    }

    /**
     * SqlLexer is lenient where SQLite's tokenizer is not; these are SQLite's "unrecognized token"
     * errors: a number run into letters ({@code 1abc}, {@code 0x}), a blob with an odd count or a
     * non-hex digit, {@code ?} followed by letters, a lone {@code :}, {@code @}, {@code $} or {@code !}.
     */
    private void rejectWhatSqliteCannotTokenize() {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token after = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            boolean bad = switch (t.type()) {
                case NUMBER -> after != null && after.start() == t.end() && after.type() == Type.WORD
                        || t.value().equalsIgnoreCase("0x") || t.text().endsWith("_");
                case BLOB -> t.value().length() % 2 != 0 || !t.value().chars().allMatch(c -> Character.digit(c, 16) >= 0);
                case PARAM -> t.text().length() == 1 ? t.text().charAt(0) != '?'
                        : t.text().charAt(0) == '?' && !t.text().substring(1).chars().allMatch(Character::isDigit);
                case OP -> t.text().equals("!");
                default -> false;
            };
            if (bad) {
                String text = t.type() == Type.NUMBER && after != null && after.start() == t.end()
                        ? t.text() + after.text() : t.text();
                throw SqlParseException.at("unrecognized token " + text, sql, t.start());
            }
        }
    }

    // ---- names

    /**
     * Whether the token may be a name here. Quoted names always; a bare word unless it is a reserved
     * keyword; a join word ({@code LEFT}, ...) only where {@code joinWords}; a 'string' only where
     * {@code strings} (SQLite takes {@code 'x'} as a name where a name is expected).
     */
    boolean isName(Token t, boolean joinWords, boolean strings) {
        if (t == null) {
            return false;
        }
        return switch (t.type()) {
            case QUOTED -> true;
            case STRING -> strings;
            case WORD -> !SqlKeywords.reserved(t.text()) && (joinWords || !SqlKeywords.join(t.text()));
            default -> false;
        };
    }

    /**
     * Whether the token may be a name where SQLite's grammar says {@code ids} (an alias without AS,
     * a type's name, a collation): no join word, and not INDEXED, which is neither ID nor a fallback.
     */
    boolean isIds(Token t) {
        return isName(t, false, true) && !t.is("INDEXED");
    }

    /** A name where SQLite's grammar says {@code nm}: a bare word, join words included, a quoted name or a string. */
    SqlName name(String context) {
        if (!isName(peek(), true, true)) {
            throw expected("a name", context);
        }
        return nameOf(next());
    }

    static SqlName nameOf(Token t) {
        SqlName.Quote quote = switch (t.type()) {
            case STRING -> SqlName.Quote.SINGLE;
            case QUOTED -> t.quote() == '[' ? SqlName.Quote.BRACKET
                    : t.quote() == '`' ? SqlName.Quote.BACKTICK : SqlName.Quote.DOUBLE;
            default -> SqlName.Quote.NONE;
        };
        return new SqlName(new SqlSpan(t.start(), t.end()), t.value(), quote);
    }

    /** {@code ( name, name, ... )}. */
    List<SqlName> nameList(String context) {
        expectType(Type.LPAREN, "before the list of " + context);
        List<SqlName> names = new ArrayList<>();
        do {
            names.add(name("in the list of " + context));
        } while (acceptType(Type.COMMA));
        expectType(Type.RPAREN, "after the list of " + context);
        return names;
    }

    // ---- expressions, loosest first

    SqlExpr expr() {
        int start = here();
        SqlExpr left = and();
        while (accept("OR")) {
            SqlExpr right = and();
            left = new SqlExpr.Binary(span(start), "OR", left, right);
        }
        return left;
    }

    private SqlExpr and() {
        int start = here();
        SqlExpr left = equality();
        while (accept("AND")) {
            SqlExpr right = equality();
            left = new SqlExpr.Binary(span(start), "AND", left, right);
        }
        return left;
    }

    private SqlExpr equality() {
        int start = here();
        SqlExpr left = comparison();
        while (true) {
            Token t = peek();
            if (t == null) {
                return left;
            }
            if (t.isOp("=") || t.isOp("==") || t.isOp("!=") || t.isOp("<>")) {
                next();
                SqlExpr right = comparison();
                left = new SqlExpr.Binary(span(start), t.text(), left, right);
            } else if (t.is("IS")) {
                next();
                StringBuilder op = new StringBuilder("IS");
                if (accept("NOT")) {
                    op.append(" NOT");
                }
                if (accept("DISTINCT")) {
                    expect("FROM", "after IS DISTINCT");
                    op.append(" DISTINCT FROM");
                }
                SqlExpr right = comparison();
                left = new SqlExpr.Binary(span(start), op.toString(), left, right);
            } else if (t.is("ISNULL") || t.is("NOTNULL")) {
                next();
                left = new SqlExpr.NullTest(span(start), left, t.upper());
            } else if (t.is("NOT") && at(1, "NULL")) {
                next();
                next();
                left = new SqlExpr.NullTest(span(start), left, "NOT NULL");
            } else if (t.is("NOT") && (at(1, "IN") || at(1, "BETWEEN") || likeOp(peek(1)))) {
                next();
                left = negatable(start, left, true);
            } else if (t.is("IN") || t.is("BETWEEN") || likeOp(t)) {
                left = negatable(start, left, false);
            } else {
                return left;
            }
        }
    }

    private static boolean likeOp(Token t) {
        return t != null && (t.is("LIKE") || t.is("GLOB") || t.is("MATCH") || t.is("REGEXP"));
    }

    /** IN, BETWEEN, LIKE and friends, after an optional NOT. */
    private SqlExpr negatable(int start, SqlExpr left, boolean not) {
        Token op = next();
        if (op.is("BETWEEN")) {
            SqlExpr low = comparison();
            expect("AND", "between the bounds of BETWEEN");
            SqlExpr high = comparison();
            return new SqlExpr.Between(span(start), left, not, low, high);
        }
        if (op.is("IN")) {
            return in(start, left, not);
        }
        SqlExpr pattern = comparison();
        SqlExpr escape = accept("ESCAPE") ? comparison() : null;
        return new SqlExpr.Like(span(start), left, not, op.upper(), pattern, escape);
    }

    private SqlExpr in(int start, SqlExpr left, boolean not) {
        if (acceptType(Type.LPAREN)) {
            if (startsSelect()) {
                SqlSelect select = select();
                expectType(Type.RPAREN, "after the SELECT of IN");
                return new SqlExpr.InSelect(span(start), left, not, select);
            }
            List<SqlExpr> items = atType(Type.RPAREN) ? List.of() : exprList();
            expectType(Type.RPAREN, "after the list of IN");
            return new SqlExpr.InList(span(start), left, not, items);
        }
        SqlName schema = null;
        SqlName table = name("after IN");
        if (acceptType(Type.DOT)) {
            schema = table;
            table = name("after the schema's name");
        }
        List<SqlExpr> args = null;
        if (acceptType(Type.LPAREN)) {
            args = atType(Type.RPAREN) ? List.of() : exprList();
            expectType(Type.RPAREN, "after the arguments of " + table.value());
        }
        return new SqlExpr.InTable(span(start), left, not, schema, table, args);
    }

    private SqlExpr comparison() {
        return binary(0);
    }

    /** The left-to-right binary levels from {@code <} down to {@code ||}. */
    private static final String[][] LEVELS = {
        {"<", "<=", ">", ">="},
        {"&", "|", "<<", ">>"},
        {"+", "-"},
        {"*", "/", "%"},
        {"||", "->", "->>"},
    };

    private SqlExpr binary(int level) {
        if (level == LEVELS.length) {
            return collate();
        }
        int start = here();
        SqlExpr left = binary(level + 1);
        while (true) {
            String op = null;
            for (String candidate : LEVELS[level]) {
                if (atOp(candidate)) {
                    op = candidate;
                }
            }
            if (op == null) {
                return left;
            }
            next();
            SqlExpr right = binary(level + 1);
            left = new SqlExpr.Binary(span(start), op, left, right);
        }
    }

    private SqlExpr collate() {
        int start = here();
        SqlExpr e = prefix();
        while (accept("COLLATE")) {
            if (!isIds(peek())) {
                throw expected("a collation's name", "after COLLATE");
            }
            SqlName collation = nameOf(next());
            e = new SqlExpr.Collate(span(start), e, collation);
        }
        return e;
    }

    private SqlExpr prefix() {
        int start = here();
        if (atOp("-") || atOp("+") || atOp("~")) {
            String op = next().text();
            SqlExpr operand = prefix();
            return new SqlExpr.Unary(span(start), op, operand);
        }
        if (accept("NOT")) {
            SqlExpr operand = equality();
            return new SqlExpr.Unary(span(start), "NOT", operand);
        }
        return primary();
    }

    private SqlExpr primary() {
        int start = here();
        Token t = peek();
        if (t == null) {
            throw expected("an expression", "");
        }
        switch (t.type()) {
            case NUMBER -> {
                next();
                boolean integer = INTEGER.matcher(t.value()).matches();
                return new SqlExpr.Literal(span(start), integer ? SqlExpr.Literal.Kind.INTEGER : SqlExpr.Literal.Kind.REAL,
                        t.text());
            }
            case STRING -> {
                if (atType(1, Type.DOT)) {
                    return columnOrCall(start);
                }
                next();
                return new SqlExpr.Literal(span(start), SqlExpr.Literal.Kind.STRING, t.text());
            }
            case BLOB -> {
                next();
                return new SqlExpr.Literal(span(start), SqlExpr.Literal.Kind.BLOB, t.text());
            }
            case PARAM -> {
                next();
                return new SqlExpr.Param(span(start), t.text());
            }
            case LPAREN -> {
                return parenthesized(start);
            }
            case QUOTED -> {
                return columnOrCall(start);
            }
            case WORD -> {
                return word(start, t);
            }
            default -> throw expected("an expression", "");
        }
    }

    private SqlExpr word(int start, Token t) {
        String w = t.upper();
        boolean call = atType(1, Type.LPAREN);
        switch (w) {
            case "NULL" -> {
                next();
                return new SqlExpr.Literal(span(start), SqlExpr.Literal.Kind.NULL, t.text());
            }
            case "CURRENT_TIME", "CURRENT_DATE", "CURRENT_TIMESTAMP" -> {
                next();
                return new SqlExpr.Literal(span(start), SqlExpr.Literal.Kind.valueOf(w), t.text());
            }
            case "CASE" -> {
                return caseExpr(start);
            }
            case "EXISTS" -> {
                next();
                expectType(Type.LPAREN, "after EXISTS");
                SqlSelect select = select();
                expectType(Type.RPAREN, "after the SELECT of EXISTS");
                return new SqlExpr.Exists(span(start), select);
            }
            default -> {
            }
        }
        // CAST and RAISE may name things elsewhere, but where an expression starts SQLite's grammar
        // can always read them as the keyword, so it never falls back to a name there
        if (w.equals("CAST") || w.equals("RAISE")) {
            if (!call) {
                next();
                throw expected("(", "after " + w);
            }
            return w.equals("CAST") ? cast(start) : raise(start);
        }
        if ((w.equals("TRUE") || w.equals("FALSE")) && !call && !atType(1, Type.DOT)) {
            next();
            return new SqlExpr.Literal(span(start), SqlExpr.Literal.Kind.valueOf(w), t.text());
        }
        if (!isName(t, true, false)) {
            throw expected("an expression", "");
        }
        return columnOrCall(start);
    }

    /** A column reference {@code [schema.][table.]column}, or a function call. */
    private SqlExpr columnOrCall(int start) {
        SqlName first = nameOf(next());
        if (atType(Type.LPAREN)) {
            return call(start, first);
        }
        if (!acceptType(Type.DOT)) {
            return new SqlExpr.Column(span(start), null, null, first);
        }
        SqlName second = name("after the dot");
        if (!acceptType(Type.DOT)) {
            return new SqlExpr.Column(span(start), null, first, second);
        }
        SqlName third = name("after the dot");
        return new SqlExpr.Column(span(start), first, second, third);
    }

    private SqlExpr call(int start, SqlName name) {
        next(); // (
        boolean distinct = false, star = false;
        List<SqlExpr> args = List.of();
        List<SqlClause.Ordering> orderBy = List.of();
        if (atOp("*")) {
            next();
            star = true;
        } else if (!atType(Type.RPAREN)) {
            distinct = accept("DISTINCT");
            if (!distinct) {
                accept("ALL");
            }
            args = exprList();
            if (accept("ORDER")) {
                expect("BY", "after ORDER");
                orderBy = orderings();
            }
        }
        expectType(Type.RPAREN, "after the arguments of " + name.value());
        SqlExpr filter = null;
        if (at("FILTER") && atType(1, Type.LPAREN)) {
            next();
            next();
            expect("WHERE", "after FILTER (");
            filter = expr();
            expectType(Type.RPAREN, "after the FILTER's condition");
        }
        SqlClause.Over over = null;
        if (at("OVER") && (atType(1, Type.LPAREN) || isName(peek(1), true, false))) {
            int overStart = here();
            next();
            if (atType(Type.LPAREN)) {
                SqlClause.Window spec = window();
                over = new SqlClause.Over(span(overStart), null, spec);
            } else {
                SqlName windowName = nameOf(next());
                over = new SqlClause.Over(span(overStart), windowName, null);
            }
        }
        return new SqlExpr.Function(span(start), name, distinct, star, args, orderBy, filter, over);
    }

    /** {@code ( [base] [PARTITION BY ...] [ORDER BY ...] [frame] )}. */
    SqlClause.Window window() {
        int start = here();
        expectType(Type.LPAREN, "before the window's definition");
        SqlName base = null;
        if (isName(peek(), false, false) && !at("PARTITION") && !at("ORDER") && !frameUnits()) {
            base = nameOf(next());
        }
        List<SqlExpr> partition = List.of();
        if (accept("PARTITION")) {
            expect("BY", "after PARTITION");
            partition = exprList();
        }
        List<SqlClause.Ordering> orderBy = List.of();
        if (accept("ORDER")) {
            expect("BY", "after ORDER");
            orderBy = orderings();
        }
        SqlClause.Frame frame = frameUnits() ? frame() : null;
        expectType(Type.RPAREN, "after the window's definition");
        return new SqlClause.Window(span(start), base, partition, orderBy, frame);
    }

    private boolean frameUnits() {
        return at("ROWS") || at("RANGE") || at("GROUPS");
    }

    private SqlClause.Frame frame() {
        int start = here();
        String units = next().upper();
        SqlClause.Bound from, to = null;
        if (accept("BETWEEN")) {
            from = bound();
            expect("AND", "between the bounds of the frame");
            to = bound();
        } else {
            from = bound();
        }
        String exclude = null;
        if (accept("EXCLUDE")) {
            if (accept("NO")) {
                expect("OTHERS", "after EXCLUDE NO");
                exclude = "NO OTHERS";
            } else if (accept("CURRENT")) {
                expect("ROW", "after EXCLUDE CURRENT");
                exclude = "CURRENT ROW";
            } else if (accept("GROUP")) {
                exclude = "GROUP";
            } else if (accept("TIES")) {
                exclude = "TIES";
            } else {
                throw expected("NO OTHERS, CURRENT ROW, GROUP or TIES", "after EXCLUDE");
            }
        }
        return new SqlClause.Frame(span(start), units, from, to, exclude);
    }

    private SqlClause.Bound bound() {
        int start = here();
        if (accept("UNBOUNDED")) {
            if (accept("PRECEDING")) {
                return new SqlClause.Bound(span(start), "UNBOUNDED PRECEDING", null);
            }
            expect("FOLLOWING", "after UNBOUNDED");
            return new SqlClause.Bound(span(start), "UNBOUNDED FOLLOWING", null);
        }
        if (at("CURRENT") && at(1, "ROW")) {
            next();
            next();
            return new SqlClause.Bound(span(start), "CURRENT ROW", null);
        }
        SqlExpr offset = expr();
        if (accept("PRECEDING")) {
            return new SqlClause.Bound(span(start), "PRECEDING", offset);
        }
        expect("FOLLOWING", "after the frame's offset");
        return new SqlClause.Bound(span(start), "FOLLOWING", offset);
    }

    private SqlExpr caseExpr(int start) {
        next();
        SqlExpr operand = at("WHEN") ? null : expr();
        List<SqlClause.When> whens = new ArrayList<>();
        while (at("WHEN")) {
            int whenStart = here();
            next();
            SqlExpr condition = expr();
            expect("THEN", "after WHEN's condition");
            SqlExpr result = expr();
            whens.add(new SqlClause.When(span(whenStart), condition, result));
        }
        if (whens.isEmpty()) {
            throw expected("WHEN", "in CASE");
        }
        SqlExpr otherwise = accept("ELSE") ? expr() : null;
        expect("END", "at the end of CASE");
        return new SqlExpr.Case(span(start), operand, List.copyOf(whens), otherwise);
    }

    private SqlExpr cast(int start) {
        next();
        next();
        SqlExpr e = expr();
        expect("AS", "in CAST");
        SqlClause.TypeName type = typeName();
        expectType(Type.RPAREN, "after CAST's type");
        return new SqlExpr.Cast(span(start), e, type);
    }

    /** A type name: words ({@code UNSIGNED BIG INT}), then up to two signed numbers in parentheses. */
    SqlClause.TypeName typeName() {
        int start = here();
        List<String> words = new ArrayList<>();
        while (isIds(peek())) {
            words.add(next().text());
        }
        if (words.isEmpty()) {
            throw expected("a type's name", "");
        }
        List<String> args = new ArrayList<>();
        if (acceptType(Type.LPAREN)) {
            do {
                String sign = atOp("-") || atOp("+") ? next().text() : "";
                if (!atType(Type.NUMBER)) {
                    throw expected("a number", "in the type's size");
                }
                args.add(sign + next().text());
            } while (args.size() < 2 && acceptType(Type.COMMA));
            expectType(Type.RPAREN, "after the type's size");
        }
        return new SqlClause.TypeName(span(start), String.join(" ", words), List.copyOf(args));
    }

    private SqlExpr raise(int start) {
        next();
        next();
        String action;
        if (accept("IGNORE")) {
            expectType(Type.RPAREN, "after RAISE(IGNORE");
            return new SqlExpr.Raise(span(start), "IGNORE", null);
        } else if (accept("ROLLBACK")) {
            action = "ROLLBACK";
        } else if (accept("ABORT")) {
            action = "ABORT";
        } else if (accept("FAIL")) {
            action = "FAIL";
        } else {
            throw expected("IGNORE, ROLLBACK, ABORT or FAIL", "after RAISE(");
        }
        expectType(Type.COMMA, "after RAISE(" + action);
        SqlExpr message = expr();
        expectType(Type.RPAREN, "after RAISE's message");
        return new SqlExpr.Raise(span(start), action, message);
    }

    /** After {@code (}: a subquery, an expression in parentheses, or a row value. */
    private SqlExpr parenthesized(int start) {
        next();
        if (startsSelect()) {
            SqlSelect select = select();
            expectType(Type.RPAREN, "after the subquery");
            return new SqlExpr.Subquery(span(start), select);
        }
        List<SqlExpr> items = exprList();
        expectType(Type.RPAREN, items.size() == 1 ? "after the expression" : "after the row value");
        return items.size() == 1 ? new SqlExpr.Paren(span(start), items.get(0))
                : new SqlExpr.RowValue(span(start), items);
    }

    boolean startsSelect() {
        return at("SELECT") || at("VALUES") || at("WITH");
    }

    List<SqlExpr> exprList() {
        List<SqlExpr> list = new ArrayList<>();
        do {
            list.add(expr());
        } while (acceptType(Type.COMMA));
        return List.copyOf(list);
    }

    /** ORDER BY terms: {@code expr [ASC|DESC] [NULLS FIRST|LAST]}, comma-separated. */
    List<SqlClause.Ordering> orderings() {
        List<SqlClause.Ordering> list = new ArrayList<>();
        do {
            int start = here();
            SqlExpr e = expr();
            String direction = accept("ASC") ? "ASC" : accept("DESC") ? "DESC" : null;
            String nulls = null;
            if (accept("NULLS")) {
                if (accept("FIRST")) {
                    nulls = "FIRST";
                } else {
                    expect("LAST", "after NULLS");
                    nulls = "LAST";
                }
            }
            list.add(new SqlClause.Ordering(span(start), e, direction, nulls));
        } while (acceptType(Type.COMMA));
        return List.copyOf(list);
    }
}
