package kz.qorgau.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The moments that decide whether a case has something due today, as {@link kz.qorgau.deadline.DeadlineService}
 * lists deadlines: an order in force expiring by {@code horizon}, a court measure ending by then, a psychocorrection
 * course with missed sessions not yet reported, a referral sent before {@code referralsSentBefore} and still
 * unanswered, and — for those who run cases — a case not closed and without activity since {@code quietSince}.
 */
public record DueWindow(LocalDate today, LocalDate horizon, Instant referralsSentBefore, Instant quietSince,
                        boolean inactivityCounts) {

    public DueWindow {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(referralsSentBefore, "referralsSentBefore");
        Objects.requireNonNull(quietSince, "quietSince");
    }
}
