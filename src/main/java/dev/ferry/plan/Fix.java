package dev.ferry.plan;

/**
 * What the copy does to a column's values that its PostgreSQL type cannot take as they are, as the
 * user chose it for the column's problems. A column with no such problem has no Fix.
 *
 * @param fitSql       SQLite test (with {c} for the column) of a value the type takes; null when
 *                     every value fits the type
 * @param misfitAction {@link Problem#NULL} or {@link Problem#REJECT} for values failing
 *                     {@code fitSql}; null when there is no such test
 * @param unsafeAction {@link Problem#REPAIR} or {@link Problem#REJECT} for text with NUL bytes or
 *                     invalid UTF-8; null when the column holds none
 */
public record Fix(String fitSql, String misfitAction, String unsafeAction) {

    public Fix {
        if ((fitSql == null) != (misfitAction == null)) {
            throw new IllegalArgumentException("a fit test needs an action and the other way round");
        }
    }

    public Fix withUnsafe(String action) {
        return new Fix(fitSql, misfitAction, action);
    }
}
