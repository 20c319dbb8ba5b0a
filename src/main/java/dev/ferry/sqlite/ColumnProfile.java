package dev.ferry.sqlite;

/**
 * What one column of a SQLite table actually holds, by storage class: SQLite lets any value
 * into any column, so the declared type is only a hint.
 */
public record ColumnProfile(long nulls, long integers, long reals, long texts, long blobs,
                            Long minInteger, Long maxInteger, Long maxTextLength, Long maxBlobLength) {

    public long nonNull() {
        return integers + reals + texts + blobs;
    }

    public boolean onlyIntegers() {
        return nonNull() == integers;
    }

    public boolean onlyNumbers() {
        return nonNull() == integers + reals;
    }

    public boolean onlyText() {
        return nonNull() == texts;
    }

    public boolean onlyBlobs() {
        return nonNull() == blobs;
    }

    public boolean noBlobs() {
        return blobs == 0;
    }

    /** Plain words for the plan: "1,204 text, 3 integer, 17 empty". */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        append(sb, integers, "integer");
        append(sb, reals, "real");
        append(sb, texts, "text");
        append(sb, blobs, "blob");
        append(sb, nulls, "null");
        return sb.length() == 0 ? "no rows" : sb.toString();
    }

    private static void append(StringBuilder sb, long n, String what) {
        if (n > 0) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format("%,d %s", n, what));
        }
    }
}
