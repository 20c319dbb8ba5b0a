package dev.ferry.translate;

import dev.ferry.plan.ColumnPlan;

/**
 * How SQLite wrote a date column's values, for SQLite's meaning of a view: the shape every value
 * has ("YYYY-MM-DD HH:MM:SS.SSS", as {@code sqlite.TextDateShape} names them), or null when they are
 * not all text of one shape. The run reads it from the SQLite file; the translator only asks.
 */
@FunctionalInterface
public interface StoredDates {

    String shape(ColumnPlan column);
}
