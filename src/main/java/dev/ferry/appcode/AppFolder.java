package dev.ferry.appcode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The app's own files: every file of a language Ferry reads, under the folder the user chose,
 * except what the app did not write (dependencies, virtual environments, build output, version
 * control), files too big to be hand-written code and binary files. What was read and what was
 * left out is counted, so the report can say both.
 */
public final class AppFolder {

    /** Folders of dependencies and build output: the app's SQL is not in them. */
    static final Set<String> SKIPPED = Set.of("node_modules", ".venv", "venv", "vendor", "dist", "build", "target",
            ".git", "__pycache__", ".next", "bin", "obj", ".tox", ".mypy_cache", ".pytest_cache", ".gradle", ".idea");
    /** Bigger than any hand-written source file; minified bundles and dumps are. */
    static final long MAX_BYTES = 1 << 20;

    /** A file that was read: its path relative to the folder (with / between names), its language and text. */
    public record SourceFile(String path, Language language, String text) {
    }

    /** What a walk read and left out. */
    public record Walk(List<SourceFile> files, List<String> skippedFolders, List<String> tooBig, List<String> binary) {

        public Walk {
            files = List.copyOf(files);
            skippedFolders = List.copyOf(skippedFolders);
            tooBig = List.copyOf(tooBig);
            binary = List.copyOf(binary);
        }

        /** Files read per language, most first. */
        public Map<Language, Integer> counts() {
            Map<Language, Integer> counts = new EnumMap<>(Language.class);
            files.forEach(f -> counts.merge(f.language(), 1, Integer::sum));
            return counts;
        }

        /** "read 37 files (21 Python, 16 SQL); skipped node_modules, .venv" */
        public String summary() {
            String perLanguage = counts().entrySet().stream()
                    .sorted(Map.Entry.<Language, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> e.getValue() + " " + e.getKey().label())
                    .collect(Collectors.joining(", "));
            StringBuilder sb = new StringBuilder("read ").append(files.size()).append(files.size() == 1 ? " file" : " files");
            if (!files.isEmpty()) {
                sb.append(" (").append(perLanguage).append(')');
            }
            if (!skippedFolders.isEmpty()) {
                sb.append("; skipped ").append(String.join(", ", skippedFolders));
            }
            if (!tooBig.isEmpty()) {
                sb.append("; left out ").append(tooBig.size()).append(tooBig.size() == 1 ? " file" : " files")
                        .append(" over 1 MB");
            }
            if (!binary.isEmpty()) {
                sb.append("; left out ").append(binary.size()).append(" binary ").append(binary.size() == 1 ? "file" : "files");
            }
            return sb.toString();
        }
    }

    private AppFolder() {
    }

    public static Walk walk(Path root) {
        List<SourceFile> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> tooBig = new ArrayList<>();
        List<String> binary = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    // a virtual environment under any name carries pyvenv.cfg
                    if (SKIPPED.contains(dir.getFileName().toString()) || Files.exists(dir.resolve("pyvenv.cfg"))) {
                        skipped.add(relative(root, dir));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Language language = attrs.isRegularFile() ? Language.of(file).orElse(null) : null;
                    if (language == null) {
                        return FileVisitResult.CONTINUE;
                    }
                    String rel = relative(root, file);
                    if (attrs.size() > MAX_BYTES) {
                        tooBig.add(rel);
                        return FileVisitResult.CONTINUE;
                    }
                    byte[] bytes = Files.readAllBytes(file);
                    if (isBinary(bytes)) {
                        binary.add(rel);
                        return FileVisitResult.CONTINUE;
                    }
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    files.add(new SourceFile(rel, language, text.startsWith("\uFEFF") ? text.substring(1) : text));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // a file we may not read is not the app's SQL we can check
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(Comparator.comparing(SourceFile::path));
        skipped.sort(null);
        return new Walk(files, skipped, tooBig, binary);
    }

    /** A NUL byte in the first 8 KB: no source file has one. */
    static boolean isBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }
}
