package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.appcode.AppScan;
import dev.ferry.appcode.Candidate;
import dev.ferry.appcode.Handoff;
import dev.ferry.appcode.PgDriver;
import dev.ferry.appcode.SqlRecognizer;
import dev.ferry.appcode.Stack;
import dev.ferry.appcode.StackDetector;
import dev.ferry.appcode.StackFinding;
import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.plan.Plan;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.Naming;
import dev.ferry.postgres.PgTarget;
import dev.ferry.sqlite.SqliteSource;
import dev.ferry.translate.AppStatementTranslator;
import dev.ferry.translate.Placeholders;
import dev.ferry.translate.SqlExpr;
import dev.ferry.translate.SqlFrom;
import dev.ferry.translate.SqlScope;
import dev.ferry.translate.SqlTreeWalk;
import dev.ferry.verify.AppReport;
import dev.ferry.verify.StatementProof;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * check-app from start to end: find the app's statements, judge each against the migrated plan,
 * prove the ones PostgreSQL should run, and say what a person must do. Reads the SQLite file and
 * the PostgreSQL database; writes to neither.
 */
final class AppCheck {

    /** The types a column may change to that change how the app's SQL must treat it. */
    private static final Set<PgType.Kind> CHANGED = EnumSet.of(PgType.Kind.BOOLEAN, PgType.Kind.JSONB,
            PgType.Kind.TIMESTAMP, PgType.Kind.TIMESTAMPTZ, PgType.Kind.DATE, PgType.Kind.TIME, PgType.Kind.BYTEA,
            PgType.Kind.UUID);

    private AppCheck() {
    }

    static AppReport check(Path folder, Plan plan, Options options, String driverName, AppStatementTranslator translator) {
        if (!Files.isDirectory(folder)) {
            throw new FerryException(FerryException.Kind.USAGE, folder + " is not a folder.", "Give the folder that holds the app's source code.");
        }
        AppScan scan = AppScan.of(folder, new SqlRecognizer());
        Optional<Stack> stack = StackDetector.main(scan.stack());
        PgDriver driver;
        String guessedFrom = null;
        if (driverName != null) {
            driver = PgDriver.named(driverName);
        } else if (stack.isPresent()) {
            driver = stack.get().driver();
            StackFinding f = scan.stack().stream().filter(s -> s.stack() == stack.get()).findFirst().orElseThrow();
            guessedFrom = f.file() + ":" + f.line();
        } else {
            driver = PgDriver.PGJDBC; // nothing to guess from: keep the markers as SQLite's ?
        }
        Map<String, String> views = new LinkedHashMap<>();
        plan.views().forEach(v -> views.put(v.source(), v.target()));
        // the markers and the connection's form come from one handoff, for the driver given or guessed: an
        // ORM keeps its own markers whatever the database (Django's %s, SQLAlchemy's :name) while it runs on
        // the driver chosen, else the driver's own decide them
        Optional<Handoff> handoff = stack.isPresent() || driverName != null
                ? Optional.of(Handoff.of(stack.orElse(null), driver, options.target()))
                : Optional.empty();
        Placeholders markers = handoff.map(h -> new Placeholders(h.positional(), h.named()))
                .orElse(new Placeholders(driver.positional(), driver.named()));
        List<AppReport.Statement> out = new ArrayList<>();
        Map<AppReport.Statement, AppStatements.Verdict> verdicts = new LinkedHashMap<>();
        try (PgTarget target = PgTarget.connect(options.target(), options.password(), 2)) {
            requireTables(target, plan);
            // COLLATE NOCASE says "nocase" only where the run could make that collation (a server with ICU);
            // elsewhere the translator folds both sides with lower()
            SqlScope scope = new SqlScope(plan.tables(), views, new Naming(options.naming()), nocase(target, plan.schema()));
            AppStatements judge = new AppStatements(scope, translator, markers);
            StatementProof proofs = new StatementProof(SqliteSource.open(options.source()), target, plan.schema());
            for (Candidate c : scan.statements()) {
                SqlRecognizer.Reading r = SqlRecognizer.read(c).orElseThrow();
                AppStatements.Verdict v = judge.judge(c, r);
                String proof = StatementProof.NOT_RUN;
                String detail = "a person must decide first";
                if (v.postgres() != null) {
                    StatementProof.Outcome o = proofs.prove(r.text(), v.numbered(), v.parameters(), v.readOnly());
                    proof = o.proof();
                    detail = o.text();
                }
                // the verdict spoke before the proof: a statement PostgreSQL refuses does not "run the same"
                String why = proof.equals(StatementProof.FAILED) ? "SQLite accepts it, PostgreSQL refuses it: the "
                        + "statement must change (PostgreSQL's words are in the proof)" : v.why();
                AppReport.Statement s = new AppReport.Statement(c.file(), c.line(), v.status(), c.text().strip(),
                        v.postgres() == null ? null : v.postgres().strip(), proof, why, detail);
                out.add(s);
                verdicts.put(s, v);
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Integer> proofCounts = new LinkedHashMap<>();
        for (String k : List.of(AppReport.UNCHANGED, AppReport.TRANSLATED, AppReport.MANUAL)) {
            counts.put(k, (int) out.stream().filter(s -> s.status().equals(k)).count());
        }
        for (String k : List.of(StatementProof.SAME, StatementProof.PREPARED, StatementProof.FAILED,
                StatementProof.DIFFERENT, StatementProof.NOT_RUN)) {
            proofCounts.put(k, (int) out.stream().filter(s -> s.proof().equals(k)).count());
        }
        List<AppReport.Place> places = scan.stack().stream().filter(StackFinding::changeHere)
                .map(f -> new AppReport.Place(f.file(), f.line(), f.stack().label(), "change " + f.place(), f.code()))
                .toList();
        List<String> env = handoff.map(Handoff::envLines).orElse(List.of());
        AppReport.Summary summary = new AppReport.Summary(scan.walk().summary(), scan.walk().files().size(), out.size(),
                counts, proofCounts, driver.label(), guessedFrom, markers.positional(), places, env, changed(plan, verdicts));
        return new AppReport(out, summary);
    }

    /** Each column whose type or name changed, with the statements that name it. */
    private static List<AppReport.Changed> changed(Plan plan, Map<AppReport.Statement, AppStatements.Verdict> verdicts) {
        List<AppReport.Changed> out = new ArrayList<>();
        for (TablePlan t : plan.tables()) {
            for (ColumnPlan c : t.columns()) {
                String name = c.source().name();
                boolean renamed = !c.target().equals(name.toLowerCase(Locale.ROOT))
                        || !t.target().equals(t.source().name().toLowerCase(Locale.ROOT));
                if (!CHANGED.contains(c.type().kind()) && !renamed) {
                    continue;
                }
                Set<String> touching = new LinkedHashSet<>();
                verdicts.forEach((s, v) -> {
                    if (v.tree() != null && touches(v, t.source().name(), name)) {
                        touching.add(s.where());
                    }
                });
                String change = (renamed ? "named " + t.target() + "." + c.target() + ", " : "") + "now " + c.type().sql();
                out.add(new AppReport.Changed(t.source().name(), name, change, List.copyOf(touching)));
            }
        }
        return out;
    }

    private static boolean touches(AppStatements.Verdict v, String table, String column) {
        boolean names = SqlTreeWalk.all(v.tree(), SqlFrom.Table.class).stream().anyMatch(f -> f.name().is(table));
        return names && (SqlTreeWalk.all(v.tree(), SqlExpr.Column.class).stream().anyMatch(c -> c.column().is(column))
                || SqlTreeWalk.nodes(v.tree()).stream().anyMatch(n -> n instanceof dev.ferry.translate.SqlClause.Star
                || n instanceof dev.ferry.translate.SqlName sn && sn.is(column)));
    }

    /** Whether Ferry's nocase collation is in the schema: a run makes it whenever the server has ICU. */
    private static boolean nocase(PgTarget target, String schema) {
        try (java.sql.Connection c = target.connection()) {
            return Creator.collationExists(c, schema);
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not read which collations schema "
                    + schema + " holds.", "See the details.", e);
        }
    }

    private static void requireTables(PgTarget target, Plan plan) {
        Set<String> names = plan.tables().stream().map(TablePlan::target).collect(Collectors.toSet());
        Set<String> there;
        try {
            there = target.existingTables(plan.schema(), names);
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not read which tables schema "
                    + plan.schema() + " holds.", "See the details.", e);
        }
        List<String> missing = names.stream().filter(n -> !there.contains(n)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new FerryException(FerryException.Kind.TARGET, "The app's tables are not in PostgreSQL yet: "
                    + String.join(", ", missing) + " missing from schema " + plan.schema() + ".",
                    "run ferry migrate first (or check-app --rehearse to try it on a private PostgreSQL).");
        }
    }
}
