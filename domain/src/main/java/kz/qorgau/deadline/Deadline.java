package kz.qorgau.deadline;

import java.time.LocalDate;

/** Something that needs doing by a day, on a case; {@code mine} when it is the caller's own work. */
public record Deadline(DeadlineKind kind, String caseNumber, LocalDate due, boolean mine) {
}
