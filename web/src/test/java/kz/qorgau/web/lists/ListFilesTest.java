package kz.qorgau.web.lists;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListFilesTest {

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        assertThat(ListFiles.inert("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(ListFiles.inert("+7 701")).isEqualTo("'+7 701");
        assertThat(ListFiles.inert("-1")).isEqualTo("'-1");
        assertThat(ListFiles.inert("@SUM")).isEqualTo("'@SUM");
    }

    @Test
    void everythingElseIsLeftAsItIs() {
        assertThat(ListFiles.inert("Тестова")).isEqualTo("Тестова");
        assertThat(ListFiles.inert("ALM-2026-000001")).isEqualTo("ALM-2026-000001");
        assertThat(ListFiles.inert("")).isEmpty();
    }
}
