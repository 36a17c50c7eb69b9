package kz.qorgau.worklist;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One line of a start page: a case by its number, the day that matters (due, recorded, last active), and a code that
 * says what it is (a status, an event kind, a service, an order's number) — never a name, an address or a note.
 * {@code opensCase} is false where the reader may not open the case (a provider answers from her inbox).
 */
public record WorkItem(String caseNumber, LocalDate day, String code, Optional<String> reference, boolean opensCase) {
}
