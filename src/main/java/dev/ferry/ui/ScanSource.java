package dev.ferry.ui;

import dev.ferry.run.Migration;
import dev.ferry.run.SourceSummary;
import java.nio.file.Path;
import javafx.concurrent.Task;

/**
 * The engine's first look at a SQLite file for the summary card (read-only), in the background:
 * the page shows which table is being counted, and choosing another file stops this one.
 */
final class ScanSource extends Task<SourceSummary> {

    private final Path file;

    ScanSource(Path file) {
        this.file = file;
        updateTitle("scan-source");
    }

    @Override
    protected SourceSummary call() {
        updateMessage(Text.get("source.scan.open"));
        SourceSummary summary = Migration.summarize(file, new SourceSummary.Progress() {
            @Override
            public void counting(String table, int done, int of) {
                updateMessage(Text.get("source.scan.count", table));
                updateProgress(done, of + 1);
            }

            @Override
            public void checking() {
                updateMessage(Text.get("source.scan.check"));
            }

            @Override
            public boolean stopped() {
                return isCancelled();
            }
        });
        if (summary != null) {
            updateProgress(1, 1);
        }
        return summary;
    }
}
