package dev.ferry.run;

/**
 * A value of a table planned from a sample does not fit that plan (see
 * {@link dev.ferry.plan.TablePlan#guards}): the copy of that table stops, and the run plans it
 * again from all its values and copies it again (see {@link Runner}). Never reaches the user.
 *
 * @param why in plain words, which value showed it
 */
final class Replan extends RuntimeException {

    final String table;
    final String why;

    Replan(String table, String why) {
        super(why, null, false, false);
        this.table = table;
        this.why = why;
    }
}
