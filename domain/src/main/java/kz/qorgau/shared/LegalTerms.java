package kz.qorgau.shared;

import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The figures the law sets, with the date they apply from. Kazakhstan amends these laws often; a measure keeps the
 * terms in force on the day it was issued, so a later amendment never changes an order already issued.
 * Every rule of the model reads its figures from here, never from a literal.
 *
 * @param inForceFrom               first day these terms apply
 * @param protectiveOrderValidity   how long a police protective order runs
 * @param protectiveOrderMinimumAge youngest age of a perpetrator who may receive a protective order
 * @param administrativeArrestMaxDays longest administrative arrest for violating an order
 * @param mandateMinimum            shortest period of court special requirements
 * @param mandateMaximum            longest period of court special requirements
 * @param policeReportsPerMonthMin  fewest reports to police a month a court may order
 * @param policeReportsPerMonthMax  most reports to police a month a court may order
 * @param referralAnswerDays        days a provider has to answer a referral before it is overdue
 * @param orderExpiryWarningDays    days before expiry an order shows among deadlines
 * @param inactivityDays            days without activity after which a case shows among deadlines
 */
public record LegalTerms(LocalDate inForceFrom,
                         Period protectiveOrderValidity,
                         int protectiveOrderMinimumAge,
                         int administrativeArrestMaxDays,
                         Period mandateMinimum,
                         Period mandateMaximum,
                         int policeReportsPerMonthMin,
                         int policeReportsPerMonthMax,
                         int referralAnswerDays,
                         int orderExpiryWarningDays,
                         int inactivityDays) {

    /** The 2024 amendments on the protection of women and children (law of April 2024, in force from mid-June 2024). */
    public static final LegalTerms AMENDMENTS_2024 = new LegalTerms(LocalDate.of(2024, 6, 16),
            Period.ofDays(30), 16, 5, Period.ofMonths(3), Period.ofYears(1), 1, 4, 3, 7, 30);

    private static final List<LegalTerms> HISTORY = List.of(AMENDMENTS_2024);

    public LegalTerms {
        Objects.requireNonNull(inForceFrom, "inForceFrom");
    }

    /** The terms in force on a day; before the first known terms, the earliest are used. */
    public static LegalTerms on(LocalDate day) {
        return HISTORY.stream()
                .filter(t -> !t.inForceFrom().isAfter(day))
                .max(Comparator.comparing(LegalTerms::inForceFrom))
                .orElse(HISTORY.get(0));
    }
}
