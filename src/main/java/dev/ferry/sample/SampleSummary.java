package dev.ferry.sample;

import java.nio.file.Path;

/** What {@link SampleDatabase#write} produced, so callers can tell the user without reopening the file. */
public record SampleSummary(Path file, int tables, long rows) {
}
