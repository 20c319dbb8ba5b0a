package dev.ferry.verify;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.plan.Plan;
import dev.ferry.plan.TablePlan;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a view's rows differ, in plain words, where Ferry can tell from the view's SQL and the plan;
 * otherwise it says so plainly. Best effort: it names the likely cause, the proof found the fact.
 */
public final class ViewDifference {

    private static final String NAME = "(?:\\[[^\\]]+]|\"(?:[^\"]|\"\")+\"|`[^`]+`|[\\p{L}_][\\p{L}\\p{N}_$]*)";
    /** col BETWEEN date(...), col >= datetime(...) and the like. */
    private static final Pattern COLUMN_THEN_DATE = Pattern.compile("(?i)(" + NAME + ")\\s*(?:NOT\\s+)?(?:BETWEEN|<=|>=|<>|!=|==|=|<|>)\\s*"
            + "(?:DATETIME|DATE|STRFTIME|TIME)\\s*\\(");
    /** datetime(...) <= col: the function's closing parenthesis first. */
    private static final Pattern DATE_THEN_COLUMN = Pattern.compile("(?i)(?:DATETIME|DATE|TIME)\\s*\\([^()]*\\)\\s*"
            + "(?:<=|>=|<>|!=|==|=|<|>)\\s*(" + NAME + ")");

    private ViewDifference() {
    }

    /** The reason shown for view {@code v}, whose proof {@code p} found a difference. */
    public static String reason(Plan.ViewPlan v, Plan plan, Proof p) {
        String sql = v.originalSql() == null ? "" : v.originalSql();
        String dates = textDates(sql, plan);
        String why;
        if (dates != null) {
            why = "SQLite compared these dates as text: " + dates + " holds its dates as text, and SQLite compares that text "
                    + "letter by letter with what its date function returns ('1997-12-31 00:00:00.000' sorts after "
                    + "'1997-12-31 00:00:00'); PostgreSQL compares points in time";
        } else if (sql.toUpperCase(Locale.ROOT).matches("(?s).*\\bLIMIT\\b.*")) {
            why = "it keeps only some rows (LIMIT), and where its ORDER BY leaves a tie or is missing each database may pick "
                    + "other rows";
        } else if (sql.toUpperCase(Locale.ROOT).contains("GROUP_CONCAT") && p.sqliteRows() != null
                && p.sqliteRows().equals(p.postgresRows())) {
            why = "group_concat joins values in the order each database happens to read them";
        } else {
            why = "the rows differ";
        }
        return why + " (" + p.text() + ")";
    }

    /** The date column the view compares with a date function, when it is stored as text in SQLite; else null. */
    private static String textDates(String sql, Plan plan) {
        for (Pattern pattern : new Pattern[] {COLUMN_THEN_DATE, DATE_THEN_COLUMN}) {
            Matcher m = pattern.matcher(sql);
            while (m.find()) {
                String name = unquote(m.group(1));
                for (TablePlan t : plan.tables()) {
                    for (ColumnPlan c : t.columns()) {
                        if (c.source().name().equalsIgnoreCase(name) && isDate(c) && c.profile().texts() > 0) {
                            return c.source().name();
                        }
                    }
                }
            }
        }
        return null;
    }

    private static boolean isDate(ColumnPlan c) {
        PgType.Kind k = c.type().kind();
        return k == PgType.Kind.TIMESTAMP || k == PgType.Kind.TIMESTAMPTZ || k == PgType.Kind.DATE;
    }

    private static String unquote(String n) {
        char q = n.charAt(0);
        return q == '[' || q == '"' || q == '`' ? n.substring(1, n.length() - 1) : n;
    }
}
