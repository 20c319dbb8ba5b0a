package dev.ferry.target;

import java.net.URI;
import java.net.URLDecoder;
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

    public static TargetAddress parse(String url, Map<String, String> env) {
        String text = url.trim();
        if (text.startsWith("jdbc:")) {
            text = text.substring(5);
        }
        if (!text.startsWith("postgresql://") && !text.startsWith("postgres://")) {
            throw new IllegalArgumentException("'" + redact(url) + "' is not a PostgreSQL address. Write it as "
                    + "postgresql://user@host:5432/database");
        }
        URI uri = URI.create(text.replaceFirst("^postgres(ql)?://", "pg://"));
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        String user = params.remove("user"), password = params.remove("password");
        if (uri.getRawUserInfo() != null) {
            String[] ui = uri.getRawUserInfo().split(":", 2);
            user = decode(ui[0]);
            password = ui.length > 1 ? decode(ui[1]) : password;
        }
        String host = uri.getHost() != null ? uri.getHost() : env.getOrDefault("PGHOST", "localhost");
        int port = uri.getPort() > 0 ? uri.getPort() : Integer.parseInt(env.getOrDefault("PGPORT", "5432"));
        String db = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? null : decode(uri.getRawPath().substring(1));
        user = user != null ? user : env.getOrDefault("PGUSER", System.getProperty("user.name"));
        db = db != null ? db : env.getOrDefault("PGDATABASE", user);
        params.putIfAbsent("sslmode", env.getOrDefault("PGSSLMODE", "prefer"));
        if (env.containsKey("PGSSLROOTCERT")) {
            params.putIfAbsent("sslrootcert", env.get("PGSSLROOTCERT"));
        }
        return new TargetAddress(host, port, db, user, Map.copyOf(params), new Secret(password));
    }

    public String jdbcUrl() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + java.net.URLEncoder.encode(database, StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    /** The address as it may be shown and logged: never a password. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("postgresql://").append(user).append('@').append(host).append(':')
                .append(port).append('/').append(database);
        if (!"prefer".equals(params.get("sslmode"))) {
            sb.append("?sslmode=").append(params.get("sslmode"));
        }
        return sb.toString();
    }

    /** Hides the password of any address-like text, for messages about addresses that did not parse. */
    public static String redact(String text) {
        return text.replaceAll("(://[^:/@?]*:)[^@/?]*@", "$1****@").replaceAll("(?i)(password=)[^&]*", "$1****");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
