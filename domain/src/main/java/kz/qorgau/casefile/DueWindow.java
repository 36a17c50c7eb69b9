package kz.qorgau.casefile;

import kz.qorgau.shared.Clocks;
import kz.qorgau.shared.LegalTerms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The moments that decide whether something is due today, the one definition both the start page's deadlines
 * ({@link kz.qorgau.deadline.DeadlineService}) and the case list's "has a deadline" filter read: an order in force
 * expiring by {@code horizon}, a court measure ending by then, a psychocorrection course with missed sessions not yet
 * reported, a referral sent before {@code referralsSentBefore} and still unanswered, and — for those who run cases —
 * a case not closed and without activity since {@code quietSince}.
 */
public record DueWindow(LocalDate today, LocalDate horizon, Instant referralsSentBefore, Instant quietSince,
                        boolean inactivityCounts) {

    public DueWindow {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(referralsSentBefore, "referralsSentBefore");
        Objects.requireNonNull(quietSince, "quietSince");
    }

    /** The window of a day under the terms in force that day. */
    public static DueWindow on(LocalDate today, boolean inactivityCounts) {
        LegalTerms terms = LegalTerms.on(today);
        return new DueWindow(today, today.plusDays(terms.orderExpiryWarningDays()),
                today.minusDays(terms.referralAnswerDays()).atStartOfDay(Clocks.KAZAKHSTAN).toInstant(),
                today.minusDays(terms.inactivityDays()).atStartOfDay(Clocks.KAZAKHSTAN).toInstant(),
                inactivityCounts);
    }

}
