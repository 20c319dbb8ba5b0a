package dev.ferry.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.postgres.TargetAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report of a run as one self-contained HTML page, for people rather than programs: the same
 * facts as the JSON report (it is rendered from it), in plain words. No script, no external file,
 * so it opens offline, can be mailed around and prints well. Every text from the run is escaped:
 * table names, values and SQL come from someone else's database.
 */
public final class HtmlReport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm '(UTC'xxx')'", Locale.ENGLISH);

    private HtmlReport() {
    }

    public static String render(ObjectNode report) {
        return render(report, ZonedDateTime.now());
    }

    static String render(ObjectNode report, ZonedDateTime written) {
        List<JsonNode> tables = list(report.path("tables"));
        List<String> differing = tables.stream().filter(t -> !t.path("checksum").path("match").asBoolean(false))
                .map(t -> str(t, "source")).toList();
        boolean ok = differing.isEmpty() && "done".equals(str(report, "status"));
        String source = str(report, "source");
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                // The page needs nothing but its own styles; say so, in case a value slips past escaping.
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>Ferry report: ").append(esc(fileName(source))).append("</title>\n<style>")
                .append(HtmlReportStyle.CSS).append("</style>\n</head>\n<body>\n<header>\n")
                .append("<p class=\"brand\">Ferry &middot; report of a move from SQLite to PostgreSQL</p>\n");
        banner(h, ok, differing, str(report, "status"));
        h.append("<dl class=\"facts\">\n");
        fact(h, "SQLite file", "<code>" + esc(source) + "</code>");
        fact(h, "PostgreSQL", "<code>" + esc(target(report)) + "</code>, schema <code>" + esc(str(report, "schema")) + "</code>");
        fact(h, "Took", esc(duration(report.path("seconds").asDouble())));
        fact(h, "Report written", esc(WHEN.format(written)));
        h.append("</dl>\n</header>\n<main>\n");
        tableSection(h, tables);
        columnSection(h, tables);
        changeSection(h, list(report.path("problems")), list(report.path("renames")));
        itemSection(h, "views", "Views", list(report.path("views")));
        itemSection(h, "triggers", "Triggers", list(report.path("triggers")));
        h.append("</main>\n<footer>Written by Ferry. This page runs no scripts and loads nothing from the internet. ")
                .append("The same facts, for programs, are in the JSON report (<code>--report report.json</code>).</footer>\n")
                .append("</body>\n</html>\n");
        return h.toString();
    }

    public static void write(ObjectNode report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(report));
    }

    private static void banner(StringBuilder h, boolean ok, List<String> differing, String status) {
        String sentence, detail;
        if (!differing.isEmpty()) {
            sentence = (differing.size() == 1 ? "One table differs: " : "Some tables differ: ") + String.join(", ", differing) + ".";
            detail = "Its row count or checksum in PostgreSQL is not the same as in SQLite. Those tables are marked ✗ below.";
            if (differing.size() > 1) {
                detail = "Their row counts or checksums in PostgreSQL are not the same as in SQLite. They are marked ✗ below.";
            }
        } else if (ok) {
            sentence = "Every table arrived: row counts and checksums match.";
            detail = "Each table in PostgreSQL has the same number of rows and the same data as in SQLite.";
        } else {
            sentence = "The run ended as “" + status + "”: not every table was checked.";
            detail = "The tables below are the ones Ferry could compare.";
        }
        h.append("<div class=\"banner ").append(ok ? "ok" : "bad").append("\" role=\"status\"><span class=\"mark\" aria-hidden=\"true\">")
                .append(ok ? "✓" : "✗").append("</span><div><p class=\"sentence\">").append(esc(sentence))
                .append("</p><p>").append(esc(detail)).append("</p></div></div>\n");
    }

    private static void tableSection(StringBuilder h, List<JsonNode> tables) {
        long src = tables.stream().mapToLong(t -> t.path("rows").path("source").asLong()).sum();
        long dst = tables.stream().mapToLong(t -> t.path("rows").path("target").asLong()).sum();
        h.append("<section id=\"tables\">\n<h2>Tables</h2>\n<p class=\"hint\">").append(count(tables.size(), "table"))
                .append(", ").append(num(src)).append(" rows in SQLite, ").append(num(dst)).append(" in PostgreSQL. ")
                .append("The checksum is a fingerprint of every value in a table: the same fingerprint on both sides ")
                .append("means the data arrived unchanged. Click a table name to see its columns.</p>\n");
        if (tables.isEmpty()) {
            h.append("<p>There were no tables to move.</p>\n</section>\n");
            return;
        }
        h.append("<div class=\"scroll\"><table class=\"grid\">\n<thead><tr><th scope=\"col\">SQLite table</th>")
                .append("<th scope=\"col\">PostgreSQL table</th><th scope=\"col\" class=\"num\">Rows in SQLite</th>")
                .append("<th scope=\"col\" class=\"num\">Rows in PostgreSQL</th><th scope=\"col\">Checksum</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < tables.size(); i++) {
            JsonNode t = tables.get(i);
            long rejected = t.path("rows").path("rejected").asLong(0);
            long rs = t.path("rows").path("source").asLong() - rejected, rt = t.path("rows").path("target").asLong();
            boolean same = t.path("checksum").path("match").asBoolean(false);
            h.append(same ? "<tr>" : "<tr class=\"bad\">").append("<th scope=\"row\"><a href=\"#table-").append(i + 1).append("\">")
                    .append(esc(str(t, "source"))).append("</a></th><td><span class=\"arrow\" aria-hidden=\"true\">→ </span>")
                    .append(esc(str(t, "target"))).append("</td><td class=\"num\">").append(num(rs + rejected))
                    .append(rejected == 0 ? "" : " <span class=\"note\">(" + num(rejected) + " rejected, as you chose)</span>")
                    .append("</td><td class=\"num")
                    .append(rs == rt ? "\">" : " diff\">").append(num(rt));
            if (rs != rt) {
                h.append(" <span class=\"note\">(").append(num(Math.abs(rt - rs))).append(rt < rs ? " fewer" : " more").append(")</span>");
            }
            h.append("</td><td>").append(badge(same)).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void columnSection(StringBuilder h, List<JsonNode> tables) {
        if (tables.isEmpty()) {
            return;
        }
        h.append("<section id=\"columns\">\n<h2>Columns, table by table</h2>\n<p class=\"hint\">Open a table to see how each ")
                .append("column moved: the type SQLite declared, the PostgreSQL type Ferry chose, the rule that chose it, ")
                .append("and what the column actually holds. SQLite lets any value into any column, so Ferry looks at the data, ")
                .append("not only at the declared type.</p>\n");
        for (int i = 0; i < tables.size(); i++) {
            JsonNode t = tables.get(i);
            boolean same = t.path("checksum").path("match").asBoolean(false);
            List<JsonNode> cols = list(t.path("columns"));
            h.append("<details id=\"table-").append(i + 1).append(same ? "\">" : "\" open>").append("<summary><strong>")
                    .append(esc(str(t, "source"))).append("</strong> → <strong>").append(esc(str(t, "target")))
                    .append("</strong> <span class=\"muted\">· ").append(count(cols.size(), "column")).append(" · ")
                    .append(same ? "✓ same" : "✗ differs").append("</span></summary>\n");
            if (cols.isEmpty()) {
                h.append("<p>Ferry has no column plan for this table.</p>\n");
            } else {
                h.append("<div class=\"scroll\"><table class=\"grid cols\">\n<thead><tr><th scope=\"col\">SQLite column</th>")
                        .append("<th scope=\"col\">PostgreSQL column</th><th scope=\"col\">Declared in SQLite</th>")
                        .append("<th scope=\"col\">Type in PostgreSQL</th><th scope=\"col\">Rule</th><th scope=\"col\">What the data holds</th>")
                        .append("</tr></thead>\n<tbody>\n");
                for (JsonNode c : cols) {
                    String declared = str(c, "declared");
                    h.append("<tr><th scope=\"row\">").append(esc(str(c, "source"))).append("</th><td>").append(esc(str(c, "target")))
                            .append("</td><td>").append(declared == null || declared.isBlank() ? "<span class=\"muted\">(none)</span>"
                                    : "<code>" + esc(declared) + "</code>")
                            .append("</td><td><code>").append(esc(str(c, "type"))).append("</code></td><td>").append(esc(str(c, "rule")))
                            .append("</td><td>").append(esc(str(c, "holds"))).append("</td></tr>\n");
                }
                h.append("</tbody>\n</table></div>\n");
            }
            h.append("<p class=\"sums\">Checksum in SQLite <code>").append(esc(str(t.path("checksum"), "source")))
                    .append("</code>, in PostgreSQL <code>").append(esc(str(t.path("checksum"), "target"))).append("</code>.</p>\n</details>\n");
        }
        h.append("</section>\n");
    }

    private static void changeSection(StringBuilder h, List<JsonNode> problems, List<JsonNode> renames) {
        h.append("<section id=\"changes\">\n<h2>What Ferry changed and why</h2>\n");
        if (problems.isEmpty() && renames.isEmpty()) {
            h.append("<p>Nothing: every table, column and name moved as it was.</p>\n</section>\n");
            return;
        }
        if (!problems.isEmpty()) {
            h.append("<p class=\"hint\">").append(count(problems.size(), "thing")).append(" PostgreSQL would not take as it was. ")
                    .append("For each, Ferry chose the way that loses no data, unless you chose otherwise.</p>\n<ol class=\"cards\">\n");
            for (JsonNode p : problems) {
                h.append("<li class=\"card\"><p class=\"msg\">").append(esc(str(p, "message"))).append("</p>\n<dl class=\"meta\">");
                String where = str(p, "table") == null ? null : str(p, "table") + (str(p, "column") == null ? "" : "." + str(p, "column"));
                if (where != null) {
                    fact(h, "Where", "<code>" + esc(where) + "</code>");
                }
                fact(h, "What", esc(kind(str(p, "kind"))));
                if (p.path("count").asLong() > 0) {
                    fact(h, "How many", num(p.path("count").asLong()));
                }
                fact(h, "What Ferry did", esc(str(p, "resolution")));
                List<JsonNode> examples = list(p.path("examples"));
                if (!examples.isEmpty()) {
                    StringBuilder ex = new StringBuilder("<ul class=\"examples\">");
                    examples.forEach(e -> ex.append("<li><code>").append(esc(e.isNull() ? "NULL" : e.asText())).append("</code></li>"));
                    fact(h, "For example", ex.append("</ul>").toString());
                }
                h.append("</dl></li>\n");
            }
            h.append("</ol>\n");
        }
        if (!renames.isEmpty()) {
            h.append("<h3>Names that changed</h3>\n<p class=\"hint\">PostgreSQL folds unquoted names to lower case and cuts them ")
                    .append("at 63 bytes, so some names change on the way. Use the new name in your application's SQL.</p>\n")
                    .append("<div class=\"scroll\"><table class=\"grid\">\n<thead><tr><th scope=\"col\">What</th><th scope=\"col\">In table</th>")
                    .append("<th scope=\"col\">SQLite name</th><th scope=\"col\">PostgreSQL name</th><th scope=\"col\">Why</th></tr></thead>\n<tbody>\n");
            for (JsonNode r : renames) {
                h.append("<tr><td>").append(esc(str(r, "kind"))).append("</td><td>").append(esc(str(r, "table")))
                        .append("</td><td><code>").append(esc(str(r, "from"))).append("</code></td><td><span class=\"arrow\" aria-hidden=\"true\">→ </span><code>")
                        .append(esc(str(r, "to"))).append("</code></td><td>").append(esc(str(r, "reason"))).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table></div>\n");
        }
        h.append("</section>\n");
    }

    private static void itemSection(StringBuilder h, String id, String title, List<JsonNode> items) {
        h.append("<section id=\"").append(id).append("\">\n<h2>").append(title).append("</h2>\n");
        if (items.isEmpty()) {
            h.append("<p>The SQLite file has no ").append(title.toLowerCase(Locale.ROOT)).append(".</p>\n</section>\n");
            return;
        }
        h.append("<ol class=\"cards\">\n");
        for (JsonNode i : items) {
            String status = str(i, "status") == null ? "" : str(i, "status");
            String cls = switch (status) {
                case "created" -> "ok";
                case "failed" -> "bad";
                default -> "warn";
            };
            String sign = switch (status) {
                case "created" -> "✓ created";
                case "failed" -> "✗ failed";
                case "skipped" -> "– not created";
                case "created-differs" -> "✗ created, differs";
                default -> "– " + status;
            };
            h.append("<li class=\"card\"><p class=\"item\"><strong>").append(esc(str(i, "name"))).append("</strong>");
            if (str(i, "target") != null) {
                h.append(" → <strong>").append(esc(str(i, "target"))).append("</strong>");
            }
            h.append(" <span class=\"badge ").append(cls).append("\">").append(esc(sign)).append("</span></p>\n");
            if (str(i, "reason") != null) {
                h.append("<p>").append(esc(str(i, "reason"))).append("</p>\n");
            }
            if (i.path("proof").hasNonNull("text")) {
                h.append("<p>Proof: ").append(esc(i.path("proof").path("text").asText())).append("</p>\n");
            }
            if (!status.startsWith("created")) {
                h.append("<p class=\"hint\">It is not in PostgreSQL. Its SQLite definition is below, so you can recreate it by hand.</p>\n");
            }
            if (str(i, "sql") != null) {
                h.append("<pre><code>").append(esc(str(i, "sql"))).append("</code></pre>\n");
            }
            h.append("</li>\n");
        }
        h.append("</ol>\n</section>\n");
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

    private static void fact(StringBuilder h, String term, String html) {
        h.append("<dt>").append(term).append("</dt><dd>").append(html).append("</dd>\n");
    }

    private static String badge(boolean same) {
        return same ? "<span class=\"badge ok\">✓ same</span>" : "<span class=\"badge bad\">✗ differs</span>";
    }

    /** The address as the report has it; redacted once more, so a password never reaches the page. */
    private static String target(JsonNode report) {
        String t = str(report, "target");
        return t == null ? null : TargetAddress.redact(t);
    }

    private static String str(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static String kind(String id) {
        return id == null || id.isEmpty() ? "" : Character.toUpperCase(id.charAt(0)) + id.substring(1).replace('-', ' ');
    }

    private static String num(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String count(long n, String what) {
        return num(n) + " " + what + (n == 1 ? "" : "s");
    }

    private static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f seconds", seconds);
        }
        long s = Math.round(seconds);
        return s / 3600 > 0 ? String.format(Locale.ROOT, "%d h %02d min %02d s", s / 3600, s % 3600 / 60, s % 60)
                : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }

    private static String fileName(String path) {
        return path == null ? "" : path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }
}
