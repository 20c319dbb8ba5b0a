package dev.ferry.cli;

import dev.ferry.run.Migration;
import dev.ferry.run.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * --view-meaning NAME=sqlite|postgresql, for migrate and rehearse: which meaning a created view has
 * where the two databases differ (dates SQLite compared as the text it stored). PostgreSQL's is the
 * default; SQLite's makes the view again after the run and proves it again.
 */
final class ViewMeaningOptions {

    @Option(names = "--view-meaning", paramLabel = "NAME=sqlite|postgresql", description = "For view NAME (its SQLite "
            + "name), the meaning to keep where SQLite and PostgreSQL differ: postgresql (the default: dates compared as "
            + "points in time) or sqlite (dates compared as the text SQLite stored, as SQLite did; the view is made again "
            + "and its rows compared with SQLite's again). Repeat it for several views.")
    List<String> meanings = new ArrayList<>();

    /** The views to give SQLite's meaning, checked before anything runs. */
    List<String> sqliteViews() {
        List<String> out = new ArrayList<>();
        for (String m : meanings) {
            int eq = m.lastIndexOf('=');
            String name = eq < 0 ? "" : m.substring(0, eq);
            String meaning = eq < 0 ? "" : m.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
            if (name.isBlank() || !(meaning.equals("sqlite") || meaning.equals("postgresql"))) {
                throw new IllegalArgumentException("--view-meaning takes NAME=sqlite or NAME=postgresql (it was '" + m + "').");
            }
            if (meaning.equals("sqlite")) {
                out.add(name);
            }
        }
        return out;
    }

    /** The run's result with SQLite's meaning made for each view asked for. */
    static Result apply(Console c, Migration run, Result r, List<String> views) {
        for (String view : views) {
            c.info("Making view " + view + " again with SQLite's meaning…");
            r = run.useSqliteMeaning(r, view);
        }
        return r;
    }
}
