package dev.ferry.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class IsoTimeTest {

    private static String format(LocalDateTime t) {
        StringBuilder sb = new StringBuilder();
        IsoTime.append(sb, t);
        return sb.toString();
    }

    @Test
    void dateAloneIsMidnight() {
        assertEquals(LocalDateTime.of(2024, 5, 1, 0, 0), IsoTime.localDateTime("2024-05-01"));
    }

    @Test
    void hoursAndMinutes() {
        assertEquals(LocalDateTime.of(2024, 5, 1, 10, 0), IsoTime.localDateTime("2024-05-01 10:00"));
        assertEquals(LocalDateTime.of(2024, 5, 1, 10, 7), IsoTime.localDateTime("2024-05-01T10:07"));
    }

    @Test
    void secondsAndFractions() {
        assertEquals(LocalDateTime.of(2024, 5, 1, 10, 0, 0, 123_456_000),
                IsoTime.localDateTime("2024-05-01T10:00:00.123456"));
        assertEquals(LocalDateTime.of(2024, 5, 1, 10, 0, 59), IsoTime.localDateTime("2024-05-01 10:00:59"));
        assertEquals(LocalDateTime.of(2024, 5, 1, 10, 0, 0, 500_000_000), IsoTime.localDateTime("2024-05-01 10:00:00.5"));
        assertEquals(LocalDateTime.of(2024, 5, 1, 10, 0, 0, 123_000_000), IsoTime.localDateTime("2024-05-01 10:00:00.123"));
        assertEquals(LocalDateTime.of(2024, 5, 1, 23, 59, 59, 999_999_000),
                IsoTime.localDateTime(" 2024-05-01 23:59:59.999999 "));
    }

    @Test
    void localDateTimeRejectsOffsets() {
        for (String s : new String[] {"2024-05-01 10:00:00Z", "2024-05-01 10:00:00+02:00", "2024-05-01T10:00-0530",
                "2024-05-01 10:00:00+00"}) {
            assertThrows(IllegalArgumentException.class, () -> IsoTime.localDateTime(s), s);
        }
    }

    @Test
    void instantWithZulu() {
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), IsoTime.instant("2024-05-01 10:00:00Z"));
        assertEquals(Instant.parse("2024-05-01T10:00:00.25Z"), IsoTime.instant("2024-05-01T10:00:00.25z"));
    }

    @Test
    void instantWithOffsets() {
        assertEquals(Instant.parse("2024-05-01T08:00:00Z"), IsoTime.instant("2024-05-01 10:00:00+02:00"));
        assertEquals(Instant.parse("2024-05-01T15:30:00Z"), IsoTime.instant("2024-05-01 10:00:00-0530"));
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), IsoTime.instant("2024-05-01 10:00:00+00"));
        assertEquals(Instant.parse("2024-05-01T15:00:00Z"), IsoTime.instant("2024-05-01 10:00:00-05"));
        assertEquals(Instant.parse("2024-04-30T23:00:00.123456Z"), IsoTime.instant("2024-05-01 10:00:00.123456+11"));
        assertEquals(Instant.parse("2024-05-01T08:00:00Z"), IsoTime.instant("2024-05-01 10:00 +02:00"));
    }

    @Test
    void instantWithoutOffsetIsUtc() {
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), IsoTime.instant("2024-05-01 10:00:00"));
    }

    @Test
    void invalidTextIsRefused() {
        for (String s : new String[] {"", "abc", "2024", "2024-5-1", "2024-13-01", "2024-02-30", "2024-05-01 25:00",
                "2024-05-01 10:60", "2024-05-01 10", "2024-05-01x10:00", "2024/05/01", "2024-05-01 10:00:00 UTC",
                "2024-05-01 10:00:00+2", "2024-05-01 10:00:00+02:0", "01/05/2024", "2024-05-01 10:00:00.12a"}) {
            assertThrows(IllegalArgumentException.class, () -> IsoTime.instant(s), s);
            assertThrows(IllegalArgumentException.class, () -> IsoTime.localDateTime(s), s);
        }
    }

    @Test
    void timeOfDay() {
        assertEquals(LocalTime.of(10, 30), IsoTime.time("10:30"));
        assertEquals(LocalTime.of(23, 59, 59, 999_999_000), IsoTime.time("23:59:59.999999"));
        assertThrows(IllegalArgumentException.class, () -> IsoTime.time("noon"));
    }

    @Test
    void appendWritesMicrosecondsOnlyWhenThereAreSome() {
        assertEquals("2024-05-01 10:00:00", format(LocalDateTime.of(2024, 5, 1, 10, 0)));
        assertEquals("2024-05-01 10:00:00.123456", format(LocalDateTime.of(2024, 5, 1, 10, 0, 0, 123_456_000)));
        assertEquals("2024-05-01 10:00:00.000001", format(LocalDateTime.of(2024, 5, 1, 10, 0, 0, 1_000)));
        assertEquals("2024-05-01 10:00:00", format(LocalDateTime.of(2024, 5, 1, 10, 0, 0, 999)),
                "less than a microsecond is not written");
        assertEquals("0099-01-02 03:04:05", format(LocalDateTime.of(99, 1, 2, 3, 4, 5)));
    }

    @Test
    void appendOutputReadsBack() {
        for (LocalDateTime t : new LocalDateTime[] {LocalDateTime.of(2024, 5, 1, 10, 0),
                LocalDateTime.of(1970, 1, 1, 0, 0, 0, 100_000_000), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
                LocalDateTime.of(1, 1, 1, 0, 0)}) {
            assertEquals(t, IsoTime.localDateTime(format(t)));
        }
    }

    @Test
    void appendDateAndTime() {
        StringBuilder sb = new StringBuilder();
        IsoTime.appendDate(sb, LocalDate.of(2024, 2, 29));
        assertEquals("2024-02-29", sb.toString());
        sb.setLength(0);
        IsoTime.appendTime(sb, LocalTime.of(7, 8, 9, 10_000));
        assertEquals("07:08:09.000010", sb.toString());
        sb.setLength(0);
        IsoTime.appendTime(sb, LocalTime.MIDNIGHT);
        assertEquals("00:00:00", sb.toString());
    }

    /** The copy's fast reading of the commonest shape gives exactly what the full reader gives. */
    @Test
    void plainMicrosAgreeWithTheFullReader() {
        java.util.Random random = new java.util.Random(20261121);
        for (int k = 0; k < 200_000; k++) {
            String text = String.format("%04d-%02d-%02d%c%02d:%02d:%02d", 1 + random.nextInt(9999), random.nextInt(14),
                    random.nextInt(33), random.nextBoolean() ? ' ' : 'T', random.nextInt(25), random.nextInt(61),
                    random.nextInt(61));
            long fast = IsoTime.plainMicros(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            LocalDateTime full;
            try {
                full = IsoTime.localDateTime(text);
            } catch (IllegalArgumentException e) {
                assertEquals(IsoTime.NOT_PLAIN, fast, text + " is no date-time, yet read fast");
                continue;
            }
            assertEquals(full.toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000L, fast, text);
        }
        for (String other : new String[] {"2024-05-01", "2024-05-01 10:00", "2024-05-01 10:00:00.5", " 2024-05-01 10:00:0",
                "2024-05-01 10:00:00Z", "2024/05/01 10:00:00", "2024-05-01 1a:00:00", "-024-05-01 10:00:00"}) {
            assertEquals(IsoTime.NOT_PLAIN, IsoTime.plainMicros(other.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    other + " is left to the full reader");
        }
        assertEquals(951_782_400_000_000L, IsoTime.plainMicros("2000-02-29 00:00:00".getBytes()));
        assertEquals(-62_135_596_800_000_000L, IsoTime.plainMicros("0001-01-01 00:00:00".getBytes()));
    }
}
