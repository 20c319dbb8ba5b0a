package dev.ferry.cli;

import dev.ferry.FerryException;
import dev.ferry.run.MigrateChoices;
import dev.ferry.run.Migration;
import dev.ferry.run.Options;
import dev.ferry.postgres.TargetAddress;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Version.class,
        footer = {"", "Examples:", "  ferry verify app.db --to postgresql://me@localhost/app",
                "  ferry verify app.db --to postgresql://me@host/app --view-meaning 'late=sqlite'"},
        description = "Compare every table's row count and checksum between the SQLite file and PostgreSQL, and run "
                + "every view on both sides. Takes the choices this file's migration was made with (--names, --type, "
                + "--on-problem, --suggest, --exclude, --data-only) unless you give them. Changes nothing, unless "
                + "--view-meaning asks for a view to be made again.")
final class VerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The SQLite database file.")
    Path file;

    @Mixin
    TargetOptions target;

    @Mixin
    CommonOptions common;

    @Option(names = "--data-only", description = "Compare with tables your app's own migrations made (a run with "
            + "--data-only): the values are compared in those tables' types.")
    boolean dataOnly;

    @Mixin
    ViewMeaningOptions viewMeanings = new ViewMeaningOptions();

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write a report: JSON, or a page for people when the name ends in .html.")
    Path report;

    @Spec
    CommandSpec spec;

    /** The choices the user gave on this command line; verify takes the migration's for the rest. */
    private Set<MigrateChoices.Choice> given() {
        Set<MigrateChoices.Choice> given = common.given(spec);
        if (dataOnly) {
            given.add(MigrateChoices.Choice.DATA_ONLY);
        }
        return given;
    }

    @Override
    public Integer call() {
        Console c = common.console();
        try {
            viewMeanings.sqliteViews(); // a malformed --view-meaning is refused before anything is read
            TargetAddress address = target.address();
            Options options = common.apply(Options.of(file, address, target.password(address, c)).withSchema(target.schema))
                    .withIfExists(dataOnly ? Options.IfExists.DATA_ONLY : Options.IfExists.FAIL);
            Migration run = new Migration(options, new ProgressPrinter(c, 0));
            return Outcome.finish(c, viewMeanings.applyBoth(c, run, run.verifyAsMigrated(given())), file,
                    address.toString(), report);
        } catch (IllegalArgumentException e) {
            return c.fail(new FerryException(FerryException.Kind.USAGE, e.getMessage(), null));
        } catch (FerryException e) {
            return c.fail(e);
        }
    }
}
