package dev.ferry.run;

import dev.ferry.FerryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What identifies one state of the SQLite file, so a resume can tell the file is the same one:
 * size, modification time, the header's change counter (bytes 24..27, bumped by every committed
 * write outside WAL mode) and page count (28..31), plus the -wal file's size and time, since
 * in WAL mode writes land there first and the header does not move.
 */
record SourceStamp(Path path, long size, Instant modified, String fingerprint) {

    static SourceStamp of(Path file) {
        Path path = file.toAbsolutePath().normalize();
        try {
            long size = Files.size(path);
            Instant modified = Files.getLastModifiedTime(path).toInstant().truncatedTo(ChronoUnit.MICROS);
            ByteBuffer header = ByteBuffer.allocate(8);
            // READ only: opening the channel this way can never change the file
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                ch.read(header, 24);
            }
            long counter = header.position() >= 4 ? Integer.toUnsignedLong(header.getInt(0)) : -1;
            long pages = header.position() >= 8 ? Integer.toUnsignedLong(header.getInt(4)) : -1;
            Path wal = path.resolveSibling(path.getFileName() + "-wal");
            String walPart = Files.exists(wal) ? ";wal=" + Files.size(wal) + "@"
                    + Files.getLastModifiedTime(wal).toInstant().truncatedTo(ChronoUnit.MICROS) : "";
            return new SourceStamp(path, size, modified, "size=" + size + ";mtime=" + modified + ";counter=" + counter
                    + ";pages=" + pages + walPart);
        } catch (IOException e) {
            throw new FerryException(FerryException.Kind.SOURCE, "Ferry could not read " + path + " to note which "
                    + "version of the file this run copies.", "Check that the file is still there and readable.", e);
        }
    }
}
