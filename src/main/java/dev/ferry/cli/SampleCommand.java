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
            c.out.printf("Wrote %s: %d tables, %,d rows.%nTry: ferry rehearse %s%n", s.file(), s.tables(), s.rows(), file);
            return 0;
        } catch (IOException e) {
            c.err.println("Error: " + e.getMessage());
            return 1;
        }
    }
}
