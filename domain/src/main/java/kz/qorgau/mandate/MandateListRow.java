package kz.qorgau.mandate;

import java.time.LocalDate;
import java.util.Set;

/**
 * One court decision of a list: the court, its number and period, the measures it imposed and how its
 * psychocorrection course stands (sessions and outcome empty without a course). No name, no address: a court's
 * decision list is about measures; the case page tells whom they protect.
 */
public record MandateListRow(Long id, String caseNumber, String courtCode, String decisionNumber, LocalDate decisionDate,
                             LocalDate startDate, LocalDate endDate, Set<MandateMeasure> measures,
                             Integer policeReportsPerMonth, LocalDate evictionFrom, LocalDate evictionTo,
                             String courseProviderCode, Integer sessionsRequired, Integer sessionsAttended,
                             CourseOutcome courseOutcome) implements java.io.Serializable {
}
