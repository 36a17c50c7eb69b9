package kz.qorgau.casefile;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateCheckTest {

    private static DuplicateCheck.Match match(int i) {
        return new DuplicateCheck.Match("ALM-2026-%06d".formatted(i), CaseStatus.OPEN, Instant.EPOCH.plusSeconds(i));
    }

    @Test
    void pagesAddUpToTheCountTheDatabaseGave() {
        DuplicateCheck first = new DuplicateCheck(true, List.of(match(1), match(2)), 5, false);
        assertThat(first.found()).isTrue();
        assertThat(first.notListed()).isEqualTo(3);
        DuplicateCheck more = first.withMore(new DuplicateCheck(true, List.of(match(2), match(3), match(4)), 5, true));
        assertThat(more.visible()).extracting(DuplicateCheck.Match::number)
                .containsExactly("ALM-2026-000001", "ALM-2026-000002", "ALM-2026-000003", "ALM-2026-000004");
        assertThat(more.notListed()).isEqualTo(1);
        assertThat(more.knownElsewhere()).as("the latest answer").isTrue();
    }

    @Test
    void knownOnlyElsewhereIsStillFoundButListsNothing() {
        DuplicateCheck elsewhere = new DuplicateCheck(true, List.of(), 0, true);
        assertThat(elsewhere.found()).isTrue();
        assertThat(elsewhere.notListed()).isZero();
        assertThat(new DuplicateCheck(true, List.of(), 0, false).found()).isFalse();
        assertThat(DuplicateCheck.notChecked().checked()).isFalse();
    }
}
