package kz.qorgau.mandate;

import kz.qorgau.access.DecisionAccess;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/** A court decision as a case page shows it, with the policy's answer of what the reader may do with it now. */
public record DecisionView(Long id, long version, String decisionNumber, LocalDate decisionDate, String courtCode,
                           LocalDate startDate, LocalDate endDate, Set<Requirement> requirements,
                           Integer policeReportsPerMonth, Eviction eviction, Course course, DecisionAccess access)
        implements Serializable {

    /** Where the aggressor lives meanwhile: a Centre of Social Adaptation, from and to. */
    public record Eviction(String placeCode, LocalDate from, LocalDate to) implements Serializable {
    }

    public record Course(String providerCode, int sessionsRequired, int attendedSessions, int missedSessions,
                         CourseOutcome outcome, CourseReportKind reportKind, LocalDate reportedOn) implements Serializable {
    }

    static DecisionView of(CourtMandate m, DecisionAccess access) {
        Set<Requirement> requirements = m.requirements().isEmpty() ? EnumSet.noneOf(Requirement.class)
                : EnumSet.copyOf(m.requirements());
        Eviction eviction = m.eviction().map(e -> new Eviction(e.placeCode(), e.from(), e.to())).orElse(null);
        Course course = m.psychocorrection().map(c -> new Course(c.providerCode(), c.sessionsRequired(),
                c.attendedSessions(), c.missedSessions(), c.outcome(), c.reportKind().orElse(null),
                c.reportedOn().orElse(null))).orElse(null);
        return new DecisionView(m.id(), m.version(), m.decisionNumber(), m.decisionDate(), m.courtCode(), m.startDate(),
                m.endDate(), requirements,
                m.policeReportsPerMonth().isPresent() ? m.policeReportsPerMonth().getAsInt() : null, eviction, course,
                access);
    }
}
