package dev.ferry.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * The count picture's lengths: one scale for both bars, so equal counts end at the same place; a
 * few rows set aside out of many are still a segment a person can see; nothing drawn for nothing.
 */
class BarsTest {

    @Test
    void theLongerSideFillsTheTrackAndTheOtherIsDrawnToTheSameScale() {
        assertEquals(new Bars(1, 0, 0.7), Bars.of(10, 0, 7));
        assertEquals(new Bars(0.5, 0, 1), Bars.of(5, 0, 10));
        assertEquals(new Bars(1, 0, 1), Bars.of(3503, 0, 3503));
    }

    @Test
    void rowsSetAsideEndSqlitesBarAndTheRowsThatArrivedLineUpWithTheRowsSent() {
        Bars b = Bars.of(3, 2, 3);
        assertEquals(0.6, b.sent(), 1e-9);
        assertEquals(0.4, b.setAside(), 1e-9);
        assertEquals(0.6, b.arrived(), 1e-9);
    }

    @Test
    void twoRowsSetAsideOutOfAMillionAreStillASegmentAndTheBarsStillLineUp() {
        Bars b = Bars.of(1_000_000, 2, 1_000_000);
        assertEquals(Bars.VISIBLE, b.setAside(), 1e-12);
        assertEquals(1 - Bars.VISIBLE, b.sent(), 1e-9);
        assertEquals(b.sent(), b.arrived(), 1e-12, "the same count ends at the same place");
        assertEquals(1.0, b.sent() + b.setAside(), 1e-9, "nothing runs past the track");
    }

    @Test
    void oneRowAgainstManyIsVisibleAndNoRowsIsAnEmptyTrack() {
        assertEquals(Bars.VISIBLE, Bars.of(1_000_000, 0, 1).arrived(), 1e-12);
        assertEquals(new Bars(0, 0, 0), Bars.of(0, 0, 0));
        assertEquals(new Bars(0, 1, 0), Bars.of(0, 4, 0), "every row set aside");
    }

    @Test
    void checksumStatesAndProofsWithoutCounts() {
        assertEquals(Bars.Checksum.SAME, Bars.checksum(new RunReport.Checksum(true, "a", "a")));
        assertEquals(Bars.Checksum.DIFFER, Bars.checksum(new RunReport.Checksum(false, "a", "b")));
        assertEquals(Bars.Checksum.NOT_CHECKED, Bars.checksum(new RunReport.Checksum(false, null, null)));
        assertEquals(Bars.Checksum.NOT_CHECKED, Bars.checksum((RunReport.Checksum) null));
        assertEquals(Bars.Checksum.DIFFER, Bars.checksum(new TableCheck("t", "t", 4, 4, 1, 2, 0)));
        assertNull(Bars.of(Proof.proven("fired")), "a trigger's proof counts no rows");
        assertEquals(new Bars(1, 0, 0.5), Bars.of(new Proof(Proof.DIFFERS, "x", 4L, 2L, null, null)));
        assertEquals("37.50%", Bars.percent(0.375));
    }
}
