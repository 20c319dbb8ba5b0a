package dev.ferry.plan;

import dev.ferry.sqlite.ColumnProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * A column whose values change kind on the way (0/1 becomes true/false, date text becomes a
 * timestamp, mixed values become bytes): the app reads something else than it did, so each is a
 * thing to know with one sentence of what it means for the app. The sentences live in
 * {@code kind-changes.properties} beside this class, so the wizard, {@code ferry inspect} and the
 * report say the same.
 */
public final class KindChange {

    private static final Properties WORDS = load();

    private KindChange() {
    }

    /**
     * What the app must know about the column's new type, or null when its values keep their kind.
     * An empty column changes nothing the app reads.
     */
    public static Problem of(String table, String column, PgType type, TypeRule.Conversion conversion, ColumnProfile p) {
        String key = key(type.kind(), conversion, p);
        if (key == null) {
            return null;
        }
        return new Problem(table, column, Problem.Kind.KIND_CHANGED, 0, Problem.CONVERT, List.of(), sentence(key, table, column));
    }

    /**
     * A mixed column with blobs that becomes bytea although every value is valid text: the same
     * sentence, and the choice to keep it as text ({@link Problem#TEXT}, then said so).
     */
    public static Problem bytesOrText(String table, String column, String resolution) {
        String message = Problem.TEXT.equals(resolution) ? sentence("text.chosen", table, column)
                : sentence("bytea", table, column) + " " + WORDS.getProperty("bytea.keep-text");
        return new Problem(table, column, Problem.Kind.BYTES_OR_TEXT, 0, resolution, List.of(), message);
    }

    /** Whether a column of this type and profile holds values of other kinds with blobs among them. */
    static boolean mixedBytes(PgType type, ColumnProfile p) {
        return type.kind() == PgType.Kind.BYTEA && p != null && p.blobs() > 0 && p.blobs() < p.nonNull();
    }

    private static String key(PgType.Kind kind, TypeRule.Conversion conversion, ColumnProfile p) {
        if (p == null || p.nonNull() == 0) {
            return null;
        }
        boolean fromNumbers = conversion == TypeRule.Conversion.EPOCH_SECONDS
                || conversion == TypeRule.Conversion.EPOCH_MILLIS || conversion == TypeRule.Conversion.JULIAN_DAY;
        return switch (kind) {
            case BOOLEAN -> "boolean";
            case TIMESTAMP -> fromNumbers ? "timestamp.number" : "timestamp";
            case TIMESTAMPTZ -> "timestamptz";
            case DATE -> "date";
            case TIME -> "time";
            case JSONB -> "jsonb";
            case UUID -> "uuid";
            case BYTEA -> p.blobs() == p.nonNull() ? null : p.integers() + p.reals() == 0 ? "bytea.text" : "bytea";
            case TEXT, VARCHAR -> p.integers() + p.reals() + p.blobs() > 0 ? "text" : null;
            default -> null; // numbers stay numbers
        };
    }

    private static String sentence(String key, String table, String column) {
        return WORDS.getProperty(key).replace("{column}", table + "." + column);
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = KindChange.class.getResourceAsStream("kind-changes.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
