package kz.qorgau.web.cases;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaseListFilesTest {

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        assertThat(CaseListFiles.inert("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(CaseListFiles.inert("+7 701")).isEqualTo("'+7 701");
        assertThat(CaseListFiles.inert("-1")).isEqualTo("'-1");
        assertThat(CaseListFiles.inert("@SUM")).isEqualTo("'@SUM");
    }

    @Test
    void everythingElseIsLeftAsItIs() {
        assertThat(CaseListFiles.inert("Тестова")).isEqualTo("Тестова");
        assertThat(CaseListFiles.inert("ALM-2026-000001")).isEqualTo("ALM-2026-000001");
        assertThat(CaseListFiles.inert("")).isEmpty();
    }
}
