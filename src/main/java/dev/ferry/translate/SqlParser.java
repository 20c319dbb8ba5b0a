package dev.ferry.translate;

import dev.ferry.sqlite.SqlLexer.Token;
import dev.ferry.sqlite.SqlLexer.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SQLite's SQL into a syntax tree ({@link SqlNode}): SELECT, INSERT, UPDATE, DELETE, CREATE VIEW
 * and CREATE TRIGGER, as sqlite.org documents them (lang_select, lang_insert, lang_upsert,
 * lang_returning, lang_update, lang_delete, lang_createview, lang_createtrigger, windowfunctions).
 * A hand-written recursive descent: one method per rule of the syntax diagrams, so a rule and its
 * error message sit side by side. Expressions are in {@link SqlExprParser}.
 */
public final class SqlParser extends SqlExprParser {

    private SqlParser(String sql) {
        super(sql);
    }

    /** One statement, with or without a closing semicolon. */
    public static SqlStatement parse(String sql) {
        SqlParser p = new SqlParser(sql);
        SqlStatement statement = p.statement(false);
        p.acceptType(Type.SEMI);
        if (!p.atEnd()) {
            throw p.expected("the end of the statement", "");
        }
        return statement;
    }

    /** Statements separated by semicolons. */
    public static List<SqlStatement> parseScript(String sql) {
        SqlParser p = new SqlParser(sql);
        List<SqlStatement> list = new ArrayList<>();
        while (!p.atEnd()) {
            if (p.acceptType(Type.SEMI)) {
                continue;
            }
            list.add(p.statement(false));
            if (!p.atEnd()) {
                p.expectType(Type.SEMI, "between statements");
            }
        }
        return List.copyOf(list);
    }

    /** One expression on its own, as a CHECK constraint, a default or an index's WHERE holds it. */
    public static SqlExpr parseExpression(String sql) {
        SqlParser p = new SqlParser(sql);
        SqlExpr e = p.expr();
        if (!p.atEnd()) {
            throw p.expected("the end of the expression", "");
        }
        return e;
    }

    /**
     * A statement. Inside a trigger's body SQLite allows less: no WITH before INSERT, UPDATE or
     * DELETE, no schema before the table's name, no alias, no INDEXED BY, no RETURNING, no ORDER BY or
     * LIMIT on UPDATE and DELETE, no DEFAULT VALUES.
     */
    private SqlStatement statement(boolean inTrigger) {
        int start = here();
        SqlClause.With with = at("WITH") ? with() : null;
        if (at("SELECT") || at("VALUES")) {
            return selectAfterWith(start, with);
        }
        if (with != null && inTrigger) {
            throw SqlParseException.at("a trigger's INSERT, UPDATE or DELETE cannot start with WITH", sql, start);
        }
        if (at("INSERT") || at("REPLACE")) {
            return insert(start, with, inTrigger);
        }
        if (at("UPDATE")) {
            return update(start, with, inTrigger);
        }
        if (at("DELETE")) {
            return delete(start, with, inTrigger);
        }
        if (with == null && !inTrigger && at("CREATE")) {
            return create(start);
        }
        throw expected(inTrigger ? "INSERT, UPDATE, DELETE or SELECT" : "SELECT, INSERT, UPDATE, DELETE or CREATE",
                inTrigger ? "in the trigger's body" : "at the start of a statement");
    }

    // ---- SELECT

    @Override
    SqlSelect select() {
        int start = here();
        SqlClause.With with = at("WITH") ? with() : null;
        return selectAfterWith(start, with);
    }

    private SqlSelect selectAfterWith(int start, SqlClause.With with) {
        SqlSelect.Body body = compound();
        List<SqlClause.Ordering> orderBy = List.of();
        if (accept("ORDER")) {
            expect("BY", "after ORDER");
            orderBy = orderings();
        }
        SqlClause.Limit limit = at("LIMIT") ? limit() : null;
        return new SqlSelect(span(start), with, body, orderBy, limit);
    }

    private SqlClause.With with() {
        int start = here();
        next();
        boolean recursive = accept("RECURSIVE");
        List<SqlClause.Cte> ctes = new ArrayList<>();
        do {
            int cteStart = here();
            SqlName name = name("of the common table expression");
            List<SqlName> columns = atType(Type.LPAREN) ? nameList("the table's columns") : List.of();
            expect("AS", "after the name of the common table expression");
            String materialized = null;
            if (accept("MATERIALIZED")) {
                materialized = "MATERIALIZED";
            } else if (at("NOT") && at(1, "MATERIALIZED")) {
                next();
                next();
                materialized = "NOT MATERIALIZED";
            }
            expectType(Type.LPAREN, "before the common table expression's SELECT");
            SqlSelect select = select();
            expectType(Type.RPAREN, "after the common table expression's SELECT");
            ctes.add(new SqlClause.Cte(span(cteStart), name, columns, materialized, select));
        } while (acceptType(Type.COMMA));
        return new SqlClause.With(span(start), recursive, List.copyOf(ctes));
    }

    private SqlSelect.Body compound() {
        int start = here();
        SqlSelect.Body left = simpleSelect();
        while (true) {
            String op;
            if (accept("UNION")) {
                op = accept("ALL") ? "UNION ALL" : "UNION";
            } else if (accept("INTERSECT")) {
                op = "INTERSECT";
            } else if (accept("EXCEPT")) {
                op = "EXCEPT";
            } else {
                return left;
            }
            SqlSelect.Body right = simpleSelect();
            left = new SqlSelect.Compound(span(start), left, op, right);
        }
    }

    private SqlSelect.Body simpleSelect() {
        int start = here();
        if (accept("VALUES")) {
            List<List<SqlExpr>> rows = new ArrayList<>();
            do {
                expectType(Type.LPAREN, "before a row of VALUES");
                rows.add(exprList());
                expectType(Type.RPAREN, "after a row of VALUES");
            } while (acceptType(Type.COMMA));
            return new SqlSelect.Values(span(start), List.copyOf(rows));
        }
        expect("SELECT", "");
        String quantifier = accept("DISTINCT") ? "DISTINCT" : accept("ALL") ? "ALL" : null;
        List<SqlClause.ResultColumn> columns = resultColumns();
        SqlFrom from = accept("FROM") ? from() : null;
        SqlExpr where = accept("WHERE") ? expr() : null;
        List<SqlExpr> groupBy = List.of();
        if (accept("GROUP")) {
            expect("BY", "after GROUP");
            groupBy = exprList();
        }
        SqlExpr having = accept("HAVING") ? expr() : null;
        List<SqlClause.NamedWindow> windows = new ArrayList<>();
        if (windowClauseAhead()) {
            next();
            do {
                int windowStart = here();
                SqlName name = name("of the window");
                expect("AS", "after the window's name");
                SqlClause.Window window = window();
                windows.add(new SqlClause.NamedWindow(span(windowStart), name, window));
            } while (acceptType(Type.COMMA));
        }
        return new SqlSelect.Core(span(start), quantifier, columns, from, where, groupBy, having, List.copyOf(windows));
    }

    /**
     * WINDOW is a keyword only as {@code WINDOW name AS}; elsewhere it is a name. SQLite's tokenizer
     * decides so by looking ahead, and takes neither FILTER nor INDEXED as the name there.
     */
    private boolean windowClauseAhead() {
        Token name = peek(1);
        return at("WINDOW") && isName(name, true, true) && !name.is("FILTER") && !name.is("INDEXED") && at(2, "AS");
    }

    private List<SqlClause.ResultColumn> resultColumns() {
        List<SqlClause.ResultColumn> columns = new ArrayList<>();
        do {
            int start = here();
            if (atOp("*")) {
                next();
                columns.add(new SqlClause.Star(span(start), null));
            } else if (isName(peek(), true, true) && atType(1, Type.DOT) && peek(2) != null && peek(2).isOp("*")) {
                SqlName table = nameOf(next());
                next();
                next();
                columns.add(new SqlClause.Star(span(start), table));
            } else {
                SqlExpr e = expr();
                SqlName alias = alias();
                columns.add(new SqlClause.Output(span(start), e, alias));
            }
        } while (acceptType(Type.COMMA));
        return List.copyOf(columns);
    }

    /** {@code AS name}, or a name without AS where SQLite takes one (not a join word, not INDEXED). */
    private SqlName alias() {
        if (accept("AS")) {
            return name("after AS");
        }
        if (isIds(peek()) && !windowClauseAhead()) {
            return nameOf(next());
        }
        return null;
    }

    private SqlClause.Limit limit() {
        int start = here();
        next();
        SqlExpr first = expr();
        if (accept("OFFSET")) {
            SqlExpr offset = expr();
            return new SqlClause.Limit(span(start), first, offset);
        }
        if (acceptType(Type.COMMA)) {
            SqlExpr count = expr();
            return new SqlClause.Limit(span(start), count, first);
        }
        return new SqlClause.Limit(span(start), first, null);
    }

    // ---- FROM

    private SqlFrom from() {
        int start = here();
        SqlFrom left = fromItem();
        if (at("ON") || at("USING")) {
            // SQLite's grammar reads them here too, then refuses them; an upsert's ON CONFLICT after
            // INSERT ... SELECT ... FROM t is read this way, which is why SQLite asks for a WHERE there
            throw SqlParseException.at("ON and USING need a JOIN before them", sql, here());
        }
        while (true) {
            String op = joinOperator();
            if (op == null) {
                return left;
            }
            SqlFrom right = fromItem();
            SqlExpr on = null;
            List<SqlName> using = List.of();
            if (accept("ON")) {
                on = expr();
            } else if (accept("USING")) {
                using = nameList("columns of USING");
            }
            left = new SqlFrom.Join(span(start), left, op, right, on, using);
        }
    }

    /** {@code ,} or {@code [NATURAL] [LEFT|RIGHT|FULL [OUTER] | INNER | CROSS] JOIN}; null when none follows. */
    private String joinOperator() {
        if (acceptType(Type.COMMA)) {
            return ",";
        }
        if (!at("JOIN") && !(atType(Type.WORD) && SqlKeywords.join(peek().text()))) {
            return null;
        }
        StringBuilder op = new StringBuilder();
        if (accept("NATURAL")) {
            op.append("NATURAL ");
        }
        if (at("LEFT") || at("RIGHT") || at("FULL")) {
            op.append(next().upper()).append(' ');
            if (accept("OUTER")) {
                op.append("OUTER ");
            }
        } else if (at("INNER") || at("CROSS")) {
            op.append(next().upper()).append(' ');
        }
        expect("JOIN", op.length() == 0 ? "" : "after " + op.toString().trim());
        return op.append("JOIN").toString();
    }

    private SqlFrom fromItem() {
        int start = here();
        if (acceptType(Type.LPAREN)) {
            if (startsSelect()) {
                SqlSelect select = select();
                expectType(Type.RPAREN, "after the subquery");
                SqlName alias = alias();
                return new SqlFrom.Subquery(span(start), select, alias);
            }
            SqlFrom inner = from();
            expectType(Type.RPAREN, "after the joined tables");
            SqlName alias = alias();
            return new SqlFrom.Parens(span(start), inner, alias);
        }
        SqlName schema = null;
        SqlName name = name("of a table");
        if (acceptType(Type.DOT)) {
            schema = name;
            name = name("of a table");
        }
        if (acceptType(Type.LPAREN)) {
            List<SqlExpr> args = atType(Type.RPAREN) ? List.of() : exprList();
            expectType(Type.RPAREN, "after the arguments of " + name.value());
            SqlName alias = alias();
            return new SqlFrom.TableFunction(span(start), schema, name, args, alias);
        }
        SqlName alias = alias();
        return indexed(start, schema, name, alias, true);
    }

    private SqlFrom.Table indexed(int start, SqlName schema, SqlName name, SqlName alias, boolean allowed) {
        SqlName indexedBy = null;
        boolean notIndexed = false;
        int clause = here();
        if (at("INDEXED") && at(1, "BY")) {
            next();
            next();
            indexedBy = name("of the index after INDEXED BY");
        } else if (at("NOT") && at(1, "INDEXED")) {
            next();
            next();
            notIndexed = true;
        }
        if (!allowed && (indexedBy != null || notIndexed)) {
            throw SqlParseException.at("INDEXED BY and NOT INDEXED are not allowed in a trigger's body", sql, clause);
        }
        return new SqlFrom.Table(span(start), schema, name, alias, indexedBy, notIndexed);
    }

    /** The table INSERT, UPDATE and DELETE write: {@code [schema.]name [AS alias]}; a plain name in triggers. */
    private SqlFrom.Table target(boolean inTrigger, boolean indexing) {
        int start = here();
        SqlName schema = null;
        SqlName name = name("of the table");
        if (atType(Type.DOT)) {
            if (inTrigger) {
                throw SqlParseException.at(
                        "a trigger's INSERT, UPDATE and DELETE cannot name the table's schema", sql, here());
            }
            next();
            schema = name;
            name = name("of the table");
        }
        SqlName alias = null;
        if (!inTrigger && accept("AS")) {
            alias = name("after AS");
        }
        if (!indexing) {
            return new SqlFrom.Table(span(start), schema, name, alias, null, false);
        }
        return indexed(start, schema, name, alias, !inTrigger);
    }

    // ---- INSERT, UPDATE, DELETE

    private SqlStatement insert(int start, SqlClause.With with, boolean inTrigger) {
        String orAction = null;
        if (accept("REPLACE")) {
            orAction = "REPLACE";
        } else {
            next();
            if (accept("OR")) {
                orAction = conflictAction();
            }
        }
        expect("INTO", "after " + (orAction == null ? "INSERT" : "INSERT OR " + orAction));
        SqlFrom.Table table = target(inTrigger, false);
        List<SqlName> columns = atType(Type.LPAREN) ? nameList("columns") : List.of();
        SqlSelect source = null;
        if (at("DEFAULT") && !inTrigger) {
            next();
            expect("VALUES", "after DEFAULT");
        } else if (startsSelect()) {
            source = select();
        } else {
            throw expected(inTrigger ? "VALUES or SELECT" : "VALUES, SELECT or DEFAULT VALUES", "after the table's name");
        }
        List<SqlClause.Upsert> upserts = new ArrayList<>();
        while (source != null && at("ON") && at(1, "CONFLICT")) {
            upserts.add(upsert());
        }
        List<SqlClause.ResultColumn> returning = returning(inTrigger);
        return new SqlStatement.Insert(span(start), with, orAction, table, columns, source, List.copyOf(upserts),
                returning);
    }

    private String conflictAction() {
        for (String action : new String[] {"REPLACE", "IGNORE", "ABORT", "FAIL", "ROLLBACK"}) {
            if (accept(action)) {
                return action;
            }
        }
        throw expected("REPLACE, IGNORE, ABORT, FAIL or ROLLBACK", "after OR");
    }

    private SqlClause.Upsert upsert() {
        int start = here();
        next();
        next();
        List<SqlClause.Ordering> target = List.of();
        SqlExpr targetWhere = null;
        if (acceptType(Type.LPAREN)) {
            target = orderings();
            expectType(Type.RPAREN, "after the conflict's columns");
            targetWhere = accept("WHERE") ? expr() : null;
        }
        expect("DO", "after ON CONFLICT");
        if (accept("NOTHING")) {
            return new SqlClause.Upsert(span(start), target, targetWhere, List.of(), null);
        }
        expect("UPDATE", "after DO");
        expect("SET", "after DO UPDATE");
        List<SqlClause.Assignment> set = assignments();
        SqlExpr where = accept("WHERE") ? expr() : null;
        return new SqlClause.Upsert(span(start), target, targetWhere, set, where);
    }

    private List<SqlClause.Assignment> assignments() {
        List<SqlClause.Assignment> set = new ArrayList<>();
        do {
            int start = here();
            List<SqlName> columns = atType(Type.LPAREN) ? nameList("columns to set") : List.of(name("of a column to set"));
            if (!atOp("=")) {
                throw expected("=", "after the column to set");
            }
            next();
            SqlExpr value = expr();
            set.add(new SqlClause.Assignment(span(start), columns, value));
        } while (acceptType(Type.COMMA));
        return List.copyOf(set);
    }

    private List<SqlClause.ResultColumn> returning(boolean inTrigger) {
        if (!at("RETURNING")) {
            return List.of();
        }
        if (inTrigger) {
            throw SqlParseException.at("RETURNING is not allowed in a trigger's body", sql, here());
        }
        next();
        return resultColumns();
    }

    private SqlStatement update(int start, SqlClause.With with, boolean inTrigger) {
        next();
        String orAction = accept("OR") ? conflictAction() : null;
        SqlFrom.Table table = target(inTrigger, true);
        expect("SET", "after the table's name");
        List<SqlClause.Assignment> set = assignments();
        SqlFrom from = accept("FROM") ? from() : null;
        SqlExpr where = accept("WHERE") ? expr() : null;
        List<SqlClause.ResultColumn> returning = returning(inTrigger);
        List<SqlClause.Ordering> orderBy = inTrigger ? List.of() : orderByOf();
        SqlClause.Limit limit = !inTrigger && at("LIMIT") ? limit() : null;
        return new SqlStatement.Update(span(start), with, orAction, table, set, from, where, returning, orderBy, limit);
    }

    private SqlStatement delete(int start, SqlClause.With with, boolean inTrigger) {
        next();
        expect("FROM", "after DELETE");
        SqlFrom.Table table = target(inTrigger, true);
        SqlExpr where = accept("WHERE") ? expr() : null;
        List<SqlClause.ResultColumn> returning = returning(inTrigger);
        List<SqlClause.Ordering> orderBy = inTrigger ? List.of() : orderByOf();
        SqlClause.Limit limit = !inTrigger && at("LIMIT") ? limit() : null;
        return new SqlStatement.Delete(span(start), with, table, where, returning, orderBy, limit);
    }

    private List<SqlClause.Ordering> orderByOf() {
        if (!accept("ORDER")) {
            return List.of();
        }
        expect("BY", "after ORDER");
        return orderings();
    }

    // ---- CREATE VIEW, CREATE TRIGGER

    private SqlStatement create(int start) {
        next();
        boolean temp = accept("TEMP") || accept("TEMPORARY");
        boolean view = accept("VIEW");
        if (!view && !accept("TRIGGER")) {
            throw expected("VIEW or TRIGGER", "after CREATE");
        }
        boolean ifNotExists = false;
        if (accept("IF")) {
            expect("NOT", "after IF");
            expect("EXISTS", "after IF NOT");
            ifNotExists = true;
        }
        SqlName schema = null;
        SqlName name = name(view ? "of the view" : "of the trigger");
        if (acceptType(Type.DOT)) {
            schema = name;
            name = name(view ? "of the view" : "of the trigger");
        }
        return view ? view(start, temp, ifNotExists, schema, name) : trigger(start, temp, ifNotExists, schema, name);
    }

    private SqlStatement view(int start, boolean temp, boolean ifNotExists, SqlName schema, SqlName name) {
        List<SqlName> columns = atType(Type.LPAREN) ? nameList("the view's columns") : List.of();
        expect("AS", "before the view's SELECT");
        SqlSelect select = select();
        return new SqlStatement.CreateView(span(start), temp, ifNotExists, schema, name, columns, select);
    }

    private SqlStatement trigger(int start, boolean temp, boolean ifNotExists, SqlName schema, SqlName name) {
        String timing = null;
        if (accept("BEFORE")) {
            timing = "BEFORE";
        } else if (accept("AFTER")) {
            timing = "AFTER";
        } else if (accept("INSTEAD")) {
            expect("OF", "after INSTEAD");
            timing = "INSTEAD OF";
        }
        String event;
        List<SqlName> ofColumns = List.of();
        if (accept("INSERT")) {
            event = "INSERT";
        } else if (accept("DELETE")) {
            event = "DELETE";
        } else if (accept("UPDATE")) {
            event = "UPDATE";
            if (accept("OF")) {
                ofColumns = new ArrayList<>();
                do {
                    ofColumns.add(name("of a column after UPDATE OF"));
                } while (acceptType(Type.COMMA));
                ofColumns = List.copyOf(ofColumns);
            }
        } else {
            throw expected("INSERT, UPDATE or DELETE", "in the trigger's event");
        }
        expect("ON", "before the trigger's table");
        SqlName tableSchema = null;
        SqlName table = name("of the trigger's table");
        if (acceptType(Type.DOT)) { // SQLite's grammar takes a full name here (and drops the schema when it loads it)
            tableSchema = table;
            table = name("of the trigger's table");
        }
        boolean forEachRow = false;
        if (accept("FOR")) {
            expect("EACH", "after FOR");
            expect("ROW", "after FOR EACH");
            forEachRow = true;
        }
        SqlExpr when = accept("WHEN") ? expr() : null;
        expect("BEGIN", "before the trigger's body");
        List<SqlStatement> body = new ArrayList<>();
        do {
            body.add(statement(true));
            expectType(Type.SEMI, "after a statement of the trigger's body");
        } while (!at("END"));
        next();
        return new SqlStatement.CreateTrigger(span(start), temp, ifNotExists, schema, name, timing, event, ofColumns,
                tableSchema, table, forEachRow, when, List.copyOf(body));
    }
}
