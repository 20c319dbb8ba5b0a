package dev.ferry.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "ferry", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Moves a SQLite database into PostgreSQL, safely, and checks that everything arrived.%n"
                + "Run without a command to open the wizard.",
        subcommands = {InspectCommand.class, MigrateCommand.class, VerifyCommand.class, UndoCommand.class, RehearseCommand.class,
                SampleCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done and verified, 1 failed, 2 usage, 3 source unusable, 4 target unreachable "
                + "or refused, 5 verification found a difference, 130 interrupted."})
public final class FerryCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** Runs the command line and returns the exit code. */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new FerryCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("Error: " + e.getMessage());
            cmd.getErr().println("This looks like a bug in Ferry; the log has the details.");
            org.slf4j.LoggerFactory.getLogger(FerryCommand.class).error("unexpected failure", e);
            return 1;
        });
        return cl.execute(args);
    }
}
