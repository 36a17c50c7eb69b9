package kz.qorgau.breakglass;

import java.time.Instant;

/** One emergency access still to review, as a reviewer sees it: the case by number, who, why, when. */
public record BreakGlassReview(Long id, String caseNumber, String username, String organisationCode, String reason,
                               Instant grantedAt, Instant expiresAt) {

    /** Whether this reviewer may mark it: the page offers the button only then. */
    public boolean reviewableBy(String reviewer) {
        return ReviewMark.mayReview(username, reviewer);
    }
}
