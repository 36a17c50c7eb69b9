package kz.qorgau.importing;

import kz.qorgau.casefile.NewCaseFile;

import java.time.LocalDate;
import java.util.List;

/**
 * A data row as checked: the intake form it makes, the day the case was opened, the order and the referral it records
 * (each null when the row has none), and its problems (none: valid).
 */
public record CheckedRow(int row, String legacyId, NewCaseFile form, LocalDate openedOn, OrderRecord order,
                         ReferralRecord referral, List<RowProblem> problems) {

    public CheckedRow {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
