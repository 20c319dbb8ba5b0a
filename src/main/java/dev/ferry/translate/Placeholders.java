package dev.ferry.translate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A statement's parameters in a PostgreSQL driver's style, found as the parser's {@link SqlExpr.Param}
 * nodes (never by searching the text, where a {@code ?} may sit inside a string). Positional
 * {@code ?} are numbered in order; {@code ?NNN} keep their number; a named parameter ({@code :name},
 * {@code @name}, {@code $name}) becomes the driver's named form, or the next number when the driver
 * has none (the same name, the same number).
 *
 * @param positional the first positional parameter as the driver writes it: {@code %s}, {@code $1}, {@code {0}} or {@code ?}
 * @param named      a named one with {@code name} where the name goes ({@code %(name)s}), or null
 */
public record Placeholders(String positional, String named) {

    /** PostgreSQL's own form, which PREPARE takes. */
    public static final Placeholders NUMBERED = new Placeholders("$1", null);

    /** {@code sql} (the text {@code tree} was parsed from) with every parameter in this style. */
    public String apply(String sql, SqlStatement tree) {
        List<SqlNode> marks = new ArrayList<>(SqlTreeWalk.all(tree, SqlExpr.Param.class));
        boolean percent = positional.equals("%s");
        if (percent && !marks.isEmpty()) {
            // psycopg reads every % of a statement with parameters as a marker: a literal's % is written %%
            SqlTreeWalk.all(tree, SqlExpr.Literal.class).stream()
                    .filter(l -> l.kind() == SqlExpr.Literal.Kind.STRING && l.text().contains("%")).forEach(marks::add);
        }
        marks.sort(Comparator.comparingInt(n -> n.span().start()));
        Map<String, Integer> numbers = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder();
        int at = 0;
        int next = 0;
        for (SqlNode n : marks) {
            out.append(sql, at, n.span().start());
            at = n.span().end();
            if (n instanceof SqlExpr.Literal l) {
                out.append(l.text().replace("%", "%%"));
                continue;
            }
            String p = ((SqlExpr.Param) n).text();
            if (p.equals("?")) {
                out.append(number(++next));
            } else if (p.startsWith("?")) {
                int k = Integer.parseInt(p.substring(1));
                next = Math.max(next, k);
                out.append(number(k));
            } else if (named != null) {
                out.append(named.replace("name", p.substring(1)));
            } else {
                Integer k = numbers.get(p);
                if (k == null) {
                    k = ++next;
                    numbers.put(p, k);
                }
                out.append(number(k));
            }
        }
        return out.append(sql.substring(at)).toString();
    }

    /**
     * PostgreSQL text whose parameters are numbered ($1, $2, ...) in this style; {@code names} holds
     * the SQLite parameter each number stands for ({@code ?}, {@code :name}), for the named styles.
     * Strings and quoted names are passed over; psycopg's % in a string is doubled.
     */
    public String restyle(String numbered, java.util.List<String> names) {
        if (names == null || names.isEmpty()) {
            return numbered;
        }
        boolean percent = positional.equals("%s") || named != null && named.startsWith("%");
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = numbered.length();
        while (i < n) {
            char c = numbered.charAt(i);
            if (c == '\'' || c == '"') { // a string or a quoted name, with its doubled quotes
                int j = i + 1;
                while (j < n && (numbered.charAt(j) != c || j + 1 < n && numbered.charAt(j + 1) == c)) {
                    j += numbered.charAt(j) == c ? 2 : 1;
                }
                String quoted = numbered.substring(i, Math.min(n, j + 1));
                out.append(c == '\'' && percent ? quoted.replace("%", "%%") : quoted);
                i = j + 1;
            } else if (c == '$' && i + 1 < n && Character.isDigit(numbered.charAt(i + 1))
                    && (i == 0 || !Character.isLetterOrDigit(numbered.charAt(i - 1)) && numbered.charAt(i - 1) != '_')) {
                int j = i + 1;
                while (j < n && Character.isDigit(numbered.charAt(j))) {
                    j++;
                }
                int k = Integer.parseInt(numbered.substring(i + 1, j));
                String name = k <= names.size() ? names.get(k - 1) : "?";
                out.append(named != null && !name.startsWith("?") ? named.replace("name", name.substring(1)) : number(k));
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String number(int k) {
        return switch (positional) {
            case "$1" -> "$" + k;
            case "{0}" -> "{" + (k - 1) + "}"; // Entity Framework's FromSqlRaw counts from 0
            default -> positional;
        };
    }

    /** How many parameters PostgreSQL sees in {@link #NUMBERED} form. */
    public static int count(SqlStatement tree) {
        int n = 0;
        Map<String, Boolean> names = new LinkedHashMap<>();
        for (SqlExpr.Param p : SqlTreeWalk.all(tree, SqlExpr.Param.class)) {
            if (p.text().equals("?")) {
                n++;
            } else if (p.text().startsWith("?")) {
                n = Math.max(n, Integer.parseInt(p.text().substring(1)));
            } else if (names.putIfAbsent(p.text(), true) == null) {
                n++;
            }
        }
        return n;
    }
}
