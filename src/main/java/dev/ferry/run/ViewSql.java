package dev.ferry.run;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Takes the SELECT out of a CREATE VIEW statement. */
final class ViewSql {

    private static final Pattern HEAD = Pattern.compile("(?is)^\\s*CREATE\\s+(?:TEMP(?:ORARY)?\\s+)?VIEW\\s+"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:\"(?:[^\"]|\"\")*\"|\\[[^\\]]*\\]|`[^`]*`|[^\\s(]+)\\s*(?:\\([^)]*\\)\\s*)?AS\\s+(.*)$");

    private ViewSql() {
    }

    static String select(String createView) {
        Matcher m = HEAD.matcher(createView);
        String body = m.matches() ? m.group(1) : createView;
        return body.trim().replaceAll(";\\s*$", "");
    }
}
