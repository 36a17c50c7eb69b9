package kz.qorgau.web.cases;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaseListTotalTest {

    @Test
    void anEstimateIsShownToTheTwoFiguresItCanTell() {
        assertThat(CaseListBacking.rounded(39_105)).isEqualTo(39_000);
        assertThat(CaseListBacking.rounded(160_734)).isEqualTo(160_000);
        assertThat(CaseListBacking.rounded(10_001)).isEqualTo(10_000);
        assertThat(CaseListBacking.rounded(49_960)).isEqualTo(50_000);
        assertThat(CaseListBacking.rounded(87)).isEqualTo(87);
    }
}
