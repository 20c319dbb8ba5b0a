package dev.ferry.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.Naming.Style;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NamingTest {

    private static final Naming LOWER = new Naming(Style.LOWER);
    private static final Naming SNAKE = new Naming(Style.SNAKE);

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Every target name fits PostgreSQL's limit and no two source names share a target name. */
    private static void assertValid(List<String> sources, Map<String, String> out, Set<String> taken) {
        assertEquals(sources, new ArrayList<>(out.keySet()), "one entry per source name, in order");
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> e : out.entrySet()) {
            String target = e.getValue();
            assertTrue(utf8(target) <= Naming.MAX_BYTES, target + " is " + utf8(target) + " bytes");
            assertTrue(seen.add(target), "two names became " + target + ": " + out);
            assertTrue(!taken.contains(target), target + " was taken");
        }
    }

    private static Map<String, String> assign(Naming naming, List<String> names) {
        return assign(naming, names, Set.of());
    }

    private static Map<String, String> assign(Naming naming, List<String> names, Set<String> taken) {
        Map<String, String> out = naming.assign(names, taken);
        assertValid(names, out, taken);
        return out;
    }

    // quote()

    @Test
    void simpleLowerCaseNamesStayBare() {
        for (String name : List.of("album", "invoice_line", "_private", "a1", "x$y", "track2album")) {
            assertEquals(name, Naming.quote(name));
        }
    }

    @Test
    void reservedWordsAreQuoted() {
        assertEquals("\"order\"", Naming.quote("order"));
        assertEquals("\"user\"", Naming.quote("user"));
        assertEquals("\"table\"", Naming.quote("table"));
        assertEquals("\"select\"", Naming.quote("select"));
    }

    @Test
    void namesThatAreNotPlainLowerCaseIdentifiersAreQuoted() {
        assertEquals("\"Album\"", Naming.quote("Album"));
        assertEquals("\"order details\"", Naming.quote("order details"));
        assertEquals("\"1st\"", Naming.quote("1st"));
        assertEquals("\"a-b\"", Naming.quote("a-b"));
        assertEquals("\"\"", Naming.quote(""));
    }

    @Test
    void embeddedQuotesAreDoubled() {
        assertEquals("\"a\"\"b\"", Naming.quote("a\"b"));
        assertEquals("\"\"\"\"", Naming.quote("\""));
    }

    @Test
    void unicodeNamesAreQuoted() {
        assertEquals("\"élan\"", Naming.quote("élan"));
        assertEquals("\"Straße\"", Naming.quote("Straße"));
        assertEquals("\"名前\"", Naming.quote("名前"));
    }

    @Test
    void qualifiedQuotesBothParts() {
        assertEquals("public.album", Naming.qualified("public", "album"));
        assertEquals("\"My Schema\".\"order\"", Naming.qualified("My Schema", "order"));
    }

    // assign() with LOWER

    @Test
    void lowerFoldsAsciiOnlyLikePostgres() {
        Map<String, String> out = assign(LOWER, List.of("Album", "InvoiceLine", "ÉLAN", "Élan2", "already_lower"));
        assertEquals("album", out.get("Album"));
        assertEquals("invoiceline", out.get("InvoiceLine"));
        assertEquals("Élan", out.get("ÉLAN"), "non-ASCII letters are not folded, exactly as PostgreSQL does");
        assertEquals("Élan2", out.get("Élan2"));
        assertEquals("already_lower", out.get("already_lower"));
    }

    @Test
    void lowerKeepsExactNamesWhenTwoFoldToTheSame() {
        Map<String, String> out = assign(LOWER, List.of("Name", "name", "NAME", "Other"));
        assertEquals("Name", out.get("Name"));
        assertEquals("name", out.get("name"));
        assertEquals("NAME", out.get("NAME"));
        assertEquals("other", out.get("Other"));
    }

    @Test
    void lowerDoesNotTreatUnicodeCaseAsACollision() {
        Map<String, String> out = assign(LOWER, List.of("Straße", "STRASSE"));
        assertEquals("straße", out.get("Straße"));
        assertEquals("strasse", out.get("STRASSE"));
    }

    @Test
    void unicodeNamesThatSqliteKeepsDistinctStayDistinct() {
        Map<String, String> out = assign(LOWER, List.of("É", "é"));
        assertEquals("É", out.get("É"));
        assertEquals("é", out.get("é"));
        Map<String, String> snake = assign(SNAKE, List.of("É", "é"));
        assertNotEquals(snake.get("É"), snake.get("é"));
    }

    @Test
    void namesOfExactly63BytesAreKept() {
        String name = "a".repeat(63);
        assertEquals(name, assign(LOWER, List.of(name)).get(name));
        String multibyte = "é".repeat(31) + "a"; // 63 bytes
        assertEquals(63, utf8(multibyte));
        assertEquals(multibyte, assign(LOWER, List.of(multibyte)).get(multibyte));
    }

    @Test
    void longNamesAreShortenedWithAHashSuffix() {
        String name = "a_very_long_column_name_that_someone_generated_with_an_orm_tool_v2";
        assertTrue(utf8(name) > 63);
        String target = assign(LOWER, List.of(name)).get(name);
        assertEquals(63, utf8(target));
        assertTrue(target.startsWith(name.substring(0, 40)), target);
        assertTrue(target.matches(".*_[0-9a-f]{8}"), target);
        assertEquals(target, assign(LOWER, List.of(name)).get(name), "the same name always gives the same result");
    }

    @Test
    void twoLongNamesWithTheSamePrefixStayApart() {
        String prefix = "x".repeat(70);
        List<String> names = List.of(prefix + "_first", prefix + "_second", prefix + "_third");
        Map<String, String> out = assign(LOWER, names);
        assertEquals(3, new HashSet<>(out.values()).size());
    }

    @Test
    void twoLongNamesWithTheSameJavaHashStayApart() {
        // "Aa" and "BB" have the same String.hashCode, so the suffixes alone cannot separate these.
        String prefix = "t".repeat(70);
        List<String> names = List.of(prefix + "Aa", prefix + "BB");
        assertEquals(names.get(0).hashCode(), names.get(1).hashCode());
        Map<String, String> out = assign(LOWER, names);
        assertNotEquals(out.get(names.get(0)), out.get(names.get(1)));
    }

    @Test
    void longNamesThatFoldToTheSameStayApart() {
        List<String> names = List.of("Q".repeat(80), "q".repeat(80));
        Map<String, String> out = assign(LOWER, names);
        assertNotEquals(out.get(names.get(0)), out.get(names.get(1)));
    }

    @Test
    void shortenedMultibyteNamesNeverExceed63Bytes() {
        List<String> names = List.of("é".repeat(40), "日本語".repeat(20), "😀".repeat(30), "a" + "é".repeat(40),
                "ab" + "日".repeat(30), "abc" + "😀".repeat(30));
        Map<String, String> out = assign(LOWER, names);
        for (String target : out.values()) {
            assertTrue(utf8(target) <= 63, target + " has " + utf8(target) + " bytes");
            // no code point was cut in half
            assertEquals(target, new String(target.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
            assertTrue(target.codePoints().noneMatch(cp -> cp == 0xFFFD), target);
        }
    }

    @Test
    void manyLongNamesWithOneSuffixPatternStayApartAndShort() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            names.add("measurement_of_something_rather_long_for_a_column_name_number_" + i);
        }
        assign(LOWER, names);
        assign(SNAKE, names);
    }

    @Test
    void takenNamesAreAvoided() {
        Set<String> taken = Set.of("album", "track");
        Map<String, String> out = assign(LOWER, List.of("album", "Track", "artist"), taken);
        assertEquals("artist", out.get("artist"));
        assertNotEquals("album", out.get("album"));
        assertNotEquals("track", out.get("Track"));
    }

    @Test
    void takenNamesAreAvoidedForLongNamesToo() {
        String name = "z".repeat(100);
        String first = assign(LOWER, List.of(name)).get(name);
        String second = assign(LOWER, List.of(name), Set.of(first)).get(name);
        assertNotEquals(first, second);
    }

    @Test
    void exactStyleKeepsNames() {
        Map<String, String> out = assign(new Naming(Style.EXACT), List.of("Album", "order details", "a\"b"));
        assertEquals("Album", out.get("Album"));
        assertEquals("order details", out.get("order details"));
        assertEquals("a\"b", out.get("a\"b"));
    }

    // assign() with SNAKE

    @Test
    void snakeSplitsWordsAndLowers() {
        Map<String, String> out = assign(SNAKE, List.of("InvoiceLine", "HTMLParser", "Order Details", "userId",
                "already_snake", "ArtistID", "Track2Album"));
        assertEquals("invoice_line", out.get("InvoiceLine"));
        assertEquals("html_parser", out.get("HTMLParser"));
        assertEquals("order_details", out.get("Order Details"));
        assertEquals("user_id", out.get("userId"));
        assertEquals("already_snake", out.get("already_snake"));
        assertEquals("artist_id", out.get("ArtistID"));
    }

    @Test
    void snakeCollisionsKeepBothNamesDistinct() {
        Map<String, String> out = assign(SNAKE, List.of("UserId", "user_id"));
        assertNotEquals(out.get("UserId"), out.get("user_id"));
        assertEquals("user_id", out.get("user_id"));
        assertEquals("UserId", out.get("UserId"));
    }

    @Test
    void snakeAvoidsTakenNames() {
        Map<String, String> out = assign(SNAKE, List.of("InvoiceLine", "Customer"), Set.of("invoice_line"));
        assertNotEquals("invoice_line", out.get("InvoiceLine"));
        assertEquals("customer", out.get("Customer"));
    }

    @Test
    void snakeOfPunctuationOnlyIsStillAName() {
        Map<String, String> out = assign(SNAKE, List.of("--", "?"));
        for (String v : out.values()) {
            assertTrue(!v.isEmpty());
        }
    }
}
