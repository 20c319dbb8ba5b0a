package dev.ferry.run;

import dev.ferry.postgres.PrivatePostgres;
import dev.ferry.postgres.Secret;
import dev.ferry.postgres.TargetAddress;

/**
 * A rehearsal's private, temporary PostgreSQL: started by {@link Migration#startRehearsal}, aimed at
 * by {@link #options}, gone when closed. A face may keep one open after the run, so the user can
 * resume into it or look at the result, and closes it when done.
 */
public final class Rehearsal implements AutoCloseable {

    private final PrivatePostgres server;

    private Rehearsal(PrivatePostgres server) {
        this.server = server;
    }

    static Rehearsal start() {
        return new Rehearsal(PrivatePostgres.start());
    }

    /** Where the rehearsal's server is: its "postgres" database, user postgres. */
    public TargetAddress address() {
        return server.address();
    }

    /** The same run, aimed at this private server instead of the user's PostgreSQL (it needs no password). */
    public Options options(Options real) {
        return real.withTarget(address(), Secret.NONE);
    }

    @Override
    public void close() {
        server.close();
    }
}
