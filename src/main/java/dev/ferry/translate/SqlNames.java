package dev.ferry.translate;

import dev.ferry.plan.ColumnPlan;

import dev.ferry.sqlite.SqlLexer.Token;
import dev.ferry.sqlite.SqlLexer.Type;
import dev.ferry.postgres.Naming;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names one statement declares and reads, found before it is translated: the tables after
 * FROM, JOIN, INTO and UPDATE (with their PostgreSQL names), their aliases, CTE names, derived
 * tables, and an INSERT's column list. {@link SqlTranslator} resolves bare column names against
 * the tables found here.
 */
final class SqlNames {

    private static final Set<String> END_FROM = Set.of("WHERE", "GROUP", "ORDER", "HAVING", "LIMIT", "WINDOW", "UNION",
            "EXCEPT", "INTERSECT", "SELECT", "SET", "VALUES", "RETURNING");

    private final SqlScope scope;
    private final List<Token> toks;
    private final int[] match;
    /** Source names of the plan's tables and views the statement reads or writes. */
    final Set<String> used = new LinkedHashSet<>();
    /** Alias (or table name) to what it stands for; null for a derived table or a CTE. */
    final Map<String, SqlScope.Relation> aliases = new HashMap<>();
    /** Names declared by the statement itself (aliases, CTEs): they take the naming style. */
    final Set<String> aliasNames = new HashSet<>();
    /** Where a table name starts, to where it ends ([main.]t) and what it becomes. */
    final Map<Integer, Integer> relationEnd = new HashMap<>();
    final Map<Integer, String> relationOut = new HashMap<>();
    /** Tokens written out as they are given here: aliases, CTE names, an INSERT's columns. */
    final Map<Integer, ColumnPlan> insertColumns = new HashMap<>();
    final Map<Integer, String> insertOut = new HashMap<>();
    /** A derived table's closing parenthesis, to its opening one. */
    final Map<Integer, Integer> derivedClose = new HashMap<>();
    /** Whether it reads something whose columns the plan does not know (a view, a subquery, a CTE, an unknown table). */
    boolean opaque;
    /** The columns an INSERT's VALUES go into, in order (null entries: unknown). */
    List<ColumnPlan> valuesTargets;

    SqlNames(SqlScope scope, List<Token> toks, int[] match) {
        this.scope = scope;
        this.toks = toks;
        this.match = match;
    }

    /** Finds every table the statement reads or writes (FROM, JOIN, INTO, UPDATE), with aliases and CTE names. */
    void scan() {
        int n = toks.size();
        boolean[] inFrom = new boolean[n + 2];
        int depth = 0;
        Set<String> ctes = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Token t = toks.get(i);
            switch (t.type()) {
                case LPAREN -> inFrom[++depth] = false;
                case RPAREN -> {
                    inFrom[depth] = false;
                    depth = Math.max(0, depth - 1);
                    if (derivedClose.containsKey(i)) {
                        alias(i + 1, null);
                    }
                }
                case COMMA -> {
                    if (inFrom[depth]) {
                        i = fromItem(i + 1, ctes) - 1;
                    }
                }
                case SEMI -> inFrom[depth] = false;
                case WORD -> {
                    String u = t.upper();
                    if (u.equals("FROM") || u.equals("JOIN")) {
                        inFrom[depth] = true;
                        i = fromItem(i + 1, ctes) - 1;
                    } else if (END_FROM.contains(u)) {
                        inFrom[depth] = false;
                    } else if (u.equals("WITH")) {
                        cteNames(i + 1, ctes);
                    } else if (u.equals("INTO") || u.equals("UPDATE") && (i == 0 || toks.get(i - 1).type() == Type.SEMI)) {
                        i = target(i + 1, ctes) - 1;
                    } else if (u.equals("AS") && i + 1 < n && toks.get(i + 1).isName()
                            && (i + 2 >= n || toks.get(i + 2).type() != Type.LPAREN)) {
                        aliasNames.add(SqlScope.key(toks.get(i + 1).value())); // a result column's name
                    }
                }
                default -> { }
            }
        }
    }

    private void cteNames(int j, Set<String> ctes) {
        if (j < toks.size() && toks.get(j).is("RECURSIVE")) {
            j++;
        }
        while (j < toks.size() && toks.get(j).isName()) {
            ctes.add(SqlScope.key(toks.get(j).value()));
            aliasNames.add(SqlScope.key(toks.get(j).value()));
            insertOut.put(j, Naming.quote(scope.name(toks.get(j).value())));
            j++;
            if (j < toks.size() && toks.get(j).type() == Type.LPAREN) {
                j = match[j] + 1;
            }
            while (j < toks.size() && !toks.get(j).is("AS")) {
                j++;
            }
            j++;
            while (j < toks.size() && toks.get(j).type() == Type.WORD) {
                j++; // [NOT] MATERIALIZED
            }
            if (j >= toks.size() || toks.get(j).type() != Type.LPAREN) {
                return;
            }
            j = match[j] + 1;
            if (j >= toks.size() || toks.get(j).type() != Type.COMMA) {
                return;
            }
            j++;
        }
    }

    /** One item of a FROM list, starting at {@code j}; returns where the scan goes on. */
    private int fromItem(int j, Set<String> ctes) {
        if (j >= toks.size()) {
            return j;
        }
        if (toks.get(j).type() == Type.LPAREN) {
            opaque = true;
            derivedClose.put(match[j], j);
            return j + 1; // scanned inside like the rest; its alias is taken at the closing parenthesis
        }
        if (!toks.get(j).isName()) {
            return j;
        }
        int start = j;
        if (j + 2 < toks.size() && toks.get(j + 1).type() == Type.DOT) {
            j += 2; // main.t, temp.t
        }
        if (j + 1 < toks.size() && toks.get(j + 1).type() == Type.LPAREN) {
            opaque = true;
            return j + 1; // a table-valued function; PostgreSQL will say whether it has one
        }
        SqlScope.Relation rel = relationNamed(toks.get(j).value(), ctes);
        relationEnd.put(start, j);
        relationOut.put(start, Naming.quote(rel == null ? scope.name(toks.get(j).value()) : rel.target()));
        aliases.putIfAbsent(SqlScope.key(toks.get(j).value()), rel);
        return alias(j + 1, rel);
    }

    private SqlScope.Relation relationNamed(String name, Set<String> ctes) {
        if (ctes.contains(SqlScope.key(name))) {
            opaque = true;
            return null;
        }
        SqlScope.Relation rel = scope.relation(name);
        if (rel != null) {
            used.add(rel.source());
        }
        opaque |= rel == null || rel.table() == null;
        return rel;
    }

    /** An optional [AS] alias at {@code j}; returns the index after it. */
    private int alias(int j, SqlScope.Relation rel) {
        if (j < toks.size() && toks.get(j).is("AS")) {
            j++;
        }
        if (j < toks.size() && (toks.get(j).type() == Type.QUOTED
                || toks.get(j).type() == Type.WORD && !SqlTranslator.KEYWORDS.contains(toks.get(j).upper()))) {
            String key = SqlScope.key(toks.get(j).value());
            aliases.put(key, rel);
            aliasNames.add(key);
            insertOut.put(j, Naming.quote(scope.name(toks.get(j).value())));
            return j + 1;
        }
        return j;
    }

    /** The table after INTO or UPDATE, and an INSERT's column list. */
    private int target(int j, Set<String> ctes) {
        if (j < toks.size() && toks.get(j).is("OR")) {
            j += 2; // OR REPLACE / IGNORE / ...: the statement translation decides about it
        }
        int start = j;
        if (j >= toks.size() || !toks.get(j).isName()) {
            return j;
        }
        if (j + 2 < toks.size() && toks.get(j + 1).type() == Type.DOT) {
            j += 2;
        }
        SqlScope.Relation rel = relationNamed(toks.get(j).value(), ctes);
        relationEnd.put(start, j);
        relationOut.put(start, Naming.quote(rel == null ? scope.name(toks.get(j).value()) : rel.target()));
        aliases.putIfAbsent(SqlScope.key(toks.get(j).value()), rel);
        j = alias(j + 1, rel);
        if (j < toks.size() && toks.get(j).type() == Type.LPAREN && (start > 0 && toks.get(start - 1).is("INTO")
                || start > 2 && toks.get(start - 3).is("INTO"))) {
            List<ColumnPlan> targets = new ArrayList<>();
            for (int k = j + 1; k < match[j]; k++) {
                if (toks.get(k).isName()) {
                    ColumnPlan c = rel == null ? null : rel.column(toks.get(k).value());
                    if (rel != null && rel.table() != null && c == null) {
                        throw new SqlTranslator.Untranslatable("table " + rel.source() + " has no column " + toks.get(k).value());
                    }
                    insertColumns.put(k, c);
                    insertOut.put(k, Naming.quote(c == null ? scope.name(toks.get(k).value()) : c.target()));
                    targets.add(c);
                }
            }
            valuesTargets = targets;
        }
        return j;
    }

}
