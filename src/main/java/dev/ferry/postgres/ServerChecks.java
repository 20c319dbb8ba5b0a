package dev.ferry.postgres;

import dev.ferry.FerryException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import javax.net.ssl.SSLException;

/**
 * What a refused or failed connection means for the user: one function per question, so each
 * case (wrong password, no database, TLS, a server too old or read-only) has one message, tested
 * directly. Messages name the user, host and database, never the password.
 */
public final class ServerChecks {

    /** PostgreSQL 12: generated columns, and the oldest version still widely hosted. */
    public static final int MIN_VERSION_NUM = 120000;

    private ServerChecks() {
    }

    /** A server Ferry cannot write to, found right after connecting; null when it is fine. */
    public static FerryException refuse(int versionNum, String version, boolean inRecovery, TargetAddress a) {
        String where = a.host() + ":" + a.port();
        if (versionNum < MIN_VERSION_NUM) {
            return new FerryException(FerryException.Kind.TARGET, "The server at " + where + " runs PostgreSQL " + version
                    + "; Ferry needs PostgreSQL 12 or newer.", "Migrate into a newer server (PostgreSQL 12 or later), "
                    + "or ask its administrator to upgrade it.");
        }
        if (inRecovery) {
            return new FerryException(FerryException.Kind.TARGET, "The server at " + where + " is a read-only standby "
                    + "(a replica): nothing can be written to it.", "Use the address of the primary server instead.");
        }
        return null;
    }

    /** Turns a connection failure into what happened and what to do. */
    public static FerryException explain(SQLException e, TargetAddress a) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String text = String.valueOf(e.getMessage());
        String where = a.host() + ":" + a.port();
        Throwable root = e;
        boolean tls = false;
        while (root.getCause() != null) {
            root = root.getCause();
            tls |= root instanceof SSLException;
        }
        String sslmode = a.params().getOrDefault("sslmode", "prefer");
        String message;
        String advice;
        String tag = null;
        if (text.contains("no password was provided")) { // pgjdbc's words when the server asks and none was given
            message = "PostgreSQL asked for a password for user '" + a.user() + "', and none was given.";
            advice = "Give the password: type it when Ferry asks (on a terminal), set PGPASSWORD, put it in ~/.pgpass, "
                    + "or pass it on standard input with --password-stdin.";
            tag = "no-password";
        } else if (state.equals("28P01") || (state.equals("28000") && text.contains("password"))) {
            message = "PostgreSQL rejected the password for user '" + a.user() + "'.";
            advice = "Check the password (from PGPASSWORD, ~/.pgpass, --password-stdin or the prompt) and the user name.";
            tag = "wrong-password";
        } else if (state.startsWith("28")) {
            message = "PostgreSQL did not let user '" + a.user() + "' connect to database '" + a.database() + "'.";
            advice = "Ask the server's administrator to allow this user (pg_hba.conf) or use another user.";
        } else if (state.equals("3D000")) {
            message = "There is no database '" + a.database() + "' on " + where + ".";
            advice = "Add --create-database to let Ferry create it, or create it first (for example: createdb "
                    + a.database() + "), or give the name of an existing one.";
            tag = "missing-database";
        } else if (text.contains("does not support SSL")) {
            message = "The server at " + where + " does not offer encrypted connections (TLS), but the address asks for "
                    + "one (sslmode=" + sslmode + ").";
            advice = "Ask the server's administrator to turn on SSL; or, only on a network you trust, use sslmode=prefer.";
        } else if (text.contains("could not be verified by hostnameverifier")) {
            message = "The server's certificate does not match the host name '" + a.host() + "' (sslmode=" + sslmode + ").";
            advice = "Connect with the host name the certificate was made for, or ask the administrator for a certificate "
                    + "that names this host. Nothing was sent to the server.";
        } else if (text.contains("SSL root certificate file")) {
            message = "Ferry could not read the root certificate needed to check the server (sslmode=" + sslmode + ").";
            advice = "Give the CA certificate that signed the server's: add sslrootcert=/path/to/ca.pem to the address.";
        } else if (tls || text.contains("SSL error")) {
            message = "The encrypted connection to " + where + " failed: the server's certificate is not trusted or TLS "
                    + "could not be agreed (sslmode=" + sslmode + ").";
            advice = "Check that sslrootcert names the CA that signed the server's certificate.";
        } else if (text.contains("setting up the SSL connection") || text.contains("unexpected EOF")
                || text.contains("Protocol error")) {
            message = "Something answered at " + where + ", but it is not a PostgreSQL server (it did not speak "
                    + "PostgreSQL's protocol).";
            advice = "Check the port: PostgreSQL usually listens on 5432; another program (a web server, say) uses this one.";
        } else if (root instanceof UnknownHostException) {
            message = "The host name '" + a.host() + "' is unknown.";
            advice = "Check the spelling of the host, or use its IP address.";
        } else if (root instanceof SocketTimeoutException || root instanceof NoRouteToHostException) {
            message = "The host " + a.host() + " could not be reached: nothing answered at " + where + " in time.";
            advice = "Check the host address, your network or VPN, and any firewall between here and the server.";
        } else if (root instanceof ConnectException || state.equals("08001") || state.equals("08004")) {
            message = "Nothing answered at " + where + ": PostgreSQL could not be reached.";
            advice = "Check the host and port (PostgreSQL usually listens on 5432), that the server is running, and that "
                    + "it accepts TCP connections.";
        } else {
            message = "PostgreSQL at " + where + " refused the connection: " + text;
            advice = "Check the address and the server's settings.";
        }
        // the advice above names the command line's ways; the tag lets the wizard name its own
        return new FerryException(FerryException.Kind.TARGET, message, advice, e).tagged(tag);
    }
}
