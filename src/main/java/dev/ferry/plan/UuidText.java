package dev.ferry.plan;

import dev.ferry.schema.Table;
import dev.ferry.sqlite.ColumnProfile;
import dev.ferry.sqlite.Profiler;
import dev.ferry.sqlite.SqliteSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Text columns of UUIDs that stay text because some are not written the way PostgreSQL prints a
 * uuid (upper case, braces, no hyphens): as uuid those would come back as other text, so the
 * "uuid in text" rule rightly passes them by; but silently is not rightly. The column gets a thing
 * to know saying how many, in which forms, and how to make it uuid anyway.
 */
final class UuidText {

    /** The longest text PostgreSQL reads as a uuid: braces around 32 digits and 4 hyphens. */
    private static final long LONGEST = 38;
    private static final int FIRST_ROWS = 2_000;

    private UuidText() {
    }

    /**
     * The decision with a thing to know when its column stays text though every value is a UUID and
     * some would not read back exactly; else the decision as it is. Costs nothing for columns whose
     * longest text or first rows already rule it out, one scan of the column otherwise.
     */
    static TypePlanner.Decision keptAsText(Profiler profiler, Table table, TypePlanner.Decision d) throws SQLException {
        ColumnProfile p = d.profile();
        if (d.rule() == null || d.fix() != null || d.type().kind() != PgType.Kind.TEXT || !d.problems().isEmpty()
                || p == null || p.nonNull() == 0 || !p.onlyText()
                || (p.maxTextLength() != null && p.maxTextLength() > LONGEST) || !uuidInText().applies().test(d.column())) {
            return d;
        }
        String name = d.column().name();
        String q = SqliteSource.quote(name);
        String isUuid = SqliteSource.uuidSql(q);
        if (profiler.misfitsInFirst(table, name, isUuid, FIRST_ROWS) > 0) {
            return d;
        }
        // one scan: values that are no UUID, values not in the printed form, and which forms those are
        String bare = "CASE WHEN substr(" + q + ", 1, 1) = '{' THEN substr(" + q + ", 2, length(" + q + ") - 2) ELSE " + q + " END";
        List<String> tests = List.of(isUuid, SqliteSource.canonicalUuidSql(q), "NOT " + q + " GLOB '*[A-F]*'",
                "NOT substr(" + q + ", 1, 1) = '{'", "NOT instr(" + q + ", '-') = 0",
                "NOT (instr(" + q + ", '-') > 0 AND NOT " + SqliteSource.canonicalUuidSql("lower(" + bare + ")") + ")");
        long[] n = profiler.countMisfits(table, tests.stream().map(t -> name).toList(), tests);
        if (n[0] > 0 || n[1] == 0) {
            return d;
        }
        List<String> forms = new ArrayList<>();
        if (n[2] > 0) {
            forms.add("in upper case");
        }
        if (n[3] > 0) {
            forms.add("with braces");
        }
        if (n[4] > 0) {
            forms.add("without hyphens");
        }
        if (n[5] > 0) {
            forms.add("with hyphens in other places");
        }
        String where = table.name() + "." + name;
        String message = String.format("%s stays text: %,d of %,d values are UUIDs written %s; as uuid they would come "
                        + "back in lower case with hyphens (8-4-4-4-12). To make it uuid anyway: --type %s=uuid",
                where, n[1], p.nonNull(), String.join(" or ", forms), where);
        List<String> examples = profiler.examples(table, name, SqliteSource.canonicalUuidSql(q), 3);
        List<Problem> changes = new ArrayList<>(d.changes());
        changes.add(new Problem(table.name(), name, Problem.Kind.UUID_KEPT_AS_TEXT, n[1], Problem.TEXT, examples, message));
        return new TypePlanner.Decision(d.column(), p, d.type(), d.rule(), d.fix(), d.problems(), List.copyOf(changes));
    }

    private static TypeRule uuidInText() {
        return TypeRules.all().stream().filter(r -> r.name().equals("uuid in text")).findFirst().orElseThrow();
    }
}
