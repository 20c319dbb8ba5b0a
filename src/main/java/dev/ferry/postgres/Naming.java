package dev.ferry.postgres;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place where SQLite names become PostgreSQL names and where PostgreSQL names are quoted.
 * Folding to lower case keeps an app's unquoted SQL working; names that would collide once folded
 * or shortened keep a distinguishing form, and names over 63 bytes get a short hash suffix.
 */
public final class Naming {

    /** How names are turned into PostgreSQL names. */
    public enum Style { LOWER, SNAKE, EXACT }

    public static final int MAX_BYTES = 63;
    private static final Pattern BARE = Pattern.compile("[a-z_][a-z0-9_$]*");
    private static final Set<String> KEYWORDS = Set.of(("all analyse analyze and any array as asc asymmetric both case "
            + "cast check collate column constraint create current_catalog current_date current_role current_time "
            + "current_timestamp current_user default deferrable desc distinct do else end except false fetch for "
            + "foreign from grant group having in initially intersect into lateral leading limit localtime "
            + "localtimestamp not null offset on only or order placing primary references returning select "
            + "session_user some symmetric system_user table then to trailing true union unique user using variadic "
            + "when where window with authorization binary collation concurrently cross current_schema freeze full "
            + "ilike inner is isnull join left like natural notnull outer overlaps right similar tablesample verbose "
            + "between bigint bit boolean char character coalesce dec decimal exists extract float greatest grouping "
            + "inout int integer interval json json_array json_arrayagg json_exists json_object json_objectagg "
            + "json_query json_scalar json_serialize json_table json_value least merge_action national nchar none "
            + "normalize nullif numeric out overlay position precision real row setof smallint substring time "
            + "timestamp treat trim values varchar xmlattributes xmlconcat xmlelement xmlexists xmlforest "
            + "xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable").split(" "));

    private final Style style;

    public Naming(Style style) {
        this.style = style;
    }

    /** Quotes a PostgreSQL identifier when it needs it (and only then, so DDL stays readable). */
    public static String quote(String name) {
        if (BARE.matcher(name).matches() && !KEYWORDS.contains(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A qualified, quoted name: schema.name. */
    public static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    /** Quotes a value as a SQL string literal. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * Names for one namespace (the tables and views of a schema, or the columns of a table),
     * avoiding {@code taken}. Returns source name to target name, in the given order.
     */
    public Map<String, String> assign(List<String> sourceNames, Set<String> taken) {
        Map<String, Integer> foldedCount = new HashMap<>();
        for (String s : sourceNames) {
            foldedCount.merge(apply(s), 1, Integer::sum);
        }
        Set<String> used = new HashSet<>(taken);
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : sourceNames) {
            String name = apply(s);
            if (foldedCount.get(name) > 1 || taken.contains(name)) {
                name = s; // folding would make two names one: keep the exact name, which SQLite kept distinct
            }
            name = fit(name, s);
            for (int attempt = 1; used.contains(name); attempt++) {
                name = fit(shorten(name, MAX_BYTES - 3) + "_" + attempt, s + "#" + attempt);
            }
            used.add(name);
            out.put(s, name);
        }
        return out;
    }

    /** The name this style gives, before collisions and length are considered. */
    public String apply(String name) {
        return switch (style) {
            case EXACT -> name;
            case LOWER -> asciiLower(name);
            case SNAKE -> snake(name);
        };
    }

    /** PostgreSQL folds unquoted names with an ASCII-only lower-casing; do exactly the same. */
    static String asciiLower(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            sb.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
        }
        return sb.toString();
    }

    static String snake(String s) {
        String spaced = s.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2");
        String cleaned = asciiLower(spaced).replaceAll("[^\\p{L}\\p{N}_$]+", "_").replaceAll("_+", "_");
        cleaned = cleaned.replaceAll("^_(?=.)|(?<=.)_$", "");
        return cleaned.isEmpty() ? "_" : cleaned;
    }

    /** Cuts a name to 63 bytes, adding a hash of the full original so different long names stay apart. */
    static String fit(String name, String original) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return name;
        }
        String hash = String.format("%08x", original.hashCode() ^ (original.length() * 0x9E3779B9));
        return shorten(name, MAX_BYTES - 9) + "_" + hash;
    }

    private static String shorten(String s, int maxBytes) {
        List<Integer> cps = new ArrayList<>();
        s.codePoints().forEach(cps::add);
        StringBuilder sb = new StringBuilder();
        int bytes = 0;
        for (int cp : cps) {
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > maxBytes) {
                break;
            }
            sb.appendCodePoint(cp);
            bytes += n;
        }
        return sb.toString();
    }
}
