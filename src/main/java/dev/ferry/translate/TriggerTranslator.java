package dev.ferry.translate;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.Plan;

import dev.ferry.schema.Trigger;
import dev.ferry.sqlite.SqlLexer;
import dev.ferry.sqlite.SqlLexer.Token;
import dev.ferry.sqlite.SqlLexer.Type;
import dev.ferry.postgres.Naming;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A SQLite trigger as a PL/pgSQL function and a trigger calling it. Two shapes are recognised: an
 * AFTER UPDATE that stamps the updated row (UPDATE t SET c = ... WHERE key = NEW.key) becomes a
 * BEFORE UPDATE setting NEW.c, which cannot fire itself again; anything else has its statements
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
        String body = stampOnUpdate(statements, when);
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
     * AFTER UPDATE ON x BEGIN UPDATE x SET c = v, ... WHERE key = NEW.key; END: SQLite writes the
     * row again; PostgreSQL sets NEW.c before the row is written, which never fires the trigger again.
     */
    private String stampOnUpdate(List<List<Token>> statements, String when) {
        if (!timing.equals("AFTER") || !event.equals("UPDATE") || statements.size() != 1 || table.table() == null) {
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
        if (where < 0 || !keyMatch(s.subList(where + 1, s.size()))) {
            return null;
        }
        StringBuilder body = new StringBuilder();
        int[] m = SqlTranslator.matchParens(s);
        int start = 3;
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
                String v = check(SqlTranslator.assignment(a.subList(2, a.size()), scope, table, c));
                body.append("NEW.").append(Naming.quote(c.target())).append(" := ").append(v).append(";\n  ");
                start = i + 1;
            }
        }
        return body.append("RETURN NEW;").toString();
    }

    /** WHERE key = NEW.key (either way round; OLD too), the key being the table's one-column primary key or rowid. */
    private boolean keyMatch(List<Token> w) {
        if (w.size() != 5 || !(w.get(1).isOp("=") || w.get(1).isOp("=="))) {
            return false;
        }
        List<Token> col = w.get(0).isName() && w.get(2).type() != Type.DOT ? w.subList(0, 1) : w.subList(2, 5);
        List<Token> row = col.size() == 1 ? w.subList(2, 5) : w.subList(0, 3);
        if (col.size() != 1 || row.get(1).type() != Type.DOT || !(row.get(0).is("NEW") || row.get(0).is("OLD"))) {
            return false;
        }
        String key = key(col.get(0).value());
        return key != null && key.equals(key(row.get(2).value()));
    }

    private String key(String name) {
        List<String> pk = table.table().source().primaryKey();
        String up = name.toUpperCase(Locale.ROOT);
        if (pk.size() == 1 && pk.get(0).equalsIgnoreCase(name)) {
            return pk.get(0);
        }
        if ((up.equals("ROWID") || up.equals("_ROWID_") || up.equals("OID")) && table.table().source().rowidAlias() != null
                && table.column(name) == null) {
            return table.table().source().rowidAlias();
        }
        return null;
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

    private String write(List<Token> s) {
        int name = s.get(0).is("DELETE") ? 2 : s.get(0).is("INSERT") ? 2 : 1;
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
