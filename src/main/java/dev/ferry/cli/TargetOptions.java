package dev.ferry.cli;

import dev.ferry.FerryException;
import dev.ferry.run.Migration;
import dev.ferry.postgres.Secret;
import dev.ferry.postgres.TargetAddress;
import java.io.IOException;
import picocli.CommandLine.Option;

/** The PostgreSQL options shared by migrate, verify and undo. */
final class TargetOptions {

    @Option(names = "--to", required = true, paramLabel = "URL",
            description = "PostgreSQL address: postgresql://user@host:5432/database (or a jdbc:postgresql:// URL). "
                    + "The password comes from PGPASSWORD, ~/.pgpass, --password-stdin or a prompt.")
    String url;

    @Option(names = "--schema", defaultValue = "public", paramLabel = "NAME",
            description = "PostgreSQL schema of the tables (migrate creates it if missing; default: ${DEFAULT-VALUE}).")
    String schema;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    TargetAddress address() {
        try {
            return TargetAddress.parse(url, System.getenv());
        } catch (IllegalArgumentException e) {
            throw new FerryException(FerryException.Kind.USAGE, e.getMessage(), null);
        }
    }

    /** The password, asked for on the terminal only when the server wants one and nothing else gave it. */
    Secret password(TargetAddress a, Console out) {
        try {
            Secret s = Passwords.resolve(a, passwordStdin, System.getenv());
            if (a.passwordInUrl().isPresent()) {
                out.warn("The address contains a password, which other users of this computer can see. "
                        + "Prefer PGPASSWORD, ~/.pgpass or --password-stdin.");
            }
            if (!s.isPresent() && System.console() != null) {
                try {
                    Migration.connectOnce(a, s);
                } catch (FerryException e) {
                    if (e.getMessage().contains("password")) {
                        return Passwords.prompt(a);
                    }
                    throw e;
                }
            }
            return s;
        } catch (IOException e) {
            throw new FerryException(FerryException.Kind.USAGE, "Ferry could not read the password: " + e.getMessage(), null, e);
        }
    }
}
