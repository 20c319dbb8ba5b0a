package dev.ferry.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZonedDateTime;

/**
 * The report of a run as one self-contained HTML page, for people rather than programs: the same
 * facts as the JSON report (rendered from the same {@link RunReport} records), in plain words. No
 * script, no external file, so it opens offline, can be mailed around and prints well. Every text
 * from the run is escaped: table names, values and SQL come from someone else's database.
 *
 * <p>The markup is a jte template (src/main/jte/report.jte), compiled to Java when Ferry is built,
 * so the trimmed runtime of the installers needs no compiler. The stylesheet is report.css next to
 * this class, inlined into the page; green and red there always come with ✓ and ✗ (and words), so
 * the page reads the same in greyscale print or to someone who does not see the colours.
 */
public final class HtmlReport {

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            HtmlReport.class.getClassLoader(), HtmlReport.class.getPackageName());
    private static final String CSS = css();

    private HtmlReport() {
    }

    public static String render(RunReport report) {
        return render(report, ZonedDateTime.now());
    }

    static String render(RunReport report, ZonedDateTime written) {
        StringBuilder page = new StringBuilder(16_384);
        TEMPLATES.render("report.jte", new ReportPage(report, CSS, written), new EscapingOutput(page));
        return page.toString();
    }

    public static void write(RunReport report, Path file) throws IOException {
        Report.writeFile(file, render(report));
    }

    /** The page of a report held as a JSON tree (see {@link Report#build}). */
    public static String render(ObjectNode report) {
        return render(Report.read(report));
    }

    static String render(ObjectNode report, ZonedDateTime written) {
        return render(Report.read(report), written);
    }

    public static void write(ObjectNode report, Path file) throws IOException {
        write(Report.read(report), file);
    }

    /**
     * Text as HTML that shows exactly that text, inside elements and attribute values alike. Control
     * characters become their visible symbols (U+2400 block) and broken surrogates the replacement
     * character: SQLite text may hold NUL bytes or bad UTF-8, and the page must stay valid UTF-8.
     */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\t', '\n', '\r' -> b.append(c);
                default -> {
                    if (c < 0x20) {
                        b.append((char) (0x2400 + c));
                    } else if (c == 0x7F) {
                        b.append('\u2421');
                    } else if (c >= 0x80 && c < 0xA0) {
                        b.append('\uFFFD');
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

private static String css() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from Ferry's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
