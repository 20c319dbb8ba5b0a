package dev.ferry.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ferry.FerryException;
import dev.ferry.plan.RowFixer;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rejects file: one JSON line per value Ferry changed (stored as NULL, repaired) or per value
 * that sent its row aside (rejected), with the table, the row's key, the column, the original value
 * and the reason; a rejected row carries all its values so it can be put back by hand. Created on
 * the first line, appended to by a resumed run. Lines are written when the chunk they belong to
 * commits, so a resumed run records no row twice.
 */
final class Rejects implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private final Path file;
    private final AtomicLong lines = new AtomicLong();
    private Writer out;

    Rejects(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    long lines() {
        return lines.get();
    }

    /** Writes a committed chunk's changes. */
    synchronized void write(List<RowFixer.Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        try {
            if (out == null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            for (RowFixer.Change c : changes) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("table", c.table());
                line.put("key", c.key());
                line.put("column", c.column());
                line.put("value", c.value());
                line.put("action", c.action());
                line.put("reason", c.reason());
                if (c.storedAs() != null) {
                    line.put("stored", c.storedAs());
                }
                if (c.row() != null) {
                    line.put("row", c.row());
                }
                out.write(JSON.writeValueAsString(line));
                out.write('\n');
            }
            out.flush();
            lines.addAndGet(changes.size());
        } catch (IOException e) {
            throw new FerryException(FerryException.Kind.FAILED, "Ferry could not write the rejects file " + file
                    + ", where it records every value it changes or moves aside; it stopped rather than lose that record.",
                    "Free some disk space or choose another file with --rejects, then resume.", e);
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // every line was flushed when written
            }
        }
    }
}
