package dev.ferry.verify;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * check-app's report as one self-contained page (src/main/jte/app-report.jte): each statement as
 * the app has it and as PostgreSQL takes it, side by side, with its status and proof in words and
 * marks. The same stylesheet and the same escaping as the run's report: the SQL is the app's.
 */
public final class AppHtml {

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            AppHtml.class.getClassLoader(), AppHtml.class.getPackageName());

    private AppHtml() {
    }

    public static String render(AppReport report) {
        StringBuilder page = new StringBuilder(16_384);
        TEMPLATES.render("app-report.jte", new Page(report, css()), new EscapingOutput(page));
        return page.toString();
    }

    /** What the template shows, with the words and marks for each status. */
    public record Page(AppReport report, String css) {

        public static String mark(AppReport.Statement s) {
            return switch (String.valueOf(s.proof())) {
                case StatementProof.SAME, StatementProof.PREPARED -> "✓";
                case StatementProof.FAILED, StatementProof.DIFFERENT -> "✗";
                default -> "•";
            };
        }

        public static String tone(AppReport.Statement s) {
            return switch (String.valueOf(s.proof())) {
                case StatementProof.SAME, StatementProof.PREPARED -> "ok";
                case StatementProof.FAILED, StatementProof.DIFFERENT -> "bad";
                default -> "warn";
            };
        }

        public String sentence() {
            AppReport.Summary s = report.summary();
            return String.format("%d statements: %d unchanged, %d translated, %d need a person", s.statements(),
                    s.count(AppReport.UNCHANGED), s.count(AppReport.TRANSLATED), s.count(AppReport.MANUAL));
        }
    }

    private static String css() {
        try (InputStream in = AppHtml.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from Ferry's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
