package dev.ferry.ui;

import dev.ferry.postgres.TargetAddress;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A connection string as hosting services hand them out (postgresql://user:pw@host:port/db or its
 * JDBC form), read into the Target page's fields by the engine's own parser.
 */
final class ConnectionString {

    /** The fields, as text; password, sslMode and rootCert are null when the address has none. */
    record Fields(String host, String port, String database, String user, String password, String sslMode, String rootCert) {
    }

    private static final Pattern ADDRESS = Pattern.compile("(?i)\\s*(jdbc:)?postgres(ql)?://.*", Pattern.DOTALL);

    private ConnectionString() {
    }

    static boolean looksLikeOne(String text) {
        return text != null && ADDRESS.matcher(text).matches();
    }

    /** @throws IllegalArgumentException in plain words, the password never repeated */
    static Fields read(String text) {
        String t = text.trim();
        // the engine's parser reads the lower-case schemes; a host's panel may write them otherwise
        t = t.replaceFirst("(?i)^(jdbc:)?postgres(ql)?://", "$1postgresql://").replaceFirst("(?i)^jdbc:", "jdbc:");
        TargetAddress a = TargetAddress.parse(t, Map.of());
        Map<String, String> p = a.params();
        return new Fields(a.host(), String.valueOf(a.port()), a.database(), a.user(),
                a.passwordInUrl().isPresent() ? a.passwordInUrl().reveal() : null, p.get("sslmode"), p.get("sslrootcert"));
    }
}
