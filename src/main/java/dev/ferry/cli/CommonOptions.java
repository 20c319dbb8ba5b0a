package dev.ferry.cli;

import dev.ferry.mapping.PgType;
import dev.ferry.run.Options;
import dev.ferry.target.Naming;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command that plans a migration shares. */
final class CommonOptions {

    @Option(names = "--names", defaultValue = "lower", paramLabel = "lower|snake|exact",
            description = "How table and column names are written in PostgreSQL: lower (fold to lower case, so "
                    + "unquoted SQL keeps working), snake (InvoiceLine becomes invoice_line) or exact (keep as is, "
                    + "quoted). Default: ${DEFAULT-VALUE}.")
    String names;

    @Option(names = "--type", paramLabel = "TABLE.COLUMN=TYPE",
            description = "Choose a column's PostgreSQL type yourself, e.g. --type track.bytes=bigint. Repeatable.")
    Map<String, String> types = new LinkedHashMap<>();

    @Option(names = {"-v", "--verbose"}, description = "Show technical details of errors.")
    boolean verbose;

    Console console() {
        return new Console(verbose);
    }

    Options apply(Options o) {
        Naming.Style style = switch (names.toLowerCase(Locale.ROOT)) {
            case "lower" -> Naming.Style.LOWER;
            case "snake" -> Naming.Style.SNAKE;
            case "exact" -> Naming.Style.EXACT;
            default -> throw new IllegalArgumentException("--names takes lower, snake or exact, not '" + names + "'.");
        };
        Map<String, PgType> overrides = new LinkedHashMap<>();
        types.forEach((k, v) -> overrides.put(k.toLowerCase(Locale.ROOT), PgType.parse(v)));
        return o.withNaming(style).withOverrides(overrides);
    }
}
