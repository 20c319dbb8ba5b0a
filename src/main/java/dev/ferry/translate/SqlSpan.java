package dev.ferry.translate;

/**
 * Where a node of the syntax tree was written: character offsets into the SQL it was parsed from,
 * {@code start} inclusive, {@code end} exclusive. Later passes quote {@link #text} in their messages,
 * so the user reads what they wrote, not Ferry's reprint of it. Nodes built by a rewriter have
 * {@link #NONE}.
 */
public record SqlSpan(int start, int end) {

    public static final SqlSpan NONE = new SqlSpan(-1, -1);

    /** The SQL this span covers, or "" for a node that was not parsed. */
    public String text(String sql) {
        return start < 0 ? "" : sql.substring(start, end);
    }
}
