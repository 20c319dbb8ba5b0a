package dev.ferry.schema;

/**
 * One column as SQLite declares it.
 *
 * @param declaredType the type text exactly as written in CREATE TABLE ("" when none)
 * @param pkOrdinal    1-based position in the primary key, 0 when not part of it
 * @param generated    NONE, VIRTUAL or STORED (from PRAGMA table_xinfo's hidden flag)
 * @param collation    the COLLATE name when declared (e.g. NOCASE), else null
 * @param expression   the expression of a generated column, exactly as written, else null
 */
public record Column(String name, int position, String declaredType, boolean notNull,
                     String defaultSql, int pkOrdinal, Generated generated, String collation, String expression) {

    public Column(String name, int position, String declaredType, boolean notNull, String defaultSql, int pkOrdinal,
                  Generated generated, String collation) {
        this(name, position, declaredType, notNull, defaultSql, pkOrdinal, generated, collation, null);
    }

    public enum Generated { NONE, VIRTUAL, STORED }

    public boolean isGenerated() {
        return generated != Generated.NONE;
    }

    /** The declared type upper-cased without its size, e.g. "NVARCHAR(40)" gives "NVARCHAR". */
    public String baseType() {
        String t = declaredType.trim().toUpperCase(java.util.Locale.ROOT);
        int paren = t.indexOf('(');
        return (paren >= 0 ? t.substring(0, paren) : t).trim().replaceAll("\\s+", " ");
    }

    /** The numbers inside the parentheses of the declared type, e.g. "NUMERIC(10,2)" gives [10, 2]. */
    public int[] typeArgs() {
        int open = declaredType.indexOf('('), close = declaredType.lastIndexOf(')');
        if (open < 0 || close <= open) {
            return new int[0];
        }
        String[] parts = declaredType.substring(open + 1, close).split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                return new int[0];
            }
        }
        return out;
    }

    /** SQLite's own affinity rules (section 3.1 of its datatype page): I, T, B (blob/none), R or N. */
    public char affinity() {
        String t = declaredType.toUpperCase(java.util.Locale.ROOT);
        if (t.contains("INT")) {
            return 'I';
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return 'T';
        }
        if (t.contains("BLOB") || t.isBlank()) {
            return 'B';
        }
        return t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB") ? 'R' : 'N';
    }
}
