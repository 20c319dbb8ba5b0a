package dev.ferry.cli;

import dev.ferry.sample.SampleDatabase;
import dev.ferry.sample.SampleSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "sample", mixinStandardHelpOptions = true, versionProvider = Version.class,
        footer = {"", "Examples:", "  ferry sample try.db", "  ferry sample try.db && ferry rehearse try.db"},
        description = "Write a small, realistic SQLite database (a chat bot's) to try Ferry on.")
final class SampleCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "Where to write it; the file must not exist yet.")
    Path file;

    @Override
    public Integer call() {
        Console c = new Console(false);
        try {
            SampleSummary s = SampleDatabase.write(file);
            c.out.println(String.format("Wrote %s: %d %s, %,d %s.", s.file(), s.tables(), s.tables() == 1 ? "table" : "tables",
                    s.rows(), s.rows() == 1 ? "row" : "rows"));
            c.out.println("Try: ferry rehearse " + shellWord(file.toString()));
            return 0;
        } catch (IOException e) {
            c.err.println("Error: " + e.getMessage());
            return 1;
        }
    }

    /** The path as one word a shell reads back unchanged, so the suggested command can be pasted as it is. */
    static String shellWord(String s) {
        return s.matches("[A-Za-z0-9_./:@%+=,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
