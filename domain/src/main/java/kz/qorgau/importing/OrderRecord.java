package kz.qorgau.importing;

import kz.qorgau.protection.Perpetrator;
import kz.qorgau.protection.Prohibition;

import java.time.LocalDate;
import java.util.Set;

/**
 * A protective order known from the old records, as read and checked: the police unit that issued it (a code of
 * Qorgau's reference data), the officer who signed it as the paper names him, its number and day of issue, the
 * perpetrator and the prohibitions. The domain issues it ({@code ProtectiveOrder.issue}) when the case is written, so
 * its term is the law's on the day of issue.
 */
public record OrderRecord(String number, LocalDate issuedOn, String policeUnit, String officer, Perpetrator perpetrator,
                          Set<Prohibition> prohibitions) {

    public OrderRecord {
        prohibitions = Set.copyOf(prohibitions);
    }
}
