package dev.ferry.verify;

import gg.jte.html.HtmlTemplateOutput;

/**
 * Where the report's template writes: its own markup as it is, every value from the run through
 * {@link HtmlReport#esc}. jte's own HTML escaping would leave NUL bytes and broken surrogates in
 * the page, and SQLite text may hold both; this keeps the page valid UTF-8 and shows them instead.
 * Values are escaped the same way inside elements and attribute values, so the template's context
 * changes need nothing.
 */
final class EscapingOutput implements HtmlTemplateOutput {

    private final StringBuilder page;

    EscapingOutput(StringBuilder page) {
        this.page = page;
    }

    @Override
    public void writeContent(String markup) {
        page.append(markup);
    }

    @Override
    public void writeContent(String markup, int beginIndex, int endIndex) {
        page.append(markup, beginIndex, endIndex);
    }

    @Override
    public void writeUserContent(String value) {
        page.append(HtmlReport.esc(value));
    }

    @Override
    public void writeUserContent(char value) {
        writeUserContent(String.valueOf(value));
    }

    @Override
    public void writeUserContent(Character value) {
        writeUserContent(value == null ? null : value.toString());
    }

    @Override
    public void setContext(String tagName, String attributeName) {
        // the same escaping serves every context
    }
}
