package kz.qorgau.mandate;

import kz.qorgau.shared.InvalidInputException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CourtMandateTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final LocalDate DECIDED = LocalDate.of(2026, 5, 25);
    private static final LocalDate START = LocalDate.of(2026, 6, 1);
    /** Six months counting the start day. */
    private static final LocalDate END = LocalDate.of(2026, 11, 30);
    private static final Set<Requirement> NO_CONTACT = Set.of(Requirement.NO_CONTACT);

    private static CourtMandate record(LocalDate start, LocalDate end, Set<Requirement> requirements,
                                       Integer policeReports, TemporaryEviction eviction, PsychocorrectionTerms course) {
        return CourtMandate.record(17L, "ALM-CRT", "2-118/2026", DECIDED, "aliya", start, end, requirements,
                policeReports, eviction, course, TODAY, NOW);
    }

    private static CourtMandate lasting(LocalDate start, LocalDate end) {
        return record(start, end, NO_CONTACT, null, null, null);
    }

    private static CourtMandate withCourse(int sessionsRequired) {
        return record(START, END, Set.of(), null, null, new PsychocorrectionTerms("ALM-PSY", sessionsRequired));
    }

    private static List<String> refusalOf(ThrowingCallable call) {
        InvalidInputException refusal = catchThrowableOfType(InvalidInputException.class, call);
        assertThat(refusal).as("refused").isNotNull();
        return refusal.messageKeys();
    }

    @Test
    void recordsTheDecisionWithItsRequirements() {
        TemporaryEviction eviction = new TemporaryEviction("ALM-CSA", START, START.plusMonths(1));
        CourtMandate mandate = record(START, END, Set.of(Requirement.NO_CONTACT, Requirement.NO_ALCOHOL_OR_DRUGS), 2,
                eviction, new PsychocorrectionTerms("ALM-PSY", 12));

        assertThat(mandate.caseFileId()).isEqualTo(17L);
        assertThat(mandate.courtCode()).isEqualTo("ALM-CRT");
        assertThat(mandate.decisionNumber()).isEqualTo("2-118/2026");
        assertThat(mandate.decisionDate()).isEqualTo(DECIDED);
        assertThat(mandate.recordedBy()).isEqualTo("aliya");
        assertThat(mandate.recordedAt()).isEqualTo(NOW);
        assertThat(mandate.startDate()).isEqualTo(START);
        assertThat(mandate.endDate()).isEqualTo(END);
        assertThat(mandate.requirements()).containsExactly(Requirement.NO_CONTACT, Requirement.NO_ALCOHOL_OR_DRUGS);
        assertThat(mandate.policeReportsPerMonth()).hasValue(2);
        assertThat(mandate.eviction()).contains(eviction);
        assertThat(mandate.psychocorrection()).hasValueSatisfying(course -> {
            assertThat(course.providerCode()).isEqualTo("ALM-PSY");
            assertThat(course.sessionsRequired()).isEqualTo(12);
            assertThat(course.sessions()).isEmpty();
            assertThat(course.outcome()).isEqualTo(CourseOutcome.IN_PROGRESS);
            assertThat(course.reportKind()).isEmpty();
        });
    }

    @Test
    void requirementsLeftOutAreEmpty() {
        CourtMandate mandate = lasting(START, END);
        assertThat(mandate.policeReportsPerMonth()).isEmpty();
        assertThat(mandate.eviction()).isEmpty();
        assertThat(mandate.psychocorrection()).isEmpty();
        assertThat(mandate.missedSessions()).isZero();
    }

    @Test
    void aPeriodOfExactlyThreeMonthsIsAccepted() {
        assertThat(lasting(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 31)).endDate())
                .isEqualTo(LocalDate.of(2026, 8, 31));
    }

    @Test
    void aPeriodOfThreeMonthsLessADayIsRefused() {
        assertThat(refusalOf(() -> lasting(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 30))))
                .containsExactly("mandate.period.outOfRange");
    }

    @Test
    void aPeriodOfExactlyOneYearIsAccepted() {
        assertThat(lasting(LocalDate.of(2026, 6, 1), LocalDate.of(2027, 5, 31)).endDate())
                .isEqualTo(LocalDate.of(2027, 5, 31));
    }

    @Test
    void aPeriodOfOneYearAndADayIsRefused() {
        assertThat(refusalOf(() -> lasting(LocalDate.of(2026, 6, 1), LocalDate.of(2027, 6, 1))))
                .containsExactly("mandate.period.outOfRange");
    }

    @Test
    void anEndOnOrBeforeTheStartIsRefused() {
        assertThat(refusalOf(() -> lasting(START, START))).containsExactly("mandate.period.endBeforeStart");
        assertThat(refusalOf(() -> lasting(START, START.minusDays(1)))).containsExactly("mandate.period.endBeforeStart");
    }

    @Test
    void aDecisionInTheFutureIsRefused() {
        LocalDate tomorrow = TODAY.plusDays(1);
        assertThat(refusalOf(() -> CourtMandate.record(17L, "ALM-CRT", "2-1", tomorrow, "aliya", tomorrow,
                tomorrow.plusMonths(6), NO_CONTACT, null, null, null, TODAY, NOW)))
                .containsExactly("mandate.decisionDate.future");
    }

    @Test
    void requirementsMayStartLaterThanTheDecisionButNotBefore() {
        assertThat(CourtMandate.record(17L, "ALM-CRT", "2-1", TODAY, "aliya", TODAY.plusDays(10),
                TODAY.plusDays(10).plusMonths(6), NO_CONTACT, null, null, null, TODAY, NOW).startDate())
                .isEqualTo(TODAY.plusDays(10));
        assertThat(refusalOf(() -> lasting(DECIDED.minusDays(1), DECIDED.plusMonths(6))))
                .containsExactly("mandate.startDate.beforeDecision");
    }

    @Test
    void aMandateWithoutAnyRequirementIsRefused() {
        assertThat(refusalOf(() -> record(START, END, Set.of(), null, null, null)))
                .containsExactly("mandate.requirements.required");
    }

    @Test
    void anyOneRequirementIsEnough() {
        assertThat(record(START, END, Set.of(), 1, null, null).policeReportsPerMonth()).hasValue(1);
        assertThat(record(START, END, Set.of(), null, new TemporaryEviction("ALM-CSA", START, END), null).eviction())
                .isPresent();
        assertThat(withCourse(10).psychocorrection()).isPresent();
        assertThat(record(START, END, Set.of(Requirement.NO_WEAPONS), null, null, null).requirements())
                .containsExactly(Requirement.NO_WEAPONS);
    }

    @Test
    void reportingToThePoliceOnceToFourTimesAMonthIsAccepted() {
        assertThat(record(START, END, NO_CONTACT, 1, null, null).policeReportsPerMonth()).hasValue(1);
        assertThat(record(START, END, NO_CONTACT, 4, null, null).policeReportsPerMonth()).hasValue(4);
    }

    @Test
    void reportingToThePoliceNoneOrFiveTimesAMonthIsRefused() {
        assertThat(refusalOf(() -> record(START, END, NO_CONTACT, 0, null, null)))
                .containsExactly("mandate.policeReports.outOfRange");
        assertThat(refusalOf(() -> record(START, END, NO_CONTACT, 5, null, null)))
                .containsExactly("mandate.policeReports.outOfRange");
    }

    @Test
    void anEvictionForTheWholePeriodIsAccepted() {
        TemporaryEviction eviction = new TemporaryEviction(" ALM-CSA ", START, END);
        assertThat(record(START, END, NO_CONTACT, null, eviction, null).eviction()).hasValueSatisfying(e -> {
            assertThat(e.placeCode()).isEqualTo("ALM-CSA");
            assertThat(e.from()).isEqualTo(START);
            assertThat(e.to()).isEqualTo(END);
        });
    }

    @Test
    void anEvictionOutsideThePeriodIsRefused() {
        assertThat(refusalOf(() -> record(START, END, NO_CONTACT, null,
                new TemporaryEviction("ALM-CSA", START.minusDays(1), END), null)))
                .containsExactly("mandate.eviction.outsidePeriod");
        assertThat(refusalOf(() -> record(START, END, NO_CONTACT, null,
                new TemporaryEviction("ALM-CSA", START, END.plusDays(1)), null)))
                .containsExactly("mandate.eviction.outsidePeriod");
    }

    @Test
    void anEvictionEndingBeforeItStartsIsRefused() {
        assertThat(refusalOf(() -> record(START, END, NO_CONTACT, null,
                new TemporaryEviction("ALM-CSA", START.plusDays(5), START.plusDays(4)), null)))
                .containsExactly("mandate.eviction.endBeforeStart");
    }

    @Test
    void aCourseOfOneToAHundredSessionsIsAccepted() {
        assertThat(withCourse(1).psychocorrection()).isPresent();
        assertThat(withCourse(100).psychocorrection()).isPresent();
    }

    @Test
    void aCourseOfNoneOrMoreThanAHundredSessionsIsRefused() {
        assertThat(refusalOf(() -> withCourse(0))).containsExactly("mandate.course.sessionsRequired.outOfRange");
        assertThat(refusalOf(() -> withCourse(101))).containsExactly("mandate.course.sessionsRequired.outOfRange");
    }

    @Test
    void everyRefusalOfADecisionIsNamedAtOnce() {
        assertThat(refusalOf(() -> CourtMandate.record(17L, "ALM-CRT", "2-1", TODAY.plusDays(1), "aliya", TODAY,
                TODAY.plusMonths(2), Set.of(), 9, null, null, TODAY, NOW))).containsExactly(
                "mandate.decisionDate.future", "mandate.startDate.beforeDecision", "mandate.period.outOfRange",
                "mandate.policeReports.outOfRange");
    }

    @Test
    void aDecisionNeedsItsCourtNumberAndClerk() {
        assertThatThrownBy(() -> CourtMandate.record(17L, "", "2-1", DECIDED, "aliya", START, END, NO_CONTACT, null,
                null, null, TODAY, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CourtMandate.record(17L, "ALM-CRT", " ", DECIDED, "aliya", START, END, NO_CONTACT, null,
                null, null, TODAY, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CourtMandate.record(17L, "ALM-CRT", "2-1", DECIDED, null, START, END, NO_CONTACT, null,
                null, null, TODAY, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sessionsAreRecordedAndTheCourseIsCompletedWhenEveryRequiredOneIsAttended() {
        CourtMandate mandate = withCourse(2);
        PsychocorrectionSession first = mandate.recordSession(LocalDate.of(2026, 6, 10), Attendance.ATTENDED, "saule",
                TODAY, NOW);
        PsychocorrectionCourse course = mandate.psychocorrection().orElseThrow();
        assertThat(first.heldOn()).isEqualTo(LocalDate.of(2026, 6, 10));
        assertThat(first.attendance()).isEqualTo(Attendance.ATTENDED);
        assertThat(first.recordedBy()).isEqualTo("saule");
        assertThat(first.recordedAt()).isEqualTo(NOW);
        assertThat(course.outcome()).isEqualTo(CourseOutcome.IN_PROGRESS);

        mandate.recordSession(LocalDate.of(2026, 6, 17), Attendance.MISSED, "saule", TODAY, NOW);
        assertThat(course.outcome()).isEqualTo(CourseOutcome.IN_PROGRESS);

        mandate.recordSession(LocalDate.of(2026, 6, 24), Attendance.ATTENDED, "saule", TODAY, NOW);
        assertThat(course.outcome()).isEqualTo(CourseOutcome.COMPLETED);
        assertThat(course.attendedSessions()).isEqualTo(2);
        assertThat(course.missedSessions()).isEqualTo(1);
        assertThat(mandate.missedSessions()).isEqualTo(1);
    }

    @Test
    void sessionsAreListedByDate() {
        CourtMandate mandate = withCourse(5);
        mandate.recordSession(LocalDate.of(2026, 6, 17), Attendance.MISSED, "saule", TODAY, NOW);
        mandate.recordSession(LocalDate.of(2026, 6, 10), Attendance.ATTENDED, "saule", TODAY, NOW);
        assertThat(mandate.psychocorrection().orElseThrow().sessions()).extracting(PsychocorrectionSession::heldOn)
                .containsExactly(LocalDate.of(2026, 6, 10), LocalDate.of(2026, 6, 17));
    }

    @Test
    void noSessionIsRecordedAfterTheCourseIsCompleted() {
        CourtMandate mandate = withCourse(1);
        mandate.recordSession(LocalDate.of(2026, 6, 10), Attendance.ATTENDED, "saule", TODAY, NOW);
        assertThat(refusalOf(() -> mandate.recordSession(LocalDate.of(2026, 6, 17), Attendance.ATTENDED, "saule",
                TODAY, NOW))).containsExactly("mandate.course.alreadyCompleted");
        assertThat(refusalOf(() -> mandate.recordSession(LocalDate.of(2026, 6, 17), Attendance.MISSED, "saule",
                TODAY, NOW))).containsExactly("mandate.course.alreadyCompleted");
        assertThat(mandate.psychocorrection().orElseThrow().attendedSessions()).isEqualTo(1);
    }

    @Test
    void aSessionInTheFutureIsRefused() {
        assertThat(refusalOf(() -> withCourse(5).recordSession(TODAY.plusDays(1), Attendance.ATTENDED, "saule", TODAY,
                NOW))).containsExactly("mandate.course.session.date.future");
    }

    @Test
    void aSessionOutsideTheMandatePeriodIsRefused() {
        CourtMandate mandate = withCourse(5);
        assertThat(refusalOf(() -> mandate.recordSession(START.minusDays(1), Attendance.ATTENDED, "saule", TODAY, NOW)))
                .containsExactly("mandate.course.session.date.outsidePeriod");
        assertThat(refusalOf(() -> mandate.recordSession(END.plusDays(1), Attendance.ATTENDED, "saule", END.plusDays(1),
                NOW))).containsExactly("mandate.course.session.date.outsidePeriod");
        mandate.recordSession(START, Attendance.ATTENDED, "saule", TODAY, NOW);
        mandate.recordSession(END, Attendance.MISSED, "saule", END, NOW);
        assertThat(mandate.psychocorrection().orElseThrow().sessions()).hasSize(2);
    }

    @Test
    void withoutACourseNoSessionOrReportIsRecorded() {
        CourtMandate mandate = lasting(START, END);
        assertThat(refusalOf(() -> mandate.recordSession(START, Attendance.ATTENDED, "saule", TODAY, NOW)))
                .containsExactly("mandate.course.notOrdered");
        assertThat(refusalOf(() -> mandate.reportCompletion(TODAY, "saule", TODAY)))
                .containsExactly("mandate.course.notOrdered");
        assertThat(refusalOf(() -> mandate.reportNonCompliance(TODAY, NonComplianceReason.OTHER, "saule", TODAY)))
                .containsExactly("mandate.course.notOrdered");
    }

    @Test
    void aCompletedCourseIsReportedToTheCourt() {
        CourtMandate mandate = withCourse(1);
        mandate.recordSession(LocalDate.of(2026, 6, 10), Attendance.ATTENDED, "saule", TODAY, NOW);
        mandate.reportCompletion(LocalDate.of(2026, 6, 12), "saule", TODAY);

        PsychocorrectionCourse course = mandate.psychocorrection().orElseThrow();
        assertThat(course.reportKind()).contains(CourseReportKind.COMPLETION);
        assertThat(course.reportedOn()).contains(LocalDate.of(2026, 6, 12));
        assertThat(course.reportedBy()).contains("saule");
        assertThat(course.nonComplianceReason()).isEmpty();
        assertThat(course.outcome()).isEqualTo(CourseOutcome.COMPLETED);
    }

    @Test
    void completionIsNotReportedBeforeEveryRequiredSessionIsAttended() {
        CourtMandate mandate = withCourse(2);
        mandate.recordSession(LocalDate.of(2026, 6, 10), Attendance.ATTENDED, "saule", TODAY, NOW);
        assertThat(refusalOf(() -> mandate.reportCompletion(TODAY, "saule", TODAY)))
                .containsExactly("mandate.course.notCompleted");
        assertThat(mandate.psychocorrection().orElseThrow().reportKind()).isEmpty();
    }

    @Test
    void nonComplianceIsReportedWithAReasonCode() {
        CourtMandate mandate = withCourse(10);
        mandate.recordSession(LocalDate.of(2026, 6, 10), Attendance.MISSED, "saule", TODAY, NOW);
        mandate.recordSession(LocalDate.of(2026, 6, 17), Attendance.MISSED, "saule", TODAY, NOW);
        mandate.reportNonCompliance(LocalDate.of(2026, 6, 18), NonComplianceReason.MISSED_SESSIONS, "saule", TODAY);

        PsychocorrectionCourse course = mandate.psychocorrection().orElseThrow();
        assertThat(course.reportKind()).contains(CourseReportKind.NON_COMPLIANCE);
        assertThat(course.nonComplianceReason()).contains(NonComplianceReason.MISSED_SESSIONS);
        assertThat(course.outcome()).isEqualTo(CourseOutcome.NON_COMPLIANT);
        assertThat(mandate.missedSessions()).isEqualTo(2);
    }

    @Test
    void aCompletedCourseIsNotReportedAsNonCompliance() {
        CourtMandate mandate = withCourse(1);
        mandate.recordSession(LocalDate.of(2026, 6, 10), Attendance.ATTENDED, "saule", TODAY, NOW);
        assertThat(refusalOf(() -> mandate.reportNonCompliance(TODAY, NonComplianceReason.OTHER, "saule", TODAY)))
                .containsExactly("mandate.course.alreadyCompleted");
    }

    @Test
    void afterTheReportNothingMoreIsRecorded() {
        CourtMandate mandate = withCourse(10);
        mandate.reportNonCompliance(LocalDate.of(2026, 7, 1), NonComplianceReason.DID_NOT_START, "saule", TODAY);
        assertThat(refusalOf(() -> mandate.recordSession(LocalDate.of(2026, 7, 2), Attendance.ATTENDED, "saule", TODAY,
                NOW))).containsExactly("mandate.course.alreadyReported");
        assertThat(refusalOf(() -> mandate.reportNonCompliance(TODAY, NonComplianceReason.OTHER, "saule", TODAY)))
                .containsExactly("mandate.course.alreadyReported");

        CourtMandate completed = withCourse(1);
        completed.recordSession(LocalDate.of(2026, 6, 10), Attendance.ATTENDED, "saule", TODAY, NOW);
        completed.reportCompletion(LocalDate.of(2026, 6, 10), "saule", TODAY);
        assertThat(refusalOf(() -> completed.recordSession(LocalDate.of(2026, 6, 11), Attendance.ATTENDED, "saule", TODAY,
                NOW))).containsExactly("mandate.course.alreadyReported");
        assertThat(refusalOf(() -> completed.reportCompletion(TODAY, "saule", TODAY)))
                .containsExactly("mandate.course.alreadyReported");
    }

    @Test
    void aReportInTheFutureIsRefused() {
        CourtMandate mandate = withCourse(10);
        assertThat(refusalOf(() -> mandate.reportNonCompliance(TODAY.plusDays(1), NonComplianceReason.OTHER, "saule",
                TODAY))).containsExactly("mandate.course.report.date.future");
    }

    @Test
    void aReportBeforeTheStartOrBeforeTheLastSessionIsRefused() {
        CourtMandate mandate = withCourse(10);
        assertThat(refusalOf(() -> mandate.reportNonCompliance(START.minusDays(1), NonComplianceReason.DID_NOT_START,
                "saule", TODAY))).containsExactly("mandate.course.report.date.tooEarly");
        mandate.recordSession(LocalDate.of(2026, 6, 17), Attendance.MISSED, "saule", TODAY, NOW);
        assertThat(refusalOf(() -> mandate.reportNonCompliance(LocalDate.of(2026, 6, 16),
                NonComplianceReason.MISSED_SESSIONS, "saule", TODAY))).containsExactly("mandate.course.report.date.tooEarly");
        assertThat(mandate.psychocorrection().orElseThrow().reportKind()).isEmpty();
    }

    @Test
    void aMandateEndsWithinTheDaysUpToItsEndDate() {
        CourtMandate mandate = lasting(START, END);
        assertThat(mandate.endsWithin(8, TODAY)).isTrue();
        assertThat(mandate.endsWithin(7, TODAY)).isFalse();
        assertThat(mandate.endsWithin(0, END)).isTrue();
        assertThat(mandate.endsWithin(30, END.plusDays(1))).as("already ended").isFalse();
        assertThatThrownBy(() -> mandate.endsWithin(-1, TODAY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyRefusalHasAnEnglishRussianAndKazakhText() {
        List<String> keys = List.of("mandate.decisionDate.future", "mandate.startDate.beforeDecision",
                "mandate.period.endBeforeStart", "mandate.period.outOfRange", "mandate.requirements.required",
                "mandate.policeReports.outOfRange", "mandate.eviction.endBeforeStart", "mandate.eviction.outsidePeriod",
                "mandate.course.sessionsRequired.outOfRange", "mandate.course.notOrdered",
                "mandate.course.alreadyReported", "mandate.course.alreadyCompleted", "mandate.course.notCompleted",
                "mandate.course.session.date.future", "mandate.course.session.date.outsidePeriod",
                "mandate.course.report.date.future", "mandate.course.report.date.tooEarly");
        // the root bundle is the English one; asked for by "en" it would fall back to the machine's default locale
        for (Locale language : List.of(Locale.forLanguageTag("ru"), Locale.forLanguageTag("kk"), Locale.ROOT)) {
            ResourceBundle bundle = ResourceBundle.getBundle("ValidationMessages", language);
            for (String key : keys) {
                assertThat(bundle.getString(key)).as(language + " " + key).isNotBlank();
            }
        }
    }
}
