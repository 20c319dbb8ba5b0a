package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ferry.postgres.Secret;
import dev.ferry.postgres.TargetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordsTest {

    private static final TargetAddress SHOP = TargetAddress.parse("postgresql://alice@db.example.com:5432/shop", Map.of());

    private static String password(List<String> lines, TargetAddress a) {
        return Passwords.fromPassFile(lines, a).reveal();
    }

    @Test
    void exactLineMatches() {
        assertEquals("pw", password(List.of("db.example.com:5432:shop:alice:pw"), SHOP));
    }

    @Test
    void eachFieldMustMatch() {
        for (String line : List.of("other.host:5432:shop:alice:x", "db.example.com:5433:shop:alice:x",
                "db.example.com:5432:other:alice:x", "db.example.com:5432:shop:bob:x")) {
            assertSame(Secret.NONE, Passwords.fromPassFile(List.of(line), SHOP), line);
        }
    }

    @Test
    void wildcardsMatchAnything() {
        assertEquals("any", password(List.of("*:*:*:*:any"), SHOP));
        assertEquals("host", password(List.of("db.example.com:*:*:*:host"), SHOP));
        assertEquals("user", password(List.of("*:*:*:alice:user"), SHOP));
        assertEquals("db", password(List.of("*:5432:shop:*:db"), SHOP));
    }

    @Test
    void escapedColonAndBackslashInPassword() {
        assertEquals("pa:ss", password(List.of("db.example.com:5432:shop:alice:pa\\:ss"), SHOP));
        assertEquals("back\\slash", password(List.of("*:*:*:*:back\\\\slash"), SHOP));
    }

    @Test
    void escapedColonInAMatchedField() {
        TargetAddress odd = TargetAddress.parse("postgresql://al%3Aice@db.example.com:5432/shop", Map.of());
        assertEquals("al:ice", odd.user());
        assertEquals("pw", password(List.of("*:*:*:al\\:ice:pw"), odd));
    }

    @Test
    void ipv6HostIsMatchedAsLibpqWritesIt() {
        // libpq compares the host without the URI's brackets; colons in the pass file are escaped.
        TargetAddress a = TargetAddress.parse("postgresql://alice@[::1]:5432/shop", Map.of());
        assertEquals("v6", password(List.of("\\:\\:1:5432:shop:alice:v6"), a));
    }

    @Test
    void firstMatchWins() {
        List<String> lines = List.of("other:*:*:*:no", "db.example.com:5432:shop:alice:first", "*:*:*:*:second");
        assertEquals("first", password(lines, SHOP));
        assertEquals("catchall", password(List.of("*:*:*:*:catchall", "db.example.com:5432:shop:alice:exact"), SHOP));
    }

    @Test
    void commentsAndBlankLinesAreIgnored() {
        List<String> lines = List.of("# db.example.com:5432:shop:alice:commented", "", "   ",
                "too:few:fields", "db.example.com:5432:shop:alice:real");
        assertEquals("real", password(lines, SHOP));
    }

    @Test
    void noMatchIsNone() {
        assertSame(Secret.NONE, Passwords.fromPassFile(List.of("other:5432:shop:alice:pw", "# *:*:*:*:x"), SHOP));
        assertSame(Secret.NONE, Passwords.fromPassFile(List.of(), SHOP));
        assertFalse(Secret.NONE.isPresent());
    }

    @Test
    void emptyPasswordIsStillAPassword() {
        Secret s = Passwords.fromPassFile(List.of("*:*:*:*:"), SHOP);
        assertEquals("", s.reveal());
    }

    @Test
    void secretNeverRevealsItselfInText() {
        Secret s = new Secret("Hunter2");
        assertFalse(s.toString().contains("Hunter2"));
        assertFalse(String.valueOf(s).contains("Hunter2"));
        assertFalse(("password: " + s).contains("Hunter2"));
        assertFalse(List.of(s).toString().contains("Hunter2"));
        assertFalse(Map.of("pw", s).toString().contains("Hunter2"));
        assertFalse(String.format("%s", s).contains("Hunter2"));
        assertEquals("Hunter2", s.reveal());
        assertFalse(new Secret("").toString().isEmpty());
        assertFalse(Secret.NONE.toString().isEmpty());
        Secret fromFile = Passwords.fromPassFile(List.of("*:*:*:*:Hunter2"), SHOP);
        assertFalse(fromFile.toString().contains("Hunter2"));
    }

    @Test
    void secretInsideAnAddressIsNotShown() {
        TargetAddress a = TargetAddress.parse("postgresql://alice:Hunter2@db.example.com/shop", Map.of());
        assertFalse(a.toString().contains("Hunter2"));
        assertFalse(a.passwordInUrl().toString().contains("Hunter2"));
    }

    // resolve(): the order libpq uses

    @Test
    void resolveTakesTheAddressPasswordFirst(@TempDir Path dir) throws Exception {
        Path pass = dir.resolve("pgpass");
        Files.writeString(pass, "*:*:*:*:fromfile\n");
        TargetAddress a = TargetAddress.parse("postgresql://alice:fromurl@db.example.com/shop", Map.of());
        Map<String, String> env = Map.of("PGPASSWORD", "fromenv", "PGPASSFILE", pass.toString());
        assertEquals("fromurl", Passwords.resolve(a, false, env).reveal());
    }

    @Test
    void resolveTakesPgpasswordBeforeThePassFile(@TempDir Path dir) throws Exception {
        Path pass = dir.resolve("pgpass");
        Files.writeString(pass, "*:*:*:*:fromfile\n");
        Map<String, String> env = Map.of("PGPASSWORD", "fromenv", "PGPASSFILE", pass.toString());
        assertEquals("fromenv", Passwords.resolve(SHOP, false, env).reveal());
    }

    @Test
    void resolveReadsPgpassfile(@TempDir Path dir) throws Exception {
        Path pass = dir.resolve("pgpass");
        Files.writeString(pass, "# mine\r\nnot:*:*:*:no\r\ndb.example.com:*:shop:alice:fromfile\r\n");
        assertEquals("fromfile", Passwords.resolve(SHOP, false, Map.of("PGPASSFILE", pass.toString())).reveal());
    }

    @Test
    void resolveWithoutAnySourceIsNone(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("PGPASSFILE", dir.resolve("missing").toString());
        assertSame(Secret.NONE, Passwords.resolve(SHOP, false, env));
    }
}
