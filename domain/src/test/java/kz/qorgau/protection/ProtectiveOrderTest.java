package kz.qorgau.protection;

import jakarta.persistence.Column;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.LegalTerms;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProtectiveOrderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final LocalDate ISSUED = LocalDate.of(2026, 11, 1);
    private static final LocalDate LAST_VALID_DAY = LocalDate.of(2026, 11, 30);
    private static final Set<Prohibition> NO_VIOLENCE = Set.of(Prohibition.NO_VIOLENCE);

    private static Perpetrator bornOn(LocalDate birthDate) {
        return new Perpetrator("Тестов", "Ерлан", null, birthDate);
    }

    private static ProtectiveOrder issue(LocalDate issueDate, Perpetrator perpetrator, Set<Prohibition> prohibitions) {
        return ProtectiveOrder.issue(17L, "ALM-POL", "daniyar", "ЗП-118", issueDate, perpetrator, prohibitions, TODAY,
                NOW);
    }

    private static ProtectiveOrder order() {
        return issue(ISSUED, bornOn(LocalDate.of(1988, 4, 9)), NO_VIOLENCE);
    }

    private static List<String> refusalOf(ThrowingCallable call) {
        InvalidInputException refusal = catchThrowableOfType(InvalidInputException.class, call);
        assertThat(refusal).as("refused").isNotNull();
        return refusal.messageKeys();
    }

    @Test
    void issuingRecordsTheOrderAndItsLastValidDay() {
        ProtectiveOrder order = issue(ISSUED, new Perpetrator(" Тестов ", "Ерлан", "Болатұлы", LocalDate.of(1988, 4, 9)),
                Set.of(Prohibition.NO_VIOLENCE, Prohibition.NO_VISITING));

        assertThat(order.caseFileId()).isEqualTo(17L);
        assertThat(order.issuingUnitCode()).isEqualTo("ALM-POL");
        assertThat(order.issuingOfficer()).isEqualTo("daniyar");
        assertThat(order.orderNumber()).isEqualTo("ЗП-118");
        assertThat(order.issueDate()).isEqualTo(ISSUED);
        assertThat(order.perpetrator()).isEqualTo(new Perpetrator("Тестов", "Ерлан", "Болатұлы", LocalDate.of(1988, 4, 9)));
        assertThat(order.prohibitions()).containsExactly(Prohibition.NO_VIOLENCE, Prohibition.NO_VISITING);
        assertThat(order.recordedAt()).isEqualTo(NOW);
        assertThat(order.violations()).isEmpty();
        assertThat(order.revokedOn()).isEmpty();
    }

    @Test
    void theOrderRunsThirtyCalendarDaysCountingTheDayOfIssue() {
        assertThat(order().validUntil()).isEqualTo(LAST_VALID_DAY);
        assertThat(issue(LocalDate.of(2026, 2, 15), bornOn(LocalDate.of(1988, 4, 9)), NO_VIOLENCE).validUntil())
                .isEqualTo(LocalDate.of(2026, 3, 16));
    }

    @Test
    void aPerpetratorWhoTurnsSixteenOnTheDayOfIssueMayReceiveAnOrder() {
        ProtectiveOrder order = issue(ISSUED, bornOn(ISSUED.minusYears(16)), NO_VIOLENCE);
        assertThat(order.perpetrator().birthDate()).isEqualTo(LocalDate.of(2010, 11, 1));
    }

    @Test
    void aPerpetratorOneDayShortOfSixteenIsRefused() {
        assertThat(refusalOf(() -> issue(ISSUED, bornOn(ISSUED.minusYears(16).plusDays(1)), NO_VIOLENCE)))
                .containsExactly("order.perpetrator.tooYoung");
    }

    @Test
    void theMinimumAgeIsTheLaws() {
        assertThat(LegalTerms.on(ISSUED).protectiveOrderMinimumAge()).isEqualTo(16);
    }

    @Test
    void anIssueDateInTheFutureIsRefused() {
        assertThat(refusalOf(() -> issue(TODAY.plusDays(1), bornOn(LocalDate.of(1988, 4, 9)), NO_VIOLENCE)))
                .containsExactly("order.issueDate.future");
    }

    @Test
    void anOrderIssuedTodayIsAccepted() {
        assertThat(issue(TODAY, bornOn(LocalDate.of(1988, 4, 9)), NO_VIOLENCE).status(TODAY)).isEqualTo(OrderStatus.ACTIVE);
    }

    @Test
    void anOrderWithoutProhibitionsIsRefused() {
        assertThat(refusalOf(() -> issue(ISSUED, bornOn(LocalDate.of(1988, 4, 9)), Set.of())))
                .containsExactly("order.prohibitions.required");
    }

    @Test
    void everyRefusalOfIssueIsNamedAtOnce() {
        assertThat(refusalOf(() -> issue(TODAY.plusDays(1), bornOn(TODAY), Set.of()))).containsExactly(
                "order.issueDate.future", "order.perpetrator.tooYoung", "order.prohibitions.required");
    }

    @Test
    void anOrderNeedsItsUnitOfficerNumberAndPerpetratorNames() {
        Perpetrator adult = bornOn(LocalDate.of(1988, 4, 9));
        assertThatThrownBy(() -> ProtectiveOrder.issue(17L, " ", "daniyar", "1", ISSUED, adult, NO_VIOLENCE, TODAY, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProtectiveOrder.issue(17L, "ALM-POL", "daniyar", "", ISSUED, adult, NO_VIOLENCE, TODAY, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Perpetrator("Тестов", " ", null, LocalDate.of(1988, 4, 9)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Perpetrator("Тестов", "Ерлан", null, null)).isInstanceOf(NullPointerException.class);
        assertThat(new Perpetrator("Тестов", "Ерлан", " ", LocalDate.of(1988, 4, 9)).patronymic()).isNull();
    }

    @Test
    void theOrderIsActiveFromTheDayOfIssueThroughItsLastValidDayAndExpiredAfter() {
        ProtectiveOrder order = order();
        assertThat(order.status(ISSUED)).isEqualTo(OrderStatus.ACTIVE);
        assertThat(order.status(LAST_VALID_DAY)).isEqualTo(OrderStatus.ACTIVE);
        assertThat(order.status(LAST_VALID_DAY.plusDays(1))).isEqualTo(OrderStatus.EXPIRED);
    }

    @Test
    void aRevokedOrderIsRevokedFromTheDayOfRevocation() {
        ProtectiveOrder order = order();
        order.revoke(LocalDate.of(2026, 11, 10), "Отменено прокурором", "chief", TODAY);

        assertThat(order.status(LocalDate.of(2026, 11, 9))).isEqualTo(OrderStatus.ACTIVE);
        assertThat(order.status(LocalDate.of(2026, 11, 10))).isEqualTo(OrderStatus.REVOKED);
        assertThat(order.status(LAST_VALID_DAY.plusDays(1))).isEqualTo(OrderStatus.REVOKED);
        assertThat(order.revokedOn()).contains(LocalDate.of(2026, 11, 10));
        assertThat(order.revocationReason()).contains("Отменено прокурором");
        assertThat(order.revokedBy()).contains("chief");
    }

    @Test
    void anOrderCanBeRevokedOnTheDayOfIssueAndOnItsLastValidDay() {
        ProtectiveOrder first = order();
        first.revoke(ISSUED, "ошибка в предписании", "chief", TODAY);
        assertThat(first.status(ISSUED)).isEqualTo(OrderStatus.REVOKED);

        ProtectiveOrder last = order();
        last.revoke(LAST_VALID_DAY, "отменено", "chief", LAST_VALID_DAY);
        assertThat(last.status(LAST_VALID_DAY)).isEqualTo(OrderStatus.REVOKED);
    }

    @Test
    void aRevocationMayBeRecordedAfterTheOrderEndedIfItHappenedWhileInForce() {
        ProtectiveOrder order = order();
        order.revoke(LocalDate.of(2026, 11, 20), "отменено", "chief", LAST_VALID_DAY.plusDays(10));
        assertThat(order.status(LAST_VALID_DAY.plusDays(10))).isEqualTo(OrderStatus.REVOKED);
    }

    @Test
    void anOrderCannotBeRevokedTwice() {
        ProtectiveOrder order = order();
        order.revoke(LocalDate.of(2026, 11, 10), "отменено", "chief", TODAY);
        assertThat(refusalOf(() -> order.revoke(LocalDate.of(2026, 11, 12), "снова", "chief", TODAY)))
                .containsExactly("order.revocation.alreadyRevoked");
        assertThat(order.revokedOn()).contains(LocalDate.of(2026, 11, 10));
    }

    @Test
    void anExpiredOrderCannotBeRevoked() {
        ProtectiveOrder order = order();
        LocalDate later = LAST_VALID_DAY.plusDays(1);
        assertThat(refusalOf(() -> order.revoke(later, "отменено", "chief", later)))
                .containsExactly("order.revocation.expired");
        assertThat(order.status(later)).isEqualTo(OrderStatus.EXPIRED);
    }

    @Test
    void aRevocationCannotPrecedeTheIssue() {
        assertThat(refusalOf(() -> order().revoke(ISSUED.minusDays(1), "отменено", "chief", TODAY)))
                .containsExactly("order.revocation.date.beforeIssue");
    }

    @Test
    void aRevocationCannotBeInTheFuture() {
        ProtectiveOrder order = order();
        assertThat(refusalOf(() -> order.revoke(TODAY.plusDays(1), "отменено", "chief", TODAY)))
                .containsExactly("order.revocation.date.future");
        assertThat(order.revokedOn()).isEmpty();
    }

    @Test
    void aRevocationCannotPrecedeARecordedViolation() {
        ProtectiveOrder order = order();
        order.recordViolation(LocalDate.of(2026, 11, 12), ViolationConsequence.WARNING, null, "daniyar", TODAY, NOW);
        assertThat(refusalOf(() -> order.revoke(LocalDate.of(2026, 11, 11), "отменено", "chief", TODAY)))
                .containsExactly("order.revocation.date.beforeViolation");
        order.revoke(LocalDate.of(2026, 11, 12), "отменено", "chief", TODAY);
        assertThat(order.status(TODAY)).isEqualTo(OrderStatus.REVOKED);
    }

    @Test
    void aRevocationNeedsAReasonAndAnAuthor() {
        ProtectiveOrder order = order();
        assertThatThrownBy(() -> order.revoke(ISSUED, " ", "chief", TODAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> order.revoke(ISSUED, "отменено", null, TODAY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(order.revokedOn()).isEmpty();
    }

    @Test
    void aViolationIsRecordedWithItsConsequence() {
        ProtectiveOrder order = order();
        Violation violation = order.recordViolation(LocalDate.of(2026, 11, 5), ViolationConsequence.WARNING, null,
                "daniyar", TODAY, NOW);

        assertThat(order.violations()).containsExactly(violation);
        assertThat(violation.occurredOn()).isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(violation.consequence()).isEqualTo(ViolationConsequence.WARNING);
        assertThat(violation.arrestDays()).isEmpty();
        assertThat(violation.recordedBy()).isEqualTo("daniyar");
        assertThat(violation.recordedAt()).isEqualTo(NOW);
    }

    @Test
    void violationsAreListedByDate() {
        ProtectiveOrder order = order();
        order.recordViolation(LocalDate.of(2026, 11, 9), ViolationConsequence.CRIMINAL_PROCEEDINGS, null, "d", TODAY, NOW);
        order.recordViolation(LocalDate.of(2026, 11, 3), ViolationConsequence.WARNING, null, "d", TODAY, NOW);
        assertThat(order.violations()).extracting(Violation::occurredOn)
                .containsExactly(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 9));
    }

    @Test
    void anAdministrativeArrestOfFiveDaysIsAccepted() {
        Violation violation = order().recordViolation(LocalDate.of(2026, 11, 5), ViolationConsequence.ADMINISTRATIVE_ARREST,
                5, "daniyar", TODAY, NOW);
        assertThat(violation.arrestDays()).hasValue(5);
    }

    @Test
    void anAdministrativeArrestOfOneDayIsAccepted() {
        assertThat(order().recordViolation(LocalDate.of(2026, 11, 5), ViolationConsequence.ADMINISTRATIVE_ARREST, 1,
                "daniyar", TODAY, NOW).arrestDays()).hasValue(1);
    }

    @Test
    void anAdministrativeArrestOfSixDaysIsRefused() {
        assertThat(refusalOf(() -> order().recordViolation(LocalDate.of(2026, 11, 5),
                ViolationConsequence.ADMINISTRATIVE_ARREST, 6, "daniyar", TODAY, NOW)))
                .containsExactly("order.violation.arrestDays.outOfRange");
    }

    @Test
    void anAdministrativeArrestOfNoDaysIsRefused() {
        assertThat(refusalOf(() -> order().recordViolation(LocalDate.of(2026, 11, 5),
                ViolationConsequence.ADMINISTRATIVE_ARREST, 0, "daniyar", TODAY, NOW)))
                .containsExactly("order.violation.arrestDays.outOfRange");
        assertThat(refusalOf(() -> order().recordViolation(LocalDate.of(2026, 11, 5),
                ViolationConsequence.ADMINISTRATIVE_ARREST, null, "daniyar", TODAY, NOW)))
                .containsExactly("order.violation.arrestDays.required");
    }

    @Test
    void arrestDaysOnAWarningOrCriminalProceedingsAreRefused() {
        assertThat(refusalOf(() -> order().recordViolation(LocalDate.of(2026, 11, 5), ViolationConsequence.WARNING, 2,
                "daniyar", TODAY, NOW))).containsExactly("order.violation.arrestDays.notApplicable");
        assertThat(refusalOf(() -> order().recordViolation(LocalDate.of(2026, 11, 5),
                ViolationConsequence.CRIMINAL_PROCEEDINGS, 2, "daniyar", TODAY, NOW)))
                .containsExactly("order.violation.arrestDays.notApplicable");
    }

    @Test
    void aViolationOnTheDayOfIssueOrTheLastValidDayIsAccepted() {
        ProtectiveOrder order = order();
        order.recordViolation(ISSUED, ViolationConsequence.WARNING, null, "daniyar", LAST_VALID_DAY, NOW);
        order.recordViolation(LAST_VALID_DAY, ViolationConsequence.WARNING, null, "daniyar", LAST_VALID_DAY, NOW);
        assertThat(order.violations()).hasSize(2);
    }

    @Test
    void aViolationBeforeTheIssueOrAfterTheLastValidDayIsRefused() {
        ProtectiveOrder order = order();
        LocalDate later = LAST_VALID_DAY.plusDays(5);
        assertThat(refusalOf(() -> order.recordViolation(ISSUED.minusDays(1), ViolationConsequence.WARNING, null,
                "daniyar", later, NOW))).containsExactly("order.violation.date.outsideValidity");
        assertThat(refusalOf(() -> order.recordViolation(LAST_VALID_DAY.plusDays(1), ViolationConsequence.WARNING, null,
                "daniyar", later, NOW))).containsExactly("order.violation.date.outsideValidity");
        assertThat(order.violations()).isEmpty();
    }

    @Test
    void aViolationInTheFutureIsRefused() {
        assertThat(refusalOf(() -> order().recordViolation(TODAY.plusDays(1), ViolationConsequence.WARNING, null,
                "daniyar", TODAY, NOW))).containsExactly("order.violation.date.future");
    }

    @Test
    void aViolationAfterTheRevocationIsRefusedButOnItsDayAccepted() {
        ProtectiveOrder order = order();
        order.revoke(LocalDate.of(2026, 11, 10), "отменено", "chief", TODAY);
        assertThat(refusalOf(() -> order.recordViolation(LocalDate.of(2026, 11, 11), ViolationConsequence.WARNING, null,
                "daniyar", TODAY, NOW))).containsExactly("order.violation.date.afterRevocation");
        order.recordViolation(LocalDate.of(2026, 11, 10), ViolationConsequence.WARNING, null, "daniyar", TODAY, NOW);
        assertThat(order.violations()).hasSize(1);
    }

    @Test
    void aViolationDuringTheOrderMayBeRecordedAfterItExpired() {
        ProtectiveOrder order = order();
        order.recordViolation(LocalDate.of(2026, 11, 28), ViolationConsequence.CRIMINAL_PROCEEDINGS, null, "daniyar",
                LAST_VALID_DAY.plusDays(3), NOW);
        assertThat(order.violations()).hasSize(1);
    }

    @Test
    void anOrderExpiresWithinTheDaysUpToItsLastValidDay() {
        ProtectiveOrder order = order();
        LocalDate today = LocalDate.of(2026, 11, 23);
        assertThat(order.expiresWithin(7, today)).isTrue();
        assertThat(order.expiresWithin(6, today)).isFalse();
        assertThat(order.expiresWithin(0, LAST_VALID_DAY)).isTrue();
        assertThat(order.expiresWithin(7, LAST_VALID_DAY.plusDays(1))).as("already expired").isFalse();
        assertThatThrownBy(() -> order.expiresWithin(-1, today)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRevokedOrderNoLongerExpires() {
        ProtectiveOrder order = order();
        order.revoke(LocalDate.of(2026, 11, 20), "отменено", "chief", TODAY);
        assertThat(order.expiresWithin(30, TODAY)).isFalse();
    }

    @Test
    void anOrderIssuedUnderThe2024TermsKeepsItsStoredLastValidDay() throws ReflectiveOperationException {
        LocalDate issued = LocalDate.of(2024, 7, 1);
        ProtectiveOrder order = issue(issued, bornOn(LocalDate.of(1980, 1, 1)), NO_VIOLENCE);
        assertThat(LegalTerms.on(issued)).isEqualTo(LegalTerms.AMENDMENTS_2024);
        assertThat(order.validUntil()).isEqualTo(LocalDate.of(2024, 7, 30));

        // It is a column written once, at issue ...
        Column column = ProtectiveOrder.class.getDeclaredField("validUntil").getAnnotation(Column.class);
        assertThat(column.name()).isEqualTo("valid_until");
        assertThat(column.updatable()).isFalse();

        // ... and what was stored rules, whatever the law says today: a row written under a ten-day term stays so.
        Field validUntil = ProtectiveOrder.class.getDeclaredField("validUntil");
        validUntil.setAccessible(true);
        validUntil.set(order, LocalDate.of(2024, 7, 10));
        assertThat(order.validUntil()).isEqualTo(LocalDate.of(2024, 7, 10));
        assertThat(order.status(LocalDate.of(2024, 7, 11))).isEqualTo(OrderStatus.EXPIRED);
        assertThat(refusalOf(() -> order.recordViolation(LocalDate.of(2024, 7, 15), ViolationConsequence.WARNING, null,
                "daniyar", TODAY, NOW))).containsExactly("order.violation.date.outsideValidity");
    }

    @Test
    void everyRefusalHasAnEnglishRussianAndKazakhText() {
        List<String> keys = List.of("order.issueDate.future", "order.perpetrator.tooYoung",
                "order.prohibitions.required", "order.violation.date.future", "order.violation.date.outsideValidity",
                "order.violation.date.afterRevocation", "order.violation.arrestDays.required",
                "order.violation.arrestDays.outOfRange", "order.violation.arrestDays.notApplicable",
                "order.revocation.alreadyRevoked", "order.revocation.expired", "order.revocation.date.future",
                "order.revocation.date.beforeIssue", "order.revocation.date.beforeViolation");
        // the root bundle is the English one; asked for by "en" it would fall back to the machine's default locale
        for (Locale language : List.of(Locale.forLanguageTag("ru"), Locale.forLanguageTag("kk"), Locale.ROOT)) {
            ResourceBundle bundle = ResourceBundle.getBundle("ValidationMessages", language);
            for (String key : keys) {
                assertThat(bundle.getString(key)).as(language + " " + key).isNotBlank();
            }
        }
        assertThat(ResourceBundle.getBundle("ValidationMessages", Locale.forLanguageTag("ru"))
                .getString("order.perpetrator.tooYoung")).contains("16 лет");
    }
}
