package dev.ferry.cli;

import dev.ferry.run.Migration;
import dev.ferry.run.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * --view-meaning NAME=sqlite|postgresql, for migrate, rehearse and verify: which meaning a created
 * view has where the two databases differ (dates SQLite compared as the text it stored). PostgreSQL's
 * is the default; SQLite's makes the view again after the run and proves it again; on verify, the
 * view of an earlier run is made again with the meaning asked for, the one thing verify then changes.
 */
final class ViewMeaningOptions {

    @Option(names = "--view-meaning", paramLabel = "NAME=sqlite|postgresql", description = "For view NAME (its SQLite "
            + "name), the meaning to keep where SQLite and PostgreSQL differ: postgresql (the default: dates compared as "
            + "points in time) or sqlite (dates compared as the text SQLite stored, as SQLite did; the view is made again "
            + "and its rows compared with SQLite's again). Repeat it for several views.")
    List<String> meanings = new ArrayList<>();

    /** The views to give SQLite's meaning, checked before anything runs. */
    List<String> sqliteViews() {
        return views("sqlite");
    }

    /** The views to give PostgreSQL's meaning (again, for verify; at migrate it is already theirs). */
    List<String> postgresViews() {
        return views("postgresql");
    }

    private List<String> views(String wanted) {
        List<String> out = new ArrayList<>();
        for (String m : meanings) {
            int eq = m.lastIndexOf('=');
            String name = eq < 0 ? "" : m.substring(0, eq);
            String meaning = eq < 0 ? "" : m.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
            if (name.isBlank() || !(meaning.equals("sqlite") || meaning.equals("postgresql"))) {
                throw new IllegalArgumentException("--view-meaning takes NAME=sqlite or NAME=postgresql (it was '" + m + "').");
            }
            if (meaning.equals(wanted)) {
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

    /** For verify: the result with each view asked for given the meaning asked for, before the summary. */
    Result applyBoth(Console c, Migration run, Result r) {
        for (String view : postgresViews()) {
            if (r.views().stream().anyMatch(v -> v.name().equals(view) && v.sqliteMeaning())) {
                c.info("Making view " + view + " again with PostgreSQL's meaning…");
            }
            r = run.usePostgresMeaning(r, view);
        }
        return apply(c, run, r, sqliteViews());
    }
}
