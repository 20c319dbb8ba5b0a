package dev.ferry.cli;

import dev.ferry.FerryException;
import dev.ferry.run.Migration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "ferry", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Moves a SQLite database into PostgreSQL, safely, and checks that everything arrived.%n"
                + "Run without a command to open the wizard.",
        footer = {"", "The usual way, one step at a time:",
                "  ferry inspect app.db                                   what is in the file, what each column becomes",
                "  ferry rehearse app.db                                  the whole run into a private server, no credentials",
                "  ferry migrate app.db --to postgresql://me@host/app     the real run (asks for the password)",
                "  ferry check-app ./my-app --source app.db --to postgresql://me@host/app",
                "                                                         your app's SQL, proven on the migrated database",
                "  ferry sync app.db --to postgresql://me@host/app        with the app stopped: the rows written since",
                "Each command's own help: ferry migrate --help.",
                "", "Exit codes: 0 done and verified, 1 failed, 2 usage, 3 source unusable, 4 target unreachable "
                + "or refused, 5 verification found a difference, 130 interrupted."})
public final class FerryCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    private static final java.util.Map<String, String> EXAMPLES = java.util.Map.of(
            "migrate", "; for example: ferry migrate app.db --to postgresql://user@host:5432/dbname",
            "verify", "; for example: ferry verify app.db --to postgresql://user@host:5432/dbname",
            "sync", "; for example: ferry sync app.db --to postgresql://user@host:5432/dbname --yes",
            "check-app", "; for example: ferry check-app ./my-bot --source app.db --rehearse",
            "inspect", "; for example: ferry inspect app.db",
            "rehearse", "; for example: ferry rehearse app.db");

    /** Loads what a run needs first, beside the command line's own start-up (see {@link Migration#warmUp}). */
    public static void warmUp() {
        Migration.warmUp();
    }

    /**
     * The commands, in the order the help lists them. picocli reads every command's options when it
     * is added (all nine: 140-146 ms of the main thread's CPU at start-up; migrate alone: 93-117 ms),
     * so a command named first on the command line is the only one added; help, a misspelt command
     * or none get them all.
     */
    private static final java.util.Map<String, java.util.function.Supplier<Object>> COMMANDS = commands();

    private static java.util.Map<String, java.util.function.Supplier<Object>> commands() {
        java.util.Map<String, java.util.function.Supplier<Object>> m = new java.util.LinkedHashMap<>();
        m.put("inspect", InspectCommand::new);
        m.put("migrate", MigrateCommand::new);
        m.put("verify", VerifyCommand::new);
        m.put("sync", SyncCommand::new);
        m.put("undo", UndoCommand::new);
        m.put("rehearse", RehearseCommand::new);
        m.put("check-app", CheckAppCommand::new);
        m.put("sample", SampleCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return m;
    }

    /** The command line for {@code args}: with only the command they name, else with every command. */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new FerryCommand());
        java.util.function.Supplier<Object> named = args.length > 0 && !args[0].equals("help") ? COMMANDS.get(args[0]) : null;
        if (named != null) {
            cl.addSubcommand(named.get());
        } else {
            COMMANDS.values().forEach(c -> cl.addSubcommand(c.get()));
        }
        return cl; // (settings made on it from here on reach the commands added above)
    }

    /** Runs the command line and returns the exit code. */
    public static int execute(String... args) {
        CommandLine cl = commandLine(args);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        CommandLine.IParameterExceptionHandler picocli = cl.getParameterExceptionHandler();
        cl.setParameterExceptionHandler((e, given) -> {
            String choice = misspeltChoice(e);
            if (choice != null) {
                return new Console(false).fail(new FerryException(FerryException.Kind.USAGE, choice, null));
            }
            if (e.getCommandLine().getParent() == null || e instanceof CommandLine.UnmatchedArgumentException) {
                return picocli.handleParseException(e, given); // no command yet, or a misspelt one: picocli's suggestions
            }
            // a forgotten --to used to print all 78 lines of help, and the one line that mattered scrolled away
            String name = e.getCommandLine().getCommandName();
            return new Console(false).fail(new FerryException(FerryException.Kind.USAGE, e.getMessage() + ".",
                    "Run ferry " + name + " --help for every option" + EXAMPLES.getOrDefault(name, ".")));
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("Error: " + e.getMessage());
            cmd.getErr().println("This looks like a bug in Ferry; the log has the details.");
            org.slf4j.LoggerFactory.getLogger(FerryCommand.class).error("unexpected failure", e);
            return 1;
        });
        return cl.execute(args);
    }

    /**
     * An option that takes one of a few words (picocli converts it to the enum) said in Ferry's
     * words, with the words in lower case as the help writes them: "--if-exists takes fail,
     * replace, append or truncate, not 'x'."; null for any other mistake.
     */
    static String misspeltChoice(CommandLine.ParameterException e) {
        if (!(e.getArgSpec() instanceof CommandLine.Model.OptionSpec option) || !option.type().isEnum()
                || !(e.getCause() instanceof CommandLine.TypeConversionException)) {
            return null;
        }
        // the option's own words when it names them (--if-exists leaves out data_only, which --data-only says)
        List<String> words = option.completionCandidates() != null
                ? java.util.stream.StreamSupport.stream(option.completionCandidates().spliterator(), false)
                        .map(w -> w.toLowerCase(Locale.ROOT)).toList()
                : Arrays.stream(option.type().getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList();
        String last = words.get(words.size() - 1);
        String all = words.size() == 1 ? last : String.join(", ", words.subList(0, words.size() - 1)) + " or " + last;
        return option.longestName() + " takes " + all + ", not '" + e.getValue() + "'.";
    }
}
