package dev.ferry.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetAddressTest {

    private static final Map<String, String> NO_ENV = Map.of();

    private static TargetAddress parse(String url) {
        return TargetAddress.parse(url, NO_ENV);
    }

    @Test
    void libpqUriWithEverything() {
        TargetAddress a = parse("postgresql://alice@db.example.com:6543/shop?sslmode=require");
        assertEquals("db.example.com", a.host());
        assertEquals(6543, a.port());
        assertEquals("shop", a.database());
        assertEquals("alice", a.user());
        assertEquals("require", a.params().get("sslmode"));
        assertFalse(a.passwordInUrl().isPresent());
        assertEquals("jdbc:postgresql://db.example.com:6543/shop", a.jdbcUrl());
        assertEquals("postgresql://alice@db.example.com:6543/shop?sslmode=require", a.toString());
    }

    @Test
    void shortSchemeAndDefaults() {
        TargetAddress a = parse("postgres://bob@localhost/app");
        assertEquals("localhost", a.host());
        assertEquals(5432, a.port());
        assertEquals("app", a.database());
        assertEquals("bob", a.user());
        assertEquals("prefer", a.params().get("sslmode"));
        assertEquals("postgresql://bob@localhost:5432/app", a.toString());
    }

    @Test
    void databaseDefaultsToTheUser() {
        TargetAddress a = parse("postgresql://carol@localhost");
        assertEquals("carol", a.database());
    }

    @Test
    void jdbcUrlWithUserAndPasswordParameters() {
        TargetAddress a = parse("jdbc:postgresql://pg.internal:5432/sales?user=bob&password=s3cr%26t&ApplicationName=x");
        assertEquals("pg.internal", a.host());
        assertEquals(5432, a.port());
        assertEquals("sales", a.database());
        assertEquals("bob", a.user());
        assertTrue(a.passwordInUrl().isPresent());
        assertEquals("s3cr&t", a.passwordInUrl().reveal());
        assertFalse(a.params().containsKey("password"));
        assertFalse(a.params().containsKey("user"));
        assertEquals("x", a.params().get("ApplicationName"));
    }

    @Test
    void passwordInUserInfoIsKeptApartAndNeverShown() {
        TargetAddress a = parse("postgresql://alice:Hunter2%40x@db.example.com/shop");
        assertEquals("Hunter2@x", a.passwordInUrl().reveal());
        assertEquals("alice", a.user());
        assertFalse(a.toString().contains("Hunter2"), a.toString());
        assertFalse(a.jdbcUrl().contains("Hunter2"), a.jdbcUrl());
        assertFalse(a.params().toString().contains("Hunter2"));
        assertFalse(a.passwordInUrl().toString().contains("Hunter2"));
        assertFalse(String.valueOf(a).contains("Hunter2"));
    }

    @Test
    void passwordParameterIsNeverShown() {
        TargetAddress a = parse("postgresql://db.example.com/shop?user=u&password=Hunter2&sslmode=verify-full");
        assertEquals("Hunter2", a.passwordInUrl().reveal());
        assertFalse(a.toString().contains("Hunter2"), a.toString());
        assertEquals("postgresql://u@db.example.com:5432/shop?sslmode=verify-full", a.toString());
    }

    @Test
    void environmentFillsTheGaps() {
        Map<String, String> env = Map.of("PGHOST", "pg.env", "PGPORT", "6000", "PGUSER", "envuser",
                "PGDATABASE", "envdb", "PGSSLMODE", "require", "PGSSLROOTCERT", "/etc/ca.pem");
        TargetAddress a = TargetAddress.parse("postgresql:///", env);
        assertEquals("pg.env", a.host());
        assertEquals(6000, a.port());
        assertEquals("envuser", a.user());
        assertEquals("envdb", a.database());
        assertEquals("require", a.params().get("sslmode"));
        assertEquals("/etc/ca.pem", a.params().get("sslrootcert"));
    }

    @Test
    void emptyLibpqUriUsesTheEnvironment() {
        // libpq documents "postgresql://" as a valid URI that takes everything from the defaults.
        Map<String, String> env = Map.of("PGHOST", "pg.env", "PGUSER", "envuser", "PGDATABASE", "envdb");
        TargetAddress a = TargetAddress.parse("postgresql://", env);
        assertEquals("pg.env", a.host());
        assertEquals(5432, a.port());
        assertEquals("envuser", a.user());
        assertEquals("envdb", a.database());
    }

    @Test
    void addressWinsOverTheEnvironment() {
        Map<String, String> env = Map.of("PGHOST", "pg.env", "PGPORT", "6000", "PGUSER", "envuser",
                "PGDATABASE", "envdb", "PGSSLMODE", "require");
        TargetAddress a = TargetAddress.parse("postgresql://alice@db.example.com:5433/shop?sslmode=disable", env);
        assertEquals("db.example.com", a.host());
        assertEquals(5433, a.port());
        assertEquals("alice", a.user());
        assertEquals("shop", a.database());
        assertEquals("disable", a.params().get("sslmode"));
    }

    @Test
    void databaseDefaultsToTheEnvironmentUser() {
        TargetAddress a = TargetAddress.parse("postgresql://localhost", Map.of("PGUSER", "dave"));
        assertEquals("dave", a.user());
        assertEquals("dave", a.database());
    }

    @Test
    void ipv6Host() {
        TargetAddress a = parse("postgresql://alice@[::1]:5433/shop");
        assertEquals(5433, a.port());
        assertEquals("jdbc:postgresql://[::1]:5433/shop", a.jdbcUrl());
        assertTrue(a.toString().contains("@[::1]:5433/"), a.toString());

        TargetAddress full = parse("postgresql://alice@[2001:db8::10]/shop");
        assertEquals("jdbc:postgresql://[2001:db8::10]:5432/shop", full.jdbcUrl());
    }

    @Test
    void ipv6HostFromTheEnvironmentIsTheSameAddress() {
        TargetAddress fromUri = parse("postgresql://alice@[::1]:5433/shop");
        TargetAddress fromEnv = TargetAddress.parse("postgresql:///shop?user=alice", Map.of("PGHOST", "::1", "PGPORT", "5433"));
        assertEquals("jdbc:postgresql://[::1]:5433/shop", fromEnv.jdbcUrl());
        assertEquals(fromEnv.host(), fromUri.host(), "the same server named two ways");
        assertEquals(fromEnv.toString(), fromUri.toString());
    }

    @Test
    void hostNamesWithUnderscoresAreKept() {
        // Docker Compose service names often contain underscores; such a host must not silently become localhost.
        TargetAddress a = parse("postgresql://app:Hunter2@pg_main:5432/app");
        assertEquals("pg_main", a.host());
        assertEquals("app", a.user());
        assertEquals("Hunter2", a.passwordInUrl().reveal());
        assertEquals("jdbc:postgresql://pg_main:5432/app", a.jdbcUrl());
    }

    @Test
    void anUnreadablePortIsAnErrorNotLocalhost() {
        assertThrows(IllegalArgumentException.class, () -> parse("postgresql://alice@db.example.com:54x2/shop"));
    }

    @Test
    void databaseNameWithASpaceRoundTrips() {
        TargetAddress a = parse("postgresql://alice@localhost/my%20shop");
        assertEquals("my shop", a.database());
        assertEquals("jdbc:postgresql://localhost:5432/my%20shop", a.jdbcUrl());
        TargetAddress again = parse(a.jdbcUrl() + "?user=alice");
        assertEquals("my shop", again.database());
        assertEquals(a.jdbcUrl(), again.jdbcUrl());
    }

    @Test
    void unicodeDatabaseNameRoundTrips() {
        TargetAddress a = parse("postgresql://alice@localhost/caf%C3%A9");
        assertEquals("café", a.database());
        assertEquals("café", parse(a.jdbcUrl()).database());
    }

    @Test
    void plusIsNotASpaceInAnAddress() {
        // Percent-decoding only, as libpq does: '+' is a plus in the path and in user info.
        TargetAddress a = parse("postgresql://alice:pa+ss@localhost/c+plus");
        assertEquals("c+plus", a.database());
        assertEquals("pa+ss", a.passwordInUrl().reveal());
        assertEquals("c+plus", parse(a.jdbcUrl()).database());
    }

    @Test
    void redactHidesUriPasswords() {
        String r = TargetAddress.redact("postgresql://alice:Hunter2@db.example.com:5432/shop");
        assertFalse(r.contains("Hunter2"), r);
        assertTrue(r.contains("alice"), r);
        assertTrue(r.contains("db.example.com"), r);
    }

    @Test
    void redactHidesPasswordParameters() {
        String r = TargetAddress.redact("jdbc:postgresql://db/shop?user=alice&password=Hunter2&sslmode=require");
        assertFalse(r.contains("Hunter2"), r);
        assertTrue(r.contains("sslmode=require"), r);
        String kv = TargetAddress.redact("host=db user=alice PASSWORD=Hunter2");
        assertFalse(kv.contains("Hunter2"), kv);
    }

    @Test
    void redactHidesAPasswordContainingAnAtSign() {
        // The unencoded '@' is exactly the kind of mistake that makes an address fail to parse.
        String r = TargetAddress.redact("mysql://alice:top@Secret42@db.example.com/shop");
        assertFalse(r.contains("Secret42"), r);
    }

    @Test
    void nonPostgresAddressIsRefusedPlainly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("mysql://alice:Hunter2@db.example.com/shop"));
        assertTrue(e.getMessage().contains("is not a PostgreSQL address"), e.getMessage());
        assertTrue(e.getMessage().contains("postgresql://"), e.getMessage());
        assertFalse(e.getMessage().contains("Hunter2"), e.getMessage());
        assertNull(e.getCause());
        assertThrows(IllegalArgumentException.class, () -> parse("db.example.com:5432/shop"));
        assertThrows(IllegalArgumentException.class, () -> parse(""));
    }

    @Test
    void malformedAddressNeverLeaksItsPassword() {
        for (String url : new String[] {"postgresql://alice:Hunter2@db.example.com/my shop",
                "postgresql://alice:Hunter2@db.example.com/shop?x=%zz", "postgresql://alice:Hunter2@db.example.com:99999999999/shop"}) {
            try {
                TargetAddress a = parse(url);
                assertFalse(a.toString().contains("Hunter2"), a.toString());
            } catch (IllegalArgumentException e) {
                assertFalse(String.valueOf(e.getMessage()).contains("Hunter2"), e.getMessage());
            }
        }
    }
}
