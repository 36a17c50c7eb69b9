package kz.qorgau.protection;

import java.time.LocalDate;

/**
 * One protective order of a list, as everyone who reads its case sees it: the order and its perpetrator, never the
 * victim's address, the incidents or the notes of the case.
 */
public record OrderListRow(Long id, String caseNumber, String orderNumber, String issuingUnitCode, LocalDate issueDate,
                           LocalDate validUntil, OrderStatus status, LocalDate revokedOn, int violations,
                           String perpetratorFamilyName, String perpetratorGivenName) implements java.io.Serializable {
}
