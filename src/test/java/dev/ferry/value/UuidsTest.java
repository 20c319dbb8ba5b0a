package dev.ferry.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every UUID form PostgreSQL's uuid input reads, and the ones it refuses (from its documentation of the type). */
class UuidsTest {

    static final UUID U = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");

    @Test
    void readsEveryFormPostgresReads() {
        for (String s : new String[] {"A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}",
                "a0eebc999c0b4ef8bb6d6bb9bd380a11", "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11",
                "{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}", " a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11 "}) {
            assertEquals(U, Uuids.parse(s), s);
        }
    }

    @Test
    void refusesWhatPostgresRefuses() {
        for (String s : new String[] {"", "a0eebc99", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111",
                "-a0eebc999c0b4ef8bb6d6bb9bd380a11", "a0eebc999c0b4ef8bb6d6bb9bd380a11-", "a0eeb-c999c0b4ef8bb6d6bb9bd380a11",
                "a0ee--bc999c0b4ef8bb6d6bb9bd380a11", "g0eebc999c0b4ef8bb6d6bb9bd380a11", "{a0eebc999c0b4ef8bb6d6bb9bd380a11"}) {
            assertNull(Uuids.parse(s), s);
        }
    }

    @Test
    void onlyPostgresOwnPrintingRoundTrips() {
        assertTrue(Uuids.canonical("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
        assertFalse(Uuids.canonical("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"));
        assertFalse(Uuids.canonical("a0eebc999c0b4ef8bb6d6bb9bd380a11"));
    }
}
