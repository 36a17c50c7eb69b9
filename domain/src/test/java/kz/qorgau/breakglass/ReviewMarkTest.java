package kz.qorgau.breakglass;

import kz.qorgau.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewMarkTest {

    private static final Instant GRANTED = Instant.parse("2026-11-20T06:00:00Z");
    private static final Instant NOW = GRANTED.plus(Duration.ofDays(2));

    private static BreakGlassAccess nurlansAccess() {
        return new BreakGlassAccess(7L, "nurlan", "ALM-SPD", "ALM", "Угроза жизни, звонок из полиции", GRANTED);
    }

    @Test
    void anotherSupervisorMarksTheAccessReviewedWithWhoAndWhen() {
        ReviewMark mark = ReviewMark.of(nurlansAccess(), "gulnara", "ALM-SPD", ReviewOutcome.JUSTIFIED,
                ReviewFinding.POLICE_REQUEST, "  Подтверждено дежурной частью  ", NOW);
        assertThat(mark.reviewedBy()).isEqualTo("gulnara");
        assertThat(mark.reviewedAt()).isEqualTo(NOW);
        assertThat(mark.outcome()).isEqualTo(ReviewOutcome.JUSTIFIED);
        assertThat(mark.finding()).contains(ReviewFinding.POLICE_REQUEST);
        assertThat(mark.comment()).contains("Подтверждено дежурной частью");
    }

    @Test
    void findingAndCommentAreOptional() {
        ReviewMark mark = ReviewMark.of(nurlansAccess(), "gulnara", "ALM-SPD", ReviewOutcome.NOT_JUSTIFIED, null, "  ", NOW);
        assertThat(mark.finding()).isEmpty();
        assertThat(mark.comment()).isEmpty();
    }

    @Test
    void whoBrokeTheGlassNeverReviewsItHerself() {
        assertThatThrownBy(() -> ReviewMark.of(nurlansAccess(), "nurlan", "ALM-SPD", ReviewOutcome.JUSTIFIED,
                ReviewFinding.LIFE_OR_SAFETY_AT_RISK, null, NOW))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("breakGlass.review.ownAccess");
    }

    @Test
    void needsAConclusion() {
        assertThatThrownBy(() -> ReviewMark.of(nurlansAccess(), "gulnara", "ALM-SPD", null, null, null, NOW))
                .hasMessage("breakGlass.review.outcomeRequired");
    }

    @Test
    void aFindingMustNotContradictTheConclusion() {
        assertThatThrownBy(() -> ReviewMark.of(nurlansAccess(), "gulnara", "ALM-SPD", ReviewOutcome.JUSTIFIED,
                ReviewFinding.NO_EMERGENCY, null, NOW)).hasMessage("breakGlass.review.findingContradicts");
        assertThatThrownBy(() -> ReviewMark.of(nurlansAccess(), "gulnara", "ALM-SPD", ReviewOutcome.NOT_JUSTIFIED,
                ReviewFinding.LIFE_OR_SAFETY_AT_RISK, null, NOW)).hasMessage("breakGlass.review.findingContradicts");
        for (ReviewFinding finding : ReviewFinding.values()) {
            assertThat(finding.fits(ReviewOutcome.JUSTIFIED) || finding.fits(ReviewOutcome.NOT_JUSTIFIED))
                    .as(finding + " supports some outcome").isTrue();
        }
    }

    @Test
    void otherNeedsAShortComment() {
        assertThatThrownBy(() -> ReviewMark.of(nurlansAccess(), "gulnara", "ALM-SPD", ReviewOutcome.NOT_JUSTIFIED,
                ReviewFinding.OTHER, " ", NOW)).hasMessage("breakGlass.review.commentRequired");
        assertThat(ReviewMark.of(nurlansAccess(), "gulnara", "ALM-SPD", ReviewOutcome.NOT_JUSTIFIED,
                ReviewFinding.OTHER, "Доступ в выходной без звонка владельцу", NOW).comment()).isPresent();
    }

    @Test
    void theCommentIsShort() {
        ReviewMark.of(nurlansAccess(), "gulnara", "ALM-SPD", ReviewOutcome.JUSTIFIED, null, "а".repeat(200), NOW);
        assertThatThrownBy(() -> ReviewMark.of(nurlansAccess(), "gulnara", "ALM-SPD", ReviewOutcome.JUSTIFIED, null,
                "а".repeat(201), NOW)).hasMessage("breakGlass.review.commentTooLong");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ИИН 880402450123 проверен", "звонила +7 701 555 12 34", "тел. 8(727)2501234",
            "номер 87015551234"})
    void refusesACommentWithAnIinOrAPhoneNumber(String comment) {
        assertThatThrownBy(() -> ReviewMark.of(nurlansAccess(), "gulnara", "ALM-SPD", ReviewOutcome.JUSTIFIED, null,
                comment, NOW)).hasMessage("breakGlass.review.commentPersonalData");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Звонок полиции 2026-11-20 в 14:30", "ст. 108-1, приказ № 245", "Дело передано 20.11.2026"})
    void datesArticlesAndShortNumbersAreNoPersonalData(String comment) {
        assertThat(ReviewMark.of(nurlansAccess(), "gulnara", "ALM-SPD", ReviewOutcome.JUSTIFIED, null, comment, NOW)
                .comment()).contains(comment);
    }
}
