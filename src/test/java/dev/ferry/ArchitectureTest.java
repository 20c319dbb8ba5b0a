package dev.ferry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Ferry's packages form a one-way stack (docs/architecture.md draws it): a package may use only the
 * packages below it, so a newcomer can read the code from the bottom up and no change in a lower
 * room breaks on a higher one. Both imports and fully-qualified names count, since a cycle once hid
 * behind names written out in full. The engine stays free of JavaFX, so the command line runs
 * anywhere and the wizard is only a face.
 *
 * <p>Run {@code ./mvnw -B test -Dtest=ArchitectureTest} to print the package graph.
 */
class ArchitectureTest {

    static final Path MAIN = Path.of("src/main/java/dev/ferry");

    /**
     * What each package may use, bottom first. The root package ({@code dev.ferry}) holds only what
     * every layer shares: the user-facing exception and the app's folders.
     */
    static final Map<String, Set<String>> ALLOWED = allowed(
            "(root)", "",
            "value", "(root)",
            "schema", "(root) value",
            "sample", "(root)",
            "sqlite", "(root) value schema",
            "plan", "(root) value schema sqlite",
            "postgres", "(root) value schema plan",
            "translate", "(root) value schema sqlite plan postgres",
            "appcode", "(root) value schema sqlite plan postgres translate",
            "verify", "(root) value schema sqlite plan postgres translate appcode",
            "run", "(root) value schema sqlite plan postgres translate verify appcode",
            "cli", "(root) value schema plan postgres verify run sample appcode",
            "ui", "(root) value schema plan postgres verify run sample appcode",
            "app", "(root) cli ui");

    /** The faces call the engine's facade; they hold no JDBC of their own. */
    static final Set<String> FACES = Set.of("cli", "ui", "app");

    @Test
    void packagesFormAOneWayStack() {
        Map<String, Set<String>> graph = graph(MAIN);
        System.out.println("Package graph (a package -> the packages it uses):");
        graph.forEach((p, uses) -> System.out.println("  " + p + " -> " + String.join(", ", uses)));
        assertEquals(List.of(), wrongWay(graph));
        assertTrue(ALLOWED.keySet().containsAll(graph.keySet()),
                "every package has a place in the stack: " + graph.keySet());
    }

    @Test
    void aWrongWayReferenceIsCaught() throws IOException {
        Path tmp = Files.createTempDirectory("arch");
        Path sqlite = Files.createDirectories(tmp.resolve("sqlite"));
        Files.writeString(sqlite.resolve("Bad.java"),
                "package dev.ferry.sqlite;\nclass Bad { Object p = dev.ferry.plan.Plan.class; }\n");
        Path plan = Files.createDirectories(tmp.resolve("plan"));
        Files.writeString(plan.resolve("Good.java"),
                "package dev.ferry.plan;\nimport dev.ferry.sqlite.Bad;\nclass Good {}\n");
        assertEquals(List.of("sqlite -> plan (Bad.java)"), wrongWay(graphWithFiles(tmp)));
    }

    @Test
    void noJavaFxOutsideTheUiPackage() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !MAIN.relativize(p).startsWith("ui"))
                    .filter(p -> read(p).lines().anyMatch(l -> l.startsWith("import javafx") || l.contains("javafx.")))
                    .map(Path::toString).toList();
            assertEquals(List.of(), offenders);
        }
    }

    @Test
    void theFacesHoldNoJdbc() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String face : FACES) {
            Path dir = MAIN.resolve(face);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> read(p).contains("java.sql.") || read(p).contains("DriverManager"))
                        .forEach(p -> offenders.add(MAIN.relativize(p).toString()));
            }
        }
        assertEquals(List.of(), offenders);
    }

    private static List<String> wrongWay(Map<String, Set<String>> graph) {
        List<String> wrong = new ArrayList<>();
        graph.forEach((p, uses) -> {
            for (String u : uses) {
                String used = u.replaceAll(" \\(.*", "");
                if (!ALLOWED.getOrDefault(p, Set.of()).contains(used)) {
                    wrong.add(p + " -> " + u);
                }
            }
        });
        return wrong;
    }

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+dev\\.ferry(?:\\.(\\w+))?\\s*;", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.ferry\\.(?:([a-z_]\\w*)\\.)?[A-Z]");

    /** Package -> packages it names, each once (with the first file that names it). */
    static Map<String, Set<String>> graph(Path root) {
        Map<String, Set<String>> withFiles = graphWithFiles(root);
        Map<String, Set<String>> plain = new TreeMap<>();
        withFiles.forEach((p, uses) -> {
            Set<String> names = new TreeSet<>();
            uses.forEach(u -> names.add(u.replaceAll(" \\(.*", "")));
            plain.put(p, names);
        });
        return plain;
    }

    private static Map<String, Set<String>> graphWithFiles(Path root) {
        Map<String, Map<String, String>> edges = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> {
                String src = read(p);
                Matcher pm = PACKAGE.matcher(src);
                if (!pm.find()) {
                    return;
                }
                String me = pm.group(1) == null ? "(root)" : pm.group(1);
                Map<String, String> uses = edges.computeIfAbsent(me, k -> new TreeMap<>());
                Matcher m = REFERENCE.matcher(src);
                while (m.find()) {
                    String other = m.group(1) == null ? "(root)" : m.group(1);
                    if (!other.equals(me)) {
                        uses.putIfAbsent(other, p.getFileName().toString());
                    }
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Set<String>> out = new TreeMap<>();
        edges.forEach((p, uses) -> {
            Set<String> s = new TreeSet<>();
            uses.forEach((u, file) -> s.add(u + " (" + file + ")"));
            out.put(p, s);
        });
        return out;
    }

    private static Map<String, Set<String>> allowed(String... pairs) {
        Map<String, Set<String>> map = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1].isBlank() ? Set.of() : Set.of(pairs[i + 1].split(" ")));
        }
        return map;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
