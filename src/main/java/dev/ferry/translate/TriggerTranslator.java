package dev.ferry.translate;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.Plan;

import dev.ferry.schema.Table;
import dev.ferry.schema.Trigger;
import dev.ferry.sqlite.SqlLexer;
import dev.ferry.sqlite.SqlLexer.Token;
import dev.ferry.sqlite.SqlLexer.Type;
import dev.ferry.postgres.Naming;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A SQLite trigger as a PL/pgSQL function and a trigger calling it. Two shapes are recognised: a
 * trigger that stamps the row being inserted or updated (UPDATE t SET c = ... WHERE rowid = NEW.rowid,
 * or key = NEW.key) becomes a BEFORE trigger setting NEW.c, which cannot fire itself again; anything else has its statements
 * translated one by one (INSERT, UPDATE, DELETE, SELECT RAISE(...) WHERE ..., SELECT CASE WHEN ...
 * THEN RAISE(...) END). A trigger whose statements change its own table returns at once when run
 * from another trigger, as SQLite (recursive_triggers off) does not fire it again either.
 */
public final class TriggerTranslator {

    private final Trigger trigger;
    private final SqlScope scope;
    private final List<Token> t;
    private final int[] match;
    private String timing, event;
    private SqlScope.Relation table;
    private boolean selfWrites;

    private TriggerTranslator(Trigger trigger, SqlScope scope, List<Token> tokens) {
        this.trigger = trigger;
        this.scope = scope;
        this.t = tokens;
        this.match = SqlTranslator.matchParens(tokens);
    }

    /** The plan for {@code trigger}, to be created as {@code target} calling function {@code function}. */
    public static Plan.TriggerPlan translate(Trigger trigger, SqlScope scope, String target, String function) {
        try {
            return new TriggerTranslator(trigger, scope, SqlLexer.tokens(trigger.sql())).plan(target, function);
        } catch (SqlTranslator.Untranslatable | IllegalArgumentException e) {
            return failed(trigger, target, function, e.getMessage());
        } catch (RuntimeException e) { // SQLite accepted it, so this is Ferry's shortcoming: reported, never a crash
            return failed(trigger, target, function, "Ferry could not read it (" + e + ")");
        }
    }

    private static Plan.TriggerPlan failed(Trigger trigger, String target, String function, String why) {
        return new Plan.TriggerPlan(trigger.name(), trigger.table(), trigger.sql(), target, function, null, null, null,
                null, why);
    }

    private static SqlTranslator.Untranslatable no(String why) {
        return new SqlTranslator.Untranslatable(why);
    }

    private Plan.TriggerPlan plan(String target, String function) {
        int i = 0;
        while (i < t.size() && !t.get(i).is("TRIGGER")) {
            i++;
        }
        i++;
        if (i + 2 < t.size() && t.get(i).is("IF") && t.get(i + 1).is("NOT")) {
            i += 3;
        }
        i += i + 1 < t.size() && t.get(i + 1).type() == Type.DOT ? 3 : 1;
        timing = "BEFORE";
        if (t.get(i).is("BEFORE") || t.get(i).is("AFTER")) {
            timing = t.get(i++).upper();
        } else if (t.get(i).is("INSTEAD")) {
            timing = "INSTEAD OF";
            i += 2;
        }
        event = t.get(i++).upper();
        List<String> of = new ArrayList<>();
        table = scope.relation(trigger.table());
        if (table == null) {
            throw no("it fires on " + trigger.table() + ", which is not migrated");
        }
        if (event.equals("UPDATE") && t.get(i).is("OF")) {
            for (i++; !t.get(i).is("ON"); i++) {
                if (t.get(i).isName()) {
                    ColumnPlan c = table.column(t.get(i).value());
                    of.add(Naming.quote(c == null ? scope.name(t.get(i).value()) : c.target()));
                }
            }
        }
        i += t.get(i + 2).type() == Type.DOT ? 4 : 2; // ON [main.]table
        if (i + 2 < t.size() && t.get(i).is("FOR")) {
            i += 3; // FOR EACH ROW
        }
        String when = null;
        if (t.get(i).is("WHEN")) {
            int begin = i + 1;
            while (!t.get(i).is("BEGIN")) {
                i = t.get(i).type() == Type.LPAREN ? match[i] + 1 : i + 1;
            }
            when = check(SqlTranslator.triggerCondition(t.subList(begin, i), scope, table));
        }
        List<List<Token>> statements = statements(i + 1);
        String events = event + (of.isEmpty() ? "" : " OF " + String.join(", ", of));
        String body = stamp(statements);
        if (body != null) {
            timing = "BEFORE";
        } else {
            body = general(statements);
        }
        if (timing.equals("INSTEAD OF")) {
            if (!of.isEmpty()) {
                throw no("PostgreSQL's INSTEAD OF triggers cannot name columns (UPDATE OF)");
            }
            if (when != null) { // PostgreSQL's INSTEAD OF triggers take no WHEN: the function checks it
                body = "IF NOT coalesce(" + when + ", false) THEN\n    RETURN " + returned() + ";\n  END IF;\n  " + body;
                when = null;
            }
        }
        if (body.contains("$ferry$")) {
            throw no("its text holds $ferry$, which Ferry uses to quote function bodies");
        }
        return new Plan.TriggerPlan(trigger.name(), trigger.table(), trigger.sql(), target, function, table.target(),
                timing + " " + events, when, body, null);
    }

    /** The statements between BEGIN and the last END. */
    private List<List<Token>> statements(int from) {
        int end = t.size() - 1;
        while (end > from && t.get(end).type() == Type.SEMI) {
            end--;
        }
        if (!t.get(end).is("END")) {
            throw no("Ferry could not find the end of its statements");
        }
        List<List<Token>> out = new ArrayList<>();
        int start = from;
        for (int i = from; i < end; i++) {
            if (t.get(i).type() == Type.LPAREN) {
                i = match[i];
            } else if (t.get(i).type() == Type.SEMI) {
                if (i > start) {
                    out.add(t.subList(start, i));
                }
                start = i + 1;
            }
        }
        if (end > start) {
            out.add(t.subList(start, end));
        }
        return out;
    }

    /**
     * [AFTER|BEFORE] [INSERT|UPDATE [OF ...]] ON x BEGIN UPDATE x SET c = v, ... WHERE &lt;the same row&gt;; END:
     * SQLite writes the row again; PostgreSQL sets NEW.c before the row is written, which fires no
     * trigger again (SQLite's recursive_triggers is off, so its UPDATE did not fire this one either).
     * The row's rowid identifies the row itself, so the rowid form needs no key in PostgreSQL.
     */
    private String stamp(List<List<Token>> statements) {
        boolean insert = event.equals("INSERT");
        if (timing.equals("INSTEAD OF") || !(insert || event.equals("UPDATE")) || statements.size() != 1
                || table.table() == null) {
            return null;
        }
        List<Token> s = statements.get(0);
        if (s.size() < 8 || !s.get(0).is("UPDATE") || !s.get(1).isName() || scope.relation(s.get(1).value()) != table
                || !s.get(2).is("SET")) {
            return null;
        }
        int where = -1;
        for (int i = 3; i < s.size(); i++) {
            if (s.get(i).type() == Type.LPAREN) {
                i = SqlTranslator.matchParens(s)[i];
            } else if (s.get(i).is("WHERE")) {
                where = i;
                break;
            }
        }
        if (where < 0 || !sameRow(s.subList(where + 1, s.size()), insert)) {
            return null;
        }
        if (insert && timing.equals("BEFORE")) {
            throw no("it changes nothing in SQLite: before the insert the row is not there yet, so its UPDATE finds no "
                    + "row. Recreate it by hand as a BEFORE INSERT trigger setting NEW's columns if new rows should be stamped");
        }
        StringBuilder body = new StringBuilder();
        int[] m = SqlTranslator.matchParens(s);
        int start = 3;
        List<String> assigned = new ArrayList<>();
        for (int i = 3; i <= where; i++) {
            if (i < where && s.get(i).type() == Type.LPAREN) {
                i = m[i];
            } else if (i == where || s.get(i).type() == Type.COMMA) {
                List<Token> a = s.subList(start, i);
                if (a.size() < 3 || !a.get(0).isName() || !a.get(1).isOp("=")) {
                    return null;
                }
                ColumnPlan c = table.column(a.get(0).value());
                if (c == null) {
                    throw no("table " + table.source() + " has no column " + a.get(0).value());
                }
                List<Token> value = a.subList(2, a.size());
                for (Token k : value) { // SET a = 1, b = a gives b the old a: NEW.a would already be 1
                    if (k.isName() && assigned.stream().anyMatch(x -> SqlScope.same(x, k.value()))) {
                        return null;
                    }
                }
                assigned.add(a.get(0).value());
                String v = check(SqlTranslator.assignment(value, scope, table, c));
                body.append("NEW.").append(Naming.quote(c.target())).append(" := ").append(v).append(";\n  ");
                start = i + 1;
            }
        }
        return body.append("RETURN NEW;").toString();
    }

    /**
     * Whether a WHERE picks exactly the row the trigger fires for: {@code rowid = NEW.rowid} (any of
     * rowid, _rowid_, oid, either way round), or {@code key = NEW.key} for every column of the primary
     * key or of a unique index, joined by AND. OLD names the same row in an UPDATE.
     */
    private boolean sameRow(List<Token> w, boolean insert) {
        java.util.Set<String> named = new java.util.HashSet<>();
        int start = 0;
        for (int i = 0; i <= w.size(); i++) {
            if (i == w.size() || w.get(i).is("AND")) {
                String key = equality(w.subList(start, i), insert);
                if (key == null) {
                    return false;
                }
                named.add(key);
                start = i + 1;
            } else if (w.get(i).type() == Type.LPAREN) {
                return false;
            }
        }
        Table source = table.table().source();
        if (named.contains(ROWID)) {
            return true;
        }
        if (!source.primaryKey().isEmpty() && named.containsAll(upper(source.primaryKey()))) {
            return true;
        }
        return source.indexes().stream().anyMatch(x -> x.unique() && !x.partial() && !x.hasExpressions()
                && named.containsAll(upper(x.columns())));
    }

    private static final String ROWID = "\0rowid";

    /** {@code a = NEW.a} or {@code NEW.a = a} (a qualified by the table's name or not): the key it names, else null. */
    private String equality(List<Token> e, boolean insert) {
        int op = -1;
        for (int i = 0; i < e.size(); i++) {
            if (e.get(i).isOp("=") || e.get(i).isOp("==")) {
                op = i;
                break;
            }
        }
        if (op < 0) {
            return null;
        }
        List<Token> left = e.subList(0, op), right = e.subList(op + 1, e.size());
        String row = rowColumn(left, insert), other = rowColumn(right, insert);
        String col = row == null ? column(left) : column(right);
        if ((row == null) == (other == null)) {
            return null; // NEW.a = NEW.a, or a = b: not about which row
        }
        row = row == null ? other : row;
        String a = keyName(col), b = keyName(row);
        return a != null && a.equals(b) ? a : null;
    }

    /** NEW.x (or OLD.x in an UPDATE): x; else null. */
    private static String rowColumn(List<Token> t, boolean insert) {
        return t.size() == 3 && t.get(1).type() == Type.DOT && t.get(2).isName()
                && (t.get(0).is("NEW") || !insert && t.get(0).is("OLD")) ? t.get(2).value() : null;
    }

    /** x or table.x: x; else null. */
    private String column(List<Token> t) {
        if (t.size() == 1 && t.get(0).isName()) {
            return t.get(0).value();
        }
        return t.size() == 3 && t.get(0).isName() && scope.relation(t.get(0).value()) == table && t.get(1).type() == Type.DOT
                && t.get(2).isName() ? t.get(2).value() : null;
    }

    /** A column's name in upper case, or {@link #ROWID} for the rowid under any of its names (and its alias). */
    private String keyName(String name) {
        if (name == null) {
            return null;
        }
        Table source = table.table().source();
        String up = name.toUpperCase(Locale.ROOT);
        boolean rowidWord = up.equals("ROWID") || up.equals("_ROWID_") || up.equals("OID");
        if (rowidWord && source.column(name).isEmpty()) {
            return source.withoutRowid() ? null : ROWID;
        }
        if (source.column(name).isEmpty()) {
            return null;
        }
        return name.equalsIgnoreCase(source.rowidAlias()) ? ROWID : up;
    }

    private static List<String> upper(List<String> names) {
        return names.stream().map(n -> n == null ? "" : n.toUpperCase(Locale.ROOT)).toList();
    }

    private static final java.util.regex.Pattern ASSIGNED = java.util.regex.Pattern.compile(
            "(?m)^\\s*NEW\\.(\"(?:[^\"]|\"\")+\"|[^\\s:\"]+) := ");

    /**
     * The columns a stamp trigger sets (quoted as in its body), so a proof can check they changed;
     * empty for any other trigger.
     */
    public static List<String> stamped(Plan.TriggerPlan t) {
        if (t.body() == null || !t.body().endsWith("RETURN NEW;") || t.body().contains("RAISE")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = ASSIGNED.matcher(t.body());
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private String general(List<List<Token>> statements) {
        StringBuilder body = new StringBuilder();
        for (List<Token> s : statements) {
            body.append(statement(s)).append("\n  ");
        }
        String guard = selfWrites ? "IF pg_trigger_depth() > 1 THEN\n    RETURN " + returned() + ";\n  END IF;\n  " : "";
        return guard + body + "RETURN " + returned() + ";";
    }

    private String returned() {
        return timing.equals("AFTER") ? "NULL" : event.equals("DELETE") ? "OLD" : "NEW";
    }

    private String statement(List<Token> s) {
        Token first = s.get(0);
        if (first.is("SELECT")) {
            return select(s);
        }
        if (first.is("REPLACE") || (first.is("INSERT") || first.is("UPDATE")) && s.size() > 2 && s.get(1).is("OR")) {
            String how = first.is("REPLACE") ? "REPLACE" : s.get(2).upper();
            if (how.equals("REPLACE") && !first.is("UPDATE")) { // the rewriter finds the one key that conflicts, or says why not
                return write(s) + ";";
            }
            if (how.equals("IGNORE") && first.is("INSERT")) {
                return write(withoutConflict(s)) + " ON CONFLICT DO NOTHING;";
            }
            if (!how.equals("ABORT")) {
                throw no("PostgreSQL has no " + first.upper() + " OR " + how + "; it would need to know which key conflicts");
            }
            return write(withoutConflict(s)) + ";";
        }
        if (first.is("INSERT") || first.is("UPDATE") || first.is("DELETE")) {
            return write(s) + ";";
        }
        throw no("Ferry cannot translate a " + first.upper() + " statement in a trigger");
    }

    private static List<Token> withoutConflict(List<Token> s) {
        List<Token> out = new ArrayList<>(s);
        if (out.get(0).is("REPLACE")) {
            throw no("REPLACE needs to know which key conflicts");
        }
        out.remove(1);
        out.remove(1);
        return out;
    }

    /** Where the table's name stands: after INTO (INSERT, INSERT OR ..., REPLACE) or FROM (DELETE). */
    private static int afterInto(List<Token> s) {
        for (int i = 1; i < s.size(); i++) {
            if (s.get(i).is("INTO") || s.get(i).is("FROM")) {
                return i + 1;
            }
        }
        return s.size();
    }

    private String write(List<Token> s) {
        int name = s.get(0).is("UPDATE") ? (s.size() > 2 && s.get(1).is("OR") ? 3 : 1) : afterInto(s);
        if (name < s.size() && s.get(name).isName() && scope.relation(s.get(name).value()) == table) {
            selfWrites = true;
        }
        return check(SqlTranslator.trigger(s, scope, table, false));
    }

    /** SELECT RAISE(...) [FROM ...] [WHERE c], SELECT CASE WHEN c THEN RAISE(...) ... END, or a SELECT run for its effects. */
    private String select(List<Token> s) {
        int[] m = SqlTranslator.matchParens(s);
        if (s.size() > 2 && s.get(1).is("RAISE") && s.get(2).type() == Type.LPAREN) {
            String raise = raise(s, 2, m[2]);
            List<Token> rest = s.subList(m[2] + 1, s.size());
            if (rest.isEmpty()) {
                return raise;
            }
            String cond = rest.get(0).is("WHERE")
                    ? check(SqlTranslator.triggerCondition(rest.subList(1, rest.size()), scope, table))
                    : "EXISTS (" + check(SqlTranslator.trigger(concat(List.of(s.get(0)), oneToken(s), rest), scope, table, false)) + ")";
            return "IF " + cond + " THEN\n    " + raise + "\n  END IF;";
        }
        if (s.size() > 3 && s.get(1).is("CASE") && s.get(s.size() - 1).is("END")) {
            StringBuilder out = new StringBuilder();
            int i = 2;
            while (s.get(i).is("WHEN")) {
                int then = i + 1;
                while (!s.get(then).is("THEN")) {
                    then = s.get(then).type() == Type.LPAREN ? m[then] + 1 : then + 1;
                }
                if (!s.get(then + 1).is("RAISE")) {
                    throw no("a CASE in a trigger that does something other than RAISE");
                }
                String cond = check(SqlTranslator.triggerCondition(s.subList(i + 1, then), scope, table));
                out.append(out.length() == 0 ? "IF " : "\n  ELSIF ").append(cond).append(" THEN\n    ")
                        .append(raise(s, then + 2, m[then + 2]));
                i = m[then + 2] + 1;
            }
            if (out.length() == 0 || !s.get(i).is("END")) {
                throw no("a CASE in a trigger that does something other than RAISE");
            }
            return out.append("\n  END IF;").toString();
        }
        for (Token k : s) {
            if (k.is("RAISE")) {
                throw no("RAISE() where Ferry does not expect it");
            }
        }
        return "PERFORM " + check(SqlTranslator.trigger(s.subList(1, s.size()), scope, table, false)) + ";";
    }

    private static List<Token> oneToken(List<Token> s) {
        return List.of(new Token(Type.NUMBER, "1", "1", ' ', s.get(0).start()));
    }

    @SafeVarargs
    private static List<Token> concat(List<Token>... parts) {
        List<Token> out = new ArrayList<>();
        for (List<Token> p : parts) {
            out.addAll(p);
        }
        return out;
    }

    /** RAISE(ABORT|ROLLBACK, message) and RAISE(IGNORE); FAIL keeps earlier rows' changes, which PostgreSQL cannot. */
    private String raise(List<Token> s, int open, int close) {
        String kind = s.get(open + 1).upper();
        if (kind.equals("IGNORE")) {
            if (!timing.equals("BEFORE")) {
                throw no("RAISE(IGNORE) skips the row only in a BEFORE trigger");
            }
            return "RETURN NULL;";
        }
        if (!kind.equals("ABORT") && !kind.equals("ROLLBACK")) {
            throw no("RAISE(" + kind + ") has no PostgreSQL equivalent (it keeps what earlier rows changed)");
        }
        if (s.get(open + 2).type() != Type.COMMA) {
            throw no("RAISE() without a message");
        }
        String msg = check(SqlTranslator.trigger(s.subList(open + 3, close), scope, table, false));
        return "RAISE EXCEPTION USING MESSAGE = " + msg + ";";
    }

    private static String check(SqlTranslator.Result r) {
        if (!r.ok()) {
            throw no(r.failure());
        }
        return r.sql();
    }
}
