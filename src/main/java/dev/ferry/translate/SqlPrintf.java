package dev.ferry.translate;

import dev.ferry.plan.PgType;
import dev.ferry.postgres.Naming;
import dev.ferry.translate.SqlTranslator.Untranslatable;
import dev.ferry.translate.SqlTyped.Lit;
import java.util.ArrayList;
import java.util.List;

/**
 * printf()/format() where PostgreSQL can say exactly the same: %s (NULL prints nothing), %d and %i of
 * whole numbers (NULL prints 0), %%. Widths, precisions and the other conversions are refused: SQLite
 * and PostgreSQL round and pad differently.
 */
final class SqlPrintf {

    private SqlPrintf() {
    }

    static SqlTyped format(String name, List<SqlTyped> args) {
        if (args.isEmpty() || args.get(0).lit() != Lit.STRING) {
            throw new Untranslatable(name + "() with a format that is not a plain string");
        }
        String f = args.get(0).raw();
        List<String> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int next = 1;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c != '%') {
                literal.append(c);
                continue;
            }
            char conv = i + 1 < f.length() ? f.charAt(++i) : ' ';
            if (conv == '%') {
                literal.append('%');
                continue;
            }
            if (next >= args.size() && (conv == 's' || conv == 'd' || conv == 'i')) {
                throw new Untranslatable(name + "() with fewer values than its format asks for");
            }
            if (literal.length() > 0) {
                parts.add(Naming.literal(literal.toString()));
                literal.setLength(0);
            }
            SqlTyped a = conv == 's' || conv == 'd' || conv == 'i' ? args.get(next++) : null;
            if (conv == 's') {
                parts.add(SqlOperators.text(a).sql());
            } else if ((conv == 'd' || conv == 'i') && (a.isInteger() || a.isBoolean())) {
                parts.add("coalesce(" + SqlOperators.number(a).sql() + ", 0)::text");
            } else {
                throw new Untranslatable(name + "() with the conversion %" + conv + ", which PostgreSQL writes "
                        + "differently or not at all");
            }
        }
        if (literal.length() > 0) {
            parts.add(Naming.literal(literal.toString()));
        }
        if (parts.isEmpty()) {
            return SqlRewriter.literalString("");
        }
        return SqlTyped.atom("concat(" + String.join(", ", parts) + ")", PgType.Kind.TEXT).notNull(true);
    }
}
