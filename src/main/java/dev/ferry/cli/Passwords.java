package dev.ferry.cli;

import dev.ferry.postgres.Secret;
import dev.ferry.postgres.TargetAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Finds the password the way libpq does, so what works for psql works for Ferry: standard input
 * when asked (--password-stdin), else the address, PGPASSWORD, then the password file
 * (PGPASSFILE or ~/.pgpass). Never from a command-line argument of its own.
 */
final class Passwords {

    private Passwords() {
    }

    static Secret resolve(TargetAddress a, boolean fromStdin, Map<String, String> env) throws IOException {
        if (fromStdin) {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return new Secret(line == null ? "" : line);
        }
        if (a.passwordInUrl().isPresent()) {
            return a.passwordInUrl();
        }
        if (env.containsKey("PGPASSWORD")) {
            return new Secret(env.get("PGPASSWORD"));
        }
        Path file = env.containsKey("PGPASSFILE") ? Path.of(env.get("PGPASSFILE"))
                : System.getProperty("os.name").startsWith("Windows")
                ? Path.of(env.getOrDefault("APPDATA", ""), "postgresql", "pgpass.conf")
                : Path.of(System.getProperty("user.home"), ".pgpass");
        return Files.isReadable(file) ? fromPassFile(Files.readAllLines(file), a) : Secret.NONE;
    }

    /** hostname:port:database:username:password, '*' matching anything, '\' escaping ':' and '\'. */
    static Secret fromPassFile(List<String> lines, TargetAddress a) {
        String[] want = {a.host(), Integer.toString(a.port()), a.database(), a.user()};
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> f = split(line);
            if (f.size() < 5) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < 4 && match; i++) {
                String v = f.get(i);
                match = v.equals("*") || v.equals(want[i]) || (i == 0 && v.equals("localhost") && want[0].equals("127.0.0.1"));
            }
            if (match) {
                return new Secret(f.get(4));
            }
        }
        return Secret.NONE;
    }

    private static List<String> split(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
            } else if (c == ':' && out.size() < 4) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** Asks on the terminal, without echo; empty when there is no terminal to ask on. */
    static Secret prompt(TargetAddress a) {
        java.io.Console console = System.console();
        if (console == null) {
            return Secret.NONE;
        }
        char[] pw = console.readPassword("Password for %s@%s: ", a.user(), a.host());
        return pw == null ? Secret.NONE : new Secret(new String(pw));
    }
}
