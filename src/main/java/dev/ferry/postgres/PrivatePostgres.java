package dev.ferry.postgres;

import dev.ferry.FerryException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Map;

/**
 * A private, temporary PostgreSQL started from the binaries shipped inside Ferry, for rehearsals
 * and the sample: no server, no credentials, gone when closed.
 */
public final class PrivatePostgres implements AutoCloseable {

    private final EmbeddedPostgres server;

    private PrivatePostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    public static PrivatePostgres start() {
        try {
            return new PrivatePostgres(EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off").start());
        } catch (IOException | RuntimeException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not start its private PostgreSQL for the rehearsal.",
                    "Check that the temporary folder has free space and allows running programs.", e);
        }
    }

    /** The address of the server's "postgres" database, user postgres, no password needed. */
    public TargetAddress address() {
        return TargetAddress.parse("postgresql://postgres@localhost:" + server.getPort() + "/postgres?sslmode=disable", Map.of());
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // the server's folder is temporary and is removed with it; nothing the user can act on
        }
    }
}
