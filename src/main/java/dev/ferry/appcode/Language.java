package dev.ferry.appcode;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The languages whose strings Ferry reads, each with its file names, its lexer and how its code
 * joins strings: the concatenation operator, whether two literals side by side are one string
 * (Python, Ruby), and the format calls that fill holes in a literal at run time. SQL files are split
 * into statements instead; config files (a Prisma schema, Rails' database.yml, manifests) are read
 * only to find the driver and the ORM.
 */
public enum Language {
    PYTHON("Python", List.of("py", "pyw"), PythonLexer::new, Set.of("+"), true, Set.of("%"),
            Set.of("format")),
    JAVASCRIPT("JavaScript/TypeScript", List.of("js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx"),
            JavaScriptLexer::new, Set.of("+"), false, Set.of(), Set.of("format")),
    GO("Go", List.of("go"), GoLexer::new, Set.of("+"), false, Set.of(), Set.of("Sprintf", "Fprintf", "Errorf")),
    JAVA("Java", List.of("java"), JavaLexer::new, Set.of("+"), false, Set.of(), Set.of("format", "formatted")),
    KOTLIN("Kotlin", List.of("kt", "kts"), KotlinLexer::new, Set.of("+"), false, Set.of(), Set.of("format")),
    CSHARP("C#", List.of("cs"), CSharpLexer::new, Set.of("+"), false, Set.of(), Set.of("Format")),
    RUBY("Ruby", List.of("rb", "rake"), RubyLexer::new, Set.of("+"), true, Set.of("%"), Set.of("format", "sprintf")),
    PHP("PHP", List.of("php"), PhpLexer::new, Set.of("."), false, Set.of(), Set.of("sprintf", "vsprintf")),
    SQL("SQL", List.of("sql"), null, Set.of(), false, Set.of(), Set.of()),
    CONFIG("config", List.of("prisma", "yml", "yaml", "csproj", "gradle", "toml"), null, Set.of(), false, Set.of(), Set.of());

    /** Config files known by their whole name. */
    private static final Set<String> CONFIG_NAMES = Set.of("package.json", "go.mod", "requirements.txt", "pipfile",
            "gemfile", "composer.json", "pom.xml", "setup.cfg");

    private final String label;
    private final List<String> extensions;
    private final Function<String, CodeLexer> lexer;
    final Set<String> concat;
    final boolean adjacentJoin;
    final Set<String> formatOperators;
    final Set<String> formatCalls;

    Language(String label, List<String> extensions, Function<String, CodeLexer> lexer, Set<String> concat,
             boolean adjacentJoin, Set<String> formatOperators, Set<String> formatCalls) {
        this.label = label;
        this.extensions = extensions;
        this.lexer = lexer;
        this.concat = concat;
        this.adjacentJoin = adjacentJoin;
        this.formatOperators = formatOperators;
        this.formatCalls = formatCalls;
    }

    /** The name a person reads ("Python", "C#"). */
    public String label() {
        return label;
    }

    /** Whether its strings are read (a source language), rather than split (SQL) or only searched (config). */
    public boolean hasStrings() {
        return lexer != null;
    }

    List<Token> tokens(String source) {
        return lexer.apply(source).tokens();
    }

    /** The language of a file, or empty when Ferry does not read files like it. */
    public static Optional<Language> of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (CONFIG_NAMES.contains(name) || name.startsWith("requirements") && name.endsWith(".txt")) {
            return Optional.of(CONFIG);
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ext = name.substring(dot + 1);
        for (Language l : values()) {
            if (l.extensions.contains(ext)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
