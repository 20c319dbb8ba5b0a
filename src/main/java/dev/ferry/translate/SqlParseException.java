package dev.ferry.translate;

/**
 * SQL that is not SQLite's SQL, told in plain words with where it went wrong:
 * "expected ) after the list of columns, found WHERE at line 2, column 14". {@link #position} is the
 * character offset into the SQL (its length at the end of the SQL).
 */
public final class SqlParseException extends RuntimeException {

    private final String problem;
    private final int position;
    private final int line;
    private final int column;

    private SqlParseException(String problem, int position, int line, int column, String where) {
        super(problem + where);
        this.problem = problem;
        this.position = position;
        this.line = line;
        this.column = column;
    }

    static SqlParseException at(String problem, String sql, int position) {
        int line = 1, column = 1;
        for (int i = 0; i < Math.min(position, sql.length()); i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        String where = position >= sql.length() ? " at the end of the SQL" : " at line " + line + ", column " + column;
        return new SqlParseException(problem, position, line, column, where);
    }

    /** What is wrong, without where. */
    public String problem() {
        return problem;
    }

    public int position() {
        return position;
    }

    /** 1-based. */
    public int line() {
        return line;
    }

    /** 1-based. */
    public int column() {
        return column;
    }
}
