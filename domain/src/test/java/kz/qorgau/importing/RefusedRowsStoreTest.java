package kz.qorgau.importing;

import org.junit.jupiter.api.Test;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class RefusedRowsStoreTest {

    /** The store's parts as written, without a database. */
    private static final class Parts extends RefusedRowsStore {
        final List<String> written = new ArrayList<>();
        final List<Integer> numbers = new ArrayList<>();

        @Override
        public void append(Long importId, int part, String content) {
            numbers.add(part);
            written.add(content);
        }
    }

    @Test
    void aLongFileIsWrittenInNumberedPartsThatJoinBackToIt() throws Exception {
        Parts store = new Parts();
        StringBuilder text = new StringBuilder();
        try (Writer out = store.writer(7L)) {
            for (int i = 0; text.length() < 2 * RefusedRowsStore.PART + 100; i++) {
                String line = "row " + i + ",Әсел,Жанар\r\n";
                out.write(line);
                text.append(line);
            }
            out.flush(); // a flush makes no part of its own
        }
        assertEquals(List.of(0, 1, 2), store.numbers);
        assertEquals(RefusedRowsStore.PART, store.written.get(0).length());
        assertEquals(text.toString(), String.join("", store.written));
    }

    @Test
    void aLetterOfTwoCharsIsNeverCutBetweenParts() throws Exception {
        Parts store = new Parts();
        String text = "x".repeat(RefusedRowsStore.PART - 1) + "\uD83D\uDE00" + "tail";
        try (Writer out = store.writer(7L)) {
            out.write(text);
        }
        assertEquals(2, store.written.size());
        assertFalse(Character.isHighSurrogate(store.written.get(0).charAt(store.written.get(0).length() - 1)));
        assertEquals(text, String.join("", store.written));
    }

    @Test
    void aFileWithNoRowsStillHasItsOnePart() throws Exception {
        Parts store = new Parts();
        Writer out = store.writer(7L);
        out.close();
        out.close(); // the CSV printer closes it, then its owner
        assertEquals(List.of(""), store.written);
    }
}
