package dev.ferry.appcode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk reads the app's own files and says what it left out: dependency and build folders (and a
 * virtual environment under any name, known by its pyvenv.cfg), files over 1 MB, binary files, and
 * files of no language Ferry reads (not counted at all).
 */
class AppFolderTest {

    @Test
    void readsTheAppsFilesAndCountsWhatItLeftOut(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("app.py"), "q = 'SELECT 1'\n");
        Files.createDirectories(dir.resolve("web/node_modules/x"));
        Files.writeString(dir.resolve("web/node_modules/x/index.js"), "'SELECT 1'");
        Files.writeString(dir.resolve("web/main.ts"), "'SELECT 1'");
        Files.createDirectories(dir.resolve("env311/lib"));
        Files.writeString(dir.resolve("env311/pyvenv.cfg"), "home = /usr/bin\n");
        Files.writeString(dir.resolve("env311/lib/site.py"), "'SELECT 1'");
        Files.writeString(dir.resolve("bundle.min.js"), "x".repeat((int) AppFolder.MAX_BYTES + 1));
        Files.write(dir.resolve("data.sql"), new byte[] {'S', 0, 'Q', 'L'});
        Files.writeString(dir.resolve("README.md"), "SELECT 1");
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/hook.py"), "'SELECT 1'");

        AppFolder.Walk walk = AppFolder.walk(dir);
        assertEquals(List.of("app.py", "web/main.ts"), walk.files().stream().map(AppFolder.SourceFile::path).toList());
        assertEquals(List.of(".git", "env311", "web/node_modules"), walk.skippedFolders());
        assertEquals(List.of("bundle.min.js"), walk.tooBig());
        assertEquals(List.of("data.sql"), walk.binary());
        assertEquals("read 2 files (1 Python, 1 JavaScript/TypeScript); skipped .git, env311, web/node_modules; "
                + "left out 1 file over 1 MB; left out 1 binary file", walk.summary());
    }
}
