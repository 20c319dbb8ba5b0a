package dev.ferry.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** JSON compares as jsonb sees it, so a jsonb column verifies against the text SQLite held. */
class JsonHashTest {

    private static long h(String json) {
        return new JsonHash().hash(json);
    }

    @Test
    void keyOrderAndWhitespaceDoNotCount() {
        assertEquals(h("{\"a\":1,\"b\":[true,null]}"), h(" { \"b\" : [ true , null ] ,\n\"a\": 1 } "));
    }

    @Test
    void theLastOfRepeatedKeysWinsAsInJsonb() {
        assertEquals(h("{\"a\":2}"), h("{\"a\":1,\"a\":2}"));
        assertNotEquals(h("{\"a\":1}"), h("{\"a\":1,\"a\":2}"));
    }

    @Test
    void numbersCompareByValue() {
        assertEquals(h("[1]"), h("[1.0]"));
        assertEquals(h("[100]"), h("[1e2]"));
        assertEquals(h("[0]"), h("[-0]"));
        assertEquals(h("[0.5]"), h("[5E-1]"));
        assertNotEquals(h("[1]"), h("[\"1\"]"));
    }

    @Test
    void escapesAreDecoded() {
        assertEquals(h("\"é\""), h("\"\\u00e9\""));
        assertEquals(h("\"😀\""), h("\"\\ud83d\\ude00\""));
        assertEquals(h("\"a/b\""), h("\"a\\/b\""));
        assertNotEquals(h("\"a\\nb\""), h("\"anb\""));
        assertEquals(h("{\"ké\":\"é\\nè😀x\"}"), h("{\"k\\u00e9\":\"\\u00e9\\n\\u00e8\\ud83d\\ude00x\"}"));
        assertNotEquals(h("\"éè\""), h("\"\\u00e8\\u00e9\""));
    }

    @Test
    void bytesInsideALargerArrayHashAsTheTextAlone() {
        String json = "{\"b\":[1,2.50,\"x\\ty\"],\"a\":null}";
        byte[] utf8 = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] framed = new byte[utf8.length + 7];
        java.util.Arrays.fill(framed, (byte) '[');
        System.arraycopy(utf8, 0, framed, 3, utf8.length);
        assertEquals(h(json), new JsonHash().hash(framed, 3, utf8.length));
        assertEquals(h("{oops"), new JsonHash().hash("x{oopsx".getBytes(java.nio.charset.StandardCharsets.UTF_8), 1, 5));
    }

    @Test
    void numbersTooLargeForJsonbStillHashWithoutWritingTheirDigits() {
        assertEquals(h("[1e999999999]"), h("[10e999999998]"));
        assertNotEquals(h("[1e999999999]"), h("[2e999999999]"));
    }

    @Test
    void arrayOrderAndNestingCount() {
        assertNotEquals(h("[1,2]"), h("[2,1]"));
        assertNotEquals(h("[[1],2]"), h("[1,[2]]"));
        assertNotEquals(h("{}"), h("[]"));
        assertNotEquals(h("{\"a\":{}}"), h("{\"a\":[]}"));
    }

    @Test
    void invalidJsonStillComparesExactly() {
        assertEquals(h("{oops"), h("{oops"));
        assertNotEquals(h("{oops"), h("{oops "));
        assertNotEquals(h("[1,]"), h("[1]"));
    }
}
