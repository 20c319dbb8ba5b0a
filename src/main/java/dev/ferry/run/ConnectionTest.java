package dev.ferry.run;

import dev.ferry.postgres.Naming;
import dev.ferry.postgres.PgTarget;
import dev.ferry.postgres.Secret;
import dev.ferry.postgres.TargetAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one connection to the target tells before a run (the wizard's Test connection): the server
 * version, whether the connection is encrypted, whether this user may create what a run into
 * schema public creates (the same rule the run checks, {@link Privileges}), and which of the tables
 * Ferry would create there already exist.
 *
 * @param existing the source tables' names as the default identifier style writes them, that are
 *                 in schema public already; the Options step checks again with the final plan
 */
public record ConnectionTest(String serverVersion, boolean encrypted, boolean canCreate, List<String> existing) {

    static final String SCHEMA = "public";

    public ConnectionTest {
        existing = List.copyOf(existing);
    }

    static ConnectionTest run(TargetAddress address, Secret secret, List<String> sourceTables) {
        try (PgTarget target = PgTarget.connect(address, secret, 1)) {
            Set<String> names = new LinkedHashSet<>(new Naming(Naming.Style.LOWER).assign(sourceTables, Set.of()).values());
            List<String> existing = List.copyOf(Creator.existing(target, SCHEMA, names));
            return new ConnectionTest(target.serverVersion(), target.encrypted(), Privileges.allows(target, SCHEMA), existing);
        }
    }
}
