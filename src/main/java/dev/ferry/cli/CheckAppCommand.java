package dev.ferry.cli;

import dev.ferry.FerryException;
import dev.ferry.plan.Plan;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.run.Migration;
import dev.ferry.run.MigrationListener;
import dev.ferry.run.Options;
import dev.ferry.run.Rehearsal;
import dev.ferry.postgres.Secret;
import dev.ferry.verify.AppReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check-app", mixinStandardHelpOptions = true, versionProvider = Version.class,
        footer = {"", "Examples:", "  ferry check-app ./src --source app.db --rehearse", "  ferry check-app ./src --source app.db --to postgresql://me@localhost/app"},
        description = "Find the SQL in your app's source code, say what each statement becomes in PostgreSQL, and "
                + "prove it on the migrated database (PREPARE, and the same rows for queries without parameters). "
                + "Writes to neither database.")
final class CheckAppCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder of the app's source code.")
    Path folder;

    @Option(names = "--source", required = true, paramLabel = "FILE.db", description = "The app's SQLite database file.")
    Path source;

    static final class Where {
        @Option(names = "--to", paramLabel = "URL", description = "The PostgreSQL the tables were migrated to "
                + "(run ferry migrate first). The password comes from PGPASSWORD, ~/.pgpass, --password-stdin or a prompt.")
        String url;

        @Option(names = "--rehearse", description = "Migrate into a private, temporary PostgreSQL first and check there.")
        boolean rehearse;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    @Option(names = "--schema", defaultValue = "public", paramLabel = "NAME",
            description = "PostgreSQL schema of the tables (default: ${DEFAULT-VALUE}).")
    String schema;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Option(names = "--driver", paramLabel = "NAME", description = "The PostgreSQL driver the app will use "
            + "(psycopg, asyncpg, node-postgres, pgx, lib/pq, pgjdbc, Npgsql, pg gem, PDO pgsql): the parameter markers and the "
            + ".env lines are written for it. Guessed from the app's imports when not given, as the wizard guesses it.")
    String driver;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write a report: JSON, or a page for people when the name ends in .html.")
    Path report;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Console c = common.console();
        try {
            if (where.rehearse) {
                Options base = common.apply(Options.of(source, null, Secret.NONE).withSchema(schema));
                Plan plan = new Migration(base, MigrationListener.NONE).preflight();
                c.info("Starting a private PostgreSQL and migrating " + source.getFileName() + " into it…");
                try (Rehearsal rehearsal = Migration.startRehearsal()) {
                    Options options = rehearsal.options(base);
                    new Migration(options, MigrationListener.NONE).run(plan);
                    return show(c, Migration.checkApp(folder, plan, options, driver), "a private temporary PostgreSQL");
                }
            }
            TargetOptions target = new TargetOptions();
            target.url = where.url;
            target.schema = schema;
            target.passwordStdin = passwordStdin;
            TargetAddress address = target.address();
            Options options = common.apply(Options.of(source, address, target.password(address, c)).withSchema(schema));
            Plan plan = new Migration(options, MigrationListener.NONE).preflight();
            return show(c, Migration.checkApp(folder, plan, options, driver), address.toString());
        } catch (IllegalArgumentException e) {
            return c.fail(new FerryException(FerryException.Kind.USAGE, e.getMessage(), null));
        } catch (FerryException e) {
            return c.fail(e);
        }
    }

    private int show(Console c, AppReport r, String target) {
        AppReport.Summary s = r.summary();
        c.out.println("Driver: " + s.driver() + (s.driverFrom() == null ? " (as given)" : " (guessed from " + s.driverFrom() + ")"));
        c.out.println("Values are written " + dev.ferry.appcode.Handoff.markers(s.markers()) + " in the PostgreSQL texts"
                + (s.driverFrom() == null ? "." : "; choose another driver with --driver NAME."));
        c.out.println();
        for (AppReport.Statement st : r.statements()) {
            c.out.println(st.where() + "  " + st.status() + "  " + st.proof());
            c.out.println("    SQLite:     " + oneLine(st.sqlite()));
            if (st.postgres() != null && !st.postgres().equals(st.sqlite())) {
                c.out.println("    PostgreSQL: " + oneLine(st.postgres()));
            }
            if (st.status().equals(AppReport.MANUAL) || st.proof().equals(dev.ferry.verify.StatementProof.FAILED)) {
                c.out.println("    What to do: " + st.why());
                if (!st.proof().equals(dev.ferry.verify.StatementProof.NOT_RUN)) {
                    c.out.println("    Proof: " + st.proofDetail());
                }
            } else if (!st.proof().equals(dev.ferry.verify.StatementProof.NOT_RUN)) {
                c.out.println("    Proof: " + st.proofDetail());
            }
        }
        c.out.println();
        c.out.println(cap(s.files()) + ".");
        c.out.printf("Found %d statements: %d unchanged, %d translated, %d need a person.%n", s.statements(),
                s.count(AppReport.UNCHANGED), s.count(AppReport.TRANSLATED), s.count(AppReport.MANUAL));
        c.out.println("Proofs on " + target + ": " + s.proofs().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey()).reduce((a, b) -> a + ", " + b).orElse("none") + ".");
        for (AppReport.Changed ch : s.changedColumns()) {
            if (!ch.statements().isEmpty()) {
                c.out.println("Column " + ch.table() + "." + ch.column() + " is " + ch.change() + ": check "
                        + String.join(", ", ch.statements()));
            }
        }
        for (AppReport.Place p : s.changeHere()) {
            c.out.println("The one place to change (" + p.stack() + "): " + p.file() + ":" + p.line() + " " + p.what()
                    + ": " + p.code());
        }
        if (!s.env().isEmpty()) {
            c.out.println("For your .env (fill in the password yourself):");
            s.env().forEach(l -> c.out.println("  " + l));
        }
        if (report != null) {
            try {
                r.write(report);
                c.out.println("Report written to " + report.toAbsolutePath());
            } catch (IOException e) {
                c.warn("the report could not be written to " + report + ": " + e.getMessage());
            }
        }
        return r.proven() ? 0 : FerryException.Kind.VERIFY.exitCode;
    }

    private static String oneLine(String sql) {
        return sql.replaceAll("\\s*\\n\\s*", " ");
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
