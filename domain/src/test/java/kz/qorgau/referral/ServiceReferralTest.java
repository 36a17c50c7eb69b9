package kz.qorgau.referral;

import kz.qorgau.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceReferralTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final String CENTRE = "ALM-CC";
    private static final String NGO = "ALM-NGO";
    private static final String POLICE = "ALM-POL";

    /** Proposed ten days ago; each later step a day after the one before, at 11:00 in Almaty. */
    private static final Instant PROPOSED_AT = NOW.minus(Duration.ofDays(10));
    private static final Instant SENT_AT = PROPOSED_AT.plus(Duration.ofDays(1));
    private static final Instant ANSWERED_AT = PROPOSED_AT.plus(Duration.ofDays(2));
    private static final Instant STARTED_AT = PROPOSED_AT.plus(Duration.ofDays(3));
    private static final Instant CLOSED_AT = PROPOSED_AT.plus(Duration.ofDays(4));
    private static final LocalDate ACCEPTED_ON = LocalDate.of(2026, 11, 14);

    /** The transitions the law's process allows; the tests hold their own copy rather than trust the enum's. */
    private static final Set<List<ReferralStatus>> ALLOWED = Set.of(
            List.of(ReferralStatus.PROPOSED, ReferralStatus.SENT),
            List.of(ReferralStatus.SENT, ReferralStatus.ACCEPTED),
            List.of(ReferralStatus.SENT, ReferralStatus.DECLINED),
            List.of(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS),
            List.of(ReferralStatus.IN_PROGRESS, ReferralStatus.COMPLETED),
            List.of(ReferralStatus.PROPOSED, ReferralStatus.CANCELLED),
            List.of(ReferralStatus.SENT, ReferralStatus.CANCELLED),
            List.of(ReferralStatus.ACCEPTED, ReferralStatus.CANCELLED),
            List.of(ReferralStatus.IN_PROGRESS, ReferralStatus.CANCELLED));

    private static ServiceReferral proposed() {
        return ServiceReferral.propose(42L, SpecialSocialService.PSYCHOLOGICAL, CENTRE, NGO, "aigerim", PROPOSED_AT);
    }

    /** A referral brought to a status along the allowed path. */
    private static ServiceReferral in(ReferralStatus status) {
        ServiceReferral referral = proposed();
        switch (status) {
            case PROPOSED -> { }
            case CANCELLED -> referral.cancel("aigerim", CLOSED_AT);
            default -> {
                referral.send("aigerim", SENT_AT, true);
                switch (status) {
                    case DECLINED -> referral.decline(DeclineReason.NO_CAPACITY, "dana", NGO, ANSWERED_AT);
                    case ACCEPTED, IN_PROGRESS, COMPLETED -> {
                        referral.accept("dana", NGO, ANSWERED_AT);
                        if (status != ReferralStatus.ACCEPTED) {
                            referral.start("dana", NGO, STARTED_AT);
                        }
                        if (status == ReferralStatus.COMPLETED) {
                            referral.complete("dana", NGO, CLOSED_AT);
                        }
                    }
                    default -> { }
                }
            }
        }
        assertThat(referral.status()).isEqualTo(status);
        return referral;
    }

    /** The one method that asks for each target status; nothing leads back to PROPOSED. */
    private static void moveTo(ServiceReferral referral, ReferralStatus target) {
        switch (target) {
            case SENT -> referral.send("aigerim", NOW, true);
            case ACCEPTED -> referral.accept("dana", NGO, NOW);
            case DECLINED -> referral.decline(DeclineReason.NOT_IN_MANDATE, "dana", NGO, NOW);
            case IN_PROGRESS -> referral.start("dana", NGO, NOW);
            case COMPLETED -> referral.complete("dana", NGO, NOW);
            case CANCELLED -> referral.cancel("aigerim", NOW);
            case PROPOSED -> throw new IllegalArgumentException("no transition leads to PROPOSED");
        }
    }

    /** Everything a refused action must leave as it was. */
    private static List<Object> state(ServiceReferral referral) {
        return Arrays.asList(referral.status(), referral.sentAt(), referral.sentBy(), referral.answeredAt(),
                referral.answeredBy(), referral.declineReason(), referral.startedAt(), referral.startedBy(),
                referral.closedAt(), referral.closedBy(), List.copyOf(referral.deliveries()), referral.totalHours());
    }

    private static void assertRefused(ServiceReferral referral, ThrowingConsumer<ServiceReferral> action,
                                      String... keys) {
        List<Object> before = state(referral);
        assertThatThrownBy(() -> action.accept(referral))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKeys())
                .asList().containsExactly((Object[]) keys);
        assertThat(state(referral)).isEqualTo(before);
    }

    static Stream<Arguments> everyStatusPair() {
        return Arrays.stream(ReferralStatus.values())
                .flatMap(from -> Arrays.stream(ReferralStatus.values()).map(to -> Arguments.of(from, to)));
    }

    static Stream<Arguments> everyStatusAndTransitionMethod() {
        return everyStatusPair().filter(pair -> pair.get()[1] != ReferralStatus.PROPOSED);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("everyStatusPair")
    void theStatusTableAllowsExactlyTheProcess(ReferralStatus from, ReferralStatus to) {
        assertThat(from.mayBecome(to)).isEqualTo(ALLOWED.contains(List.of(from, to)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("everyStatusAndTransitionMethod")
    void eachTransitionIsDoneOrRefusedWithoutChangingAnything(ReferralStatus from, ReferralStatus to) {
        ServiceReferral referral = in(from);
        if (ALLOWED.contains(List.of(from, to))) {
            moveTo(referral, to);
            assertThat(referral.status()).isEqualTo(to);
        } else {
            assertRefused(referral, r -> moveTo(r, to), "referral.transition.notAllowed");
        }
    }

    @Test
    void aProposalIsNotYetSent() {
        ServiceReferral referral = proposed();

        assertThat(referral.status()).isEqualTo(ReferralStatus.PROPOSED);
        assertThat(referral.caseFileId()).isEqualTo(42L);
        assertThat(referral.service()).isEqualTo(SpecialSocialService.PSYCHOLOGICAL);
        assertThat(referral.fromOrganisationCode()).isEqualTo(CENTRE);
        assertThat(referral.toOrganisationCode()).isEqualTo(NGO);
        assertThat(referral.createdBy()).isEqualTo("aigerim");
        assertThat(referral.createdAt()).isEqualTo(PROPOSED_AT);
        assertThat(referral.sentAt()).isEmpty();
        assertThat(referral.deliveries()).isEmpty();
        assertThat(referral.totalHours()).isEqualByComparingTo("0").hasScaleOf(2);
    }

    @Test
    void eachStepRecordsWhoAndWhen() {
        ServiceReferral completed = in(ReferralStatus.COMPLETED);
        assertThat(completed.sentAt()).contains(SENT_AT);
        assertThat(completed.sentBy()).contains("aigerim");
        assertThat(completed.answeredAt()).contains(ANSWERED_AT);
        assertThat(completed.answeredBy()).contains("dana");
        assertThat(completed.startedAt()).contains(STARTED_AT);
        assertThat(completed.closedAt()).contains(CLOSED_AT);
        assertThat(completed.closedBy()).contains("dana");
        assertThat(completed.declineReason()).isEmpty();

        ServiceReferral declined = in(ReferralStatus.DECLINED);
        assertThat(declined.declineReason()).contains(DeclineReason.NO_CAPACITY);
        assertThat(declined.answeredAt()).contains(ANSWERED_AT);
        assertThat(declined.closedAt()).isEmpty();

        ServiceReferral cancelled = in(ReferralStatus.CANCELLED);
        assertThat(cancelled.closedAt()).contains(CLOSED_AT);
        assertThat(cancelled.closedBy()).contains("aigerim");
        assertThat(cancelled.sentAt()).isEmpty();
    }

    @Test
    void aReferralCannotBeAddressedToTheOrganisationThatMakesIt() {
        assertThatThrownBy(() -> ServiceReferral.propose(42L, SpecialSocialService.LEGAL, CENTRE, CENTRE, "aigerim", NOW))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKeys())
                .asList().containsExactly("referral.selfReferral");
    }

    @Test
    void aDeclineNeedsAReason() {
        ServiceReferral sent = in(ReferralStatus.SENT);
        assertRefused(sent, r -> r.decline(null, "dana", NGO, ANSWERED_AT), "referral.decline.reasonRequired");
    }

    @Test
    void isNotSentWithoutConsentToDisclosure() {
        assertRefused(proposed(), r -> r.send("aigerim", NOW, false), "referral.consent.disclosureMissing");
    }

    @Test
    void consentDoesNotMakeARefusedTransitionPossible() {
        assertRefused(in(ReferralStatus.SENT), r -> r.send("aigerim", NOW, false), "referral.transition.notAllowed");
    }

    @Test
    void onlyTheProviderAnswers() {
        ServiceReferral referral = in(ReferralStatus.SENT);
        assertRefused(referral, r -> r.accept("aigerim", CENTRE, NOW), "referral.notAddressedToYou");
        assertRefused(referral, r -> r.decline(DeclineReason.OTHER, "police", POLICE, NOW), "referral.notAddressedToYou");
        assertRefused(referral, r -> r.accept("nobody", null, NOW), "referral.notAddressedToYou");
    }

    @Test
    void onlyTheProviderStartsCompletesAndRecordsDeliveries() {
        assertRefused(in(ReferralStatus.ACCEPTED), r -> r.start("aigerim", CENTRE, NOW), "referral.notAddressedToYou");
        assertRefused(in(ReferralStatus.IN_PROGRESS), r -> r.complete("aigerim", CENTRE, NOW), "referral.notAddressedToYou");
        assertRefused(in(ReferralStatus.IN_PROGRESS),
                r -> r.recordDelivery(TODAY, new BigDecimal("2"), "aigerim", CENTRE, TODAY, NOW),
                "referral.notAddressedToYou");
    }

    @Test
    void theFirstDeliveryPutsAnAcceptedReferralInProgress() {
        ServiceReferral referral = in(ReferralStatus.ACCEPTED);

        ServiceDelivery delivery = referral.recordDelivery(TODAY, new BigDecimal("1.5"), "dana", NGO, TODAY, NOW);

        assertThat(referral.status()).isEqualTo(ReferralStatus.IN_PROGRESS);
        assertThat(referral.startedAt()).contains(NOW);
        assertThat(referral.startedBy()).contains("dana");
        assertThat(delivery.deliveredOn()).isEqualTo(TODAY);
        assertThat(delivery.hours()).isEqualTo(new BigDecimal("1.50"));
        assertThat(delivery.providerOrganisationCode()).isEqualTo(NGO);
        assertThat(delivery.recordedBy()).isEqualTo("dana");
        assertThat(delivery.recordedAt()).isEqualTo(NOW);
        assertThat(referral.deliveries()).containsExactly(delivery);
    }

    @Test
    void laterDeliveriesAddUp() {
        ServiceReferral referral = in(ReferralStatus.IN_PROGRESS);
        referral.recordDelivery(TODAY.minusDays(1), new BigDecimal("2.25"), "dana", NGO, TODAY, NOW);
        referral.recordDelivery(TODAY, new BigDecimal("24"), "dana", NGO, TODAY, NOW);

        assertThat(referral.status()).isEqualTo(ReferralStatus.IN_PROGRESS);
        assertThat(referral.startedAt()).contains(STARTED_AT);
        assertThat(referral.deliveries()).hasSize(2);
        assertThat(referral.totalHours()).isEqualTo(new BigDecimal("26.25"));
    }

    @ParameterizedTest
    @EnumSource(names = {"PROPOSED", "SENT", "DECLINED", "COMPLETED", "CANCELLED"})
    void noDeliveryUnlessAcceptedOrInProgress(ReferralStatus status) {
        assertRefused(in(status), r -> r.recordDelivery(TODAY, BigDecimal.ONE, "dana", NGO, TODAY, NOW),
                "referral.delivery.notAllowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1", "24.01", "25"})
    void hoursMustBeMoreThanNothingAndAtMostADay(String hours) {
        assertRefused(in(ReferralStatus.ACCEPTED),
                r -> r.recordDelivery(TODAY, new BigDecimal(hours), "dana", NGO, TODAY, NOW),
                "referral.delivery.hours.outOfRange");
    }

    @ParameterizedTest
    @ValueSource(strings = {"24", "24.00", "0.01", "8.5", "1.250"})
    void hoursUpToADayInHundredthsAreAccepted(String hours) {
        ServiceReferral referral = in(ReferralStatus.ACCEPTED);
        ServiceDelivery delivery = referral.recordDelivery(TODAY, new BigDecimal(hours), "dana", NGO, TODAY, NOW);
        assertThat(delivery.hours()).isEqualByComparingTo(hours).hasScaleOf(2);
    }

    @Test
    void hoursFinerThanHundredthsAreRefusedNotRounded() {
        assertRefused(in(ReferralStatus.ACCEPTED),
                r -> r.recordDelivery(TODAY, new BigDecimal("0.004"), "dana", NGO, TODAY, NOW),
                "referral.delivery.hours.tooPrecise");
    }

    @Test
    void aDeliveryCannotBeInTheFuture() {
        assertRefused(in(ReferralStatus.IN_PROGRESS),
                r -> r.recordDelivery(TODAY.plusDays(1), BigDecimal.ONE, "dana", NGO, TODAY, NOW),
                "referral.delivery.date.future");
    }

    @Test
    void aDeliveryCannotPrecedeTheAcceptance() {
        ServiceReferral referral = in(ReferralStatus.ACCEPTED);
        assertRefused(referral, r -> r.recordDelivery(ACCEPTED_ON.minusDays(1), BigDecimal.ONE, "dana", NGO, TODAY, NOW),
                "referral.delivery.date.beforeAcceptance");

        referral.recordDelivery(ACCEPTED_ON, BigDecimal.ONE, "dana", NGO, TODAY, NOW);
        assertThat(referral.deliveries()).hasSize(1);
    }

    @Test
    void theDayOfAcceptanceIsTheDayInKazakhstan() {
        ServiceReferral referral = in(ReferralStatus.SENT);
        // 21:00 UTC on the 14th is 02:00 on the 15th in Almaty
        referral.accept("dana", NGO, Instant.parse("2026-11-14T21:00:00Z"));

        assertRefused(referral, r -> r.recordDelivery(ACCEPTED_ON, BigDecimal.ONE, "dana", NGO, TODAY, NOW),
                "referral.delivery.date.beforeAcceptance");
        referral.recordDelivery(ACCEPTED_ON.plusDays(1), BigDecimal.ONE, "dana", NGO, TODAY, NOW);
    }

    @Test
    void everyBrokenRuleOfADeliveryIsNamedAtOnce() {
        assertRefused(in(ReferralStatus.IN_PROGRESS),
                r -> r.recordDelivery(TODAY.plusDays(1), new BigDecimal("30.001"), "dana", NGO, TODAY, NOW),
                "referral.delivery.hours.outOfRange", "referral.delivery.hours.tooPrecise",
                "referral.delivery.date.future");
    }

    /**
     * The provider has three whole days after the day the referral was sent: sent on the 18th, it may still be
     * answered on the 21st (three days later) and is overdue from the 22nd (four days later).
     */
    @Test
    void isUnansweredFromTheFourthDayAfterSending() {
        ServiceReferral referral = proposed();
        referral.send("aigerim", Instant.parse("2026-11-18T05:00:00Z"), true);

        assertThat(referral.answerDueOn()).contains(LocalDate.of(2026, 11, 21));
        assertThat(referral.isUnanswered(LocalDate.of(2026, 11, 18))).isFalse();
        assertThat(referral.isUnanswered(LocalDate.of(2026, 11, 21))).isFalse();
        assertThat(referral.isUnanswered(LocalDate.of(2026, 11, 22))).isTrue();
    }

    @Test
    void daysAreCountedFromTheDayOfSendingInKazakhstan() {
        ServiceReferral referral = proposed();
        // 20:00 UTC on the 18th is already the 19th in Almaty
        referral.send("aigerim", Instant.parse("2026-11-18T20:00:00Z"), true);

        assertThat(referral.isUnanswered(LocalDate.of(2026, 11, 22))).isFalse();
        assertThat(referral.isUnanswered(LocalDate.of(2026, 11, 23))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(names = "SENT", mode = EnumSource.Mode.EXCLUDE)
    void onlyASentReferralCanBeUnanswered(ReferralStatus status) {
        assertThat(in(status).isUnanswered(TODAY.plusYears(1))).isFalse();
    }

    @Test
    void everyRefusalHasAnEnglishRussianAndKazakhText() {
        List<String> keys = List.of("referral.transition.notAllowed", "referral.consent.disclosureMissing",
                "referral.notAddressedToYou", "referral.selfReferral", "referral.delivery.notAllowed",
                "referral.delivery.hours.outOfRange", "referral.delivery.hours.tooPrecise",
                "referral.delivery.date.future", "referral.delivery.date.beforeAcceptance");
        for (String language : new String[]{"en", "ru", "kk"}) {
            ResourceBundle bundle = ResourceBundle.getBundle("ValidationMessages", Locale.forLanguageTag(language));
            for (String key : keys) {
                assertThat(bundle.getString(key)).as(language + " " + key).isNotBlank().doesNotContain("{");
            }
        }
        assertThat(ResourceBundle.getBundle("ValidationMessages", Locale.forLanguageTag("kk"))
                .getString("referral.notAddressedToYou")).isEqualTo("Бұл жолдама сіздің ұйымыңызға жіберілмеген.");
    }
}
