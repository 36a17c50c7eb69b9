package kz.qorgau.breakglass;

import java.time.Instant;

/** One emergency access as a reviewer sees it: the case by number, who, why, when. */
public record BreakGlassReview(String caseNumber, String username, String organisationCode, String reason,
                               Instant grantedAt, Instant expiresAt) {
}
