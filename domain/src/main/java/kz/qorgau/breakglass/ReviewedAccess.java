package kz.qorgau.breakglass;

import java.time.Instant;

/** An emergency access with its review: who broke the glass and why, who reviewed it, when, and the conclusion. */
public record ReviewedAccess(Long id, String caseNumber, String username, String organisationCode, String reason,
                             Instant grantedAt, String reviewedBy, ReviewOutcome outcome, ReviewFinding finding,
                             String comment, Instant reviewedAt) {
}
