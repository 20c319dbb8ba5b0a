package dev.ferry.schema;

/**
 * A CHECK constraint read from the CREATE TABLE text.
 *
 * @param name       the CONSTRAINT name when one was given, else null
 * @param column     the column it was written on (a column constraint), null for a table constraint
 * @param expression the expression inside CHECK ( ... ), exactly as written
 */
public record Check(String name, String column, String expression) {
}
