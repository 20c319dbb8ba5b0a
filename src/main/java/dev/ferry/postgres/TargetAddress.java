package dev.ferry.postgres;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where PostgreSQL is: parsed from a libpq URI ({@code postgresql://user@host:5432/db?sslmode=require})
 * or a JDBC URL, with libpq's environment variables (PGHOST, PGPORT, PGUSER, PGDATABASE,
 * PGSSLMODE, PGSSLROOTCERT) filling what the address leaves out. A password found in the
 * address is taken out of it and kept apart, so the address can be shown anywhere.
 */
public record TargetAddress(String host, int port, String database, String user, Map<String, String> params,
                            Secret passwordInUrl) {

    /**
     * Parses by hand rather than with java.net.URI, which gives up on host names with an underscore
     * (Docker service names) and would then fall back to localhost without a word.
     */
    public static TargetAddress parse(String url, Map<String, String> env) {
        String text = url.trim();
        if (text.startsWith("jdbc:")) {
            text = text.substring(5);
        }
        int scheme = text.startsWith("postgresql://") ? 13 : text.startsWith("postgres://") ? 11 : -1;
        if (scheme < 0) {
            throw new IllegalArgumentException("'" + redact(url) + "' is not a PostgreSQL address. Write it as "
                    + "postgresql://user@host:5432/database");
        }
        String rest = text.substring(scheme);
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int at = rest.lastIndexOf('@');
        String userInfo = at >= 0 ? rest.substring(0, at) : null;
        rest = rest.substring(at + 1);
        int slash = rest.indexOf('/');
        String hostPort = slash >= 0 ? rest.substring(0, slash) : rest;
        String db = slash >= 0 && slash + 1 < rest.length() ? decode(rest.substring(slash + 1), url) : null;

        Map<String, String> params = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("The address " + redact(url) + " has a parameter without a value: '"
                            + redact(pair) + "'.");
                }
                params.put(decode(pair.substring(0, eq), url), decode(pair.substring(eq + 1), url));
            }
        }
        String user = params.remove("user"), password = params.remove("password");
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo, url);
            password = colon >= 0 ? decode(userInfo.substring(colon + 1), url) : password;
        }
        String host = null;
        Integer port = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("The address " + redact(url) + " opens '[' for an IPv6 host but never closes it.");
            }
            host = hostPort.substring(1, close);
            port = port(hostPort.substring(close + 1).replaceFirst("^:", ""), url);
        } else if (!hostPort.isEmpty()) {
            int colon = hostPort.lastIndexOf(':');
            host = decode(colon >= 0 ? hostPort.substring(0, colon) : hostPort, url);
            port = colon >= 0 ? port(hostPort.substring(colon + 1), url) : null;
        }
        host = host == null || host.isEmpty() ? env.getOrDefault("PGHOST", "localhost") : host;
        host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        port = port != null ? port : port(env.getOrDefault("PGPORT", "5432"), "PGPORT");
        user = user != null && !user.isEmpty() ? user : env.getOrDefault("PGUSER", System.getProperty("user.name"));
        db = db != null ? db : env.getOrDefault("PGDATABASE", user);
        params.putIfAbsent("sslmode", env.getOrDefault("PGSSLMODE", "prefer"));
        if (env.containsKey("PGSSLROOTCERT")) {
            params.putIfAbsent("sslrootcert", env.get("PGSSLROOTCERT"));
        }
        return new TargetAddress(host, port, db, user, Map.copyOf(params), new Secret(password));
    }

    private static Integer port(String text, String url) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            int p = Integer.parseInt(text);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // told below, in the user's terms
        }
        throw new IllegalArgumentException("The port '" + text + "' in " + redact(url) + " is not a number from 1 to 65535.");
    }

    public String jdbcUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + java.net.URLEncoder.encode(database, StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    /** The address as it may be shown and logged: never a password. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("postgresql://").append(user).append('@')
                .append(host.contains(":") ? "[" + host + "]" : host).append(':')
                .append(port).append('/').append(database);
        if (!"prefer".equals(params.get("sslmode"))) {
            sb.append("?sslmode=").append(params.get("sslmode"));
        }
        return sb.toString();
    }

    /** Hides the password of any address-like text, for messages about addresses that did not parse. */
    public static String redact(String text) {
        return text.replaceAll("(://[^:/@?]*:)[^/?]*@", "$1****@").replaceAll("(?i)(password=)[^&]*", "$1****");
    }

    /** libpq's percent-decoding: %XX only ('+' stays a plus, unlike in HTML forms). */
    private static String decode(String s, String url) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
                    throw new IllegalArgumentException("The address " + redact(url) + " has a '%' not followed by two hex digits.");
                }
                out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
