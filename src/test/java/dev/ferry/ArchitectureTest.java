package dev.ferry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine stays free of JavaFX, so the command line runs anywhere and the wizard is only a face. */
class ArchitectureTest {

    @Test
    void noJavaFxOutsideTheUiPackage() throws IOException {
        Path main = Path.of("src/main/java/dev/ferry");
        try (Stream<Path> files = Files.walk(main)) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !main.relativize(p).startsWith("ui"))
                    .filter(p -> read(p).lines().anyMatch(l -> l.startsWith("import javafx") || l.contains("javafx.")))
                    .map(Path::toString).toList();
            assertEquals(List.of(), offenders);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
