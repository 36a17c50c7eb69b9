package kz.qorgau.breakglass;

import java.util.Optional;

/**
 * Why the reviewer concluded as she did, as a code rather than prose, so that reviews can be counted and carry no
 * personal data. Each finding supports one outcome; {@link #OTHER} either, with a comment.
 */
public enum ReviewFinding {
    LIFE_OR_SAFETY_AT_RISK(ReviewOutcome.JUSTIFIED),
    POLICE_REQUEST(ReviewOutcome.JUSTIFIED),
    VICTIM_ARRIVED_IN_REGION(ReviewOutcome.JUSTIFIED),
    NO_EMERGENCY(ReviewOutcome.NOT_JUSTIFIED),
    OWNER_REACHABLE(ReviewOutcome.NOT_JUSTIFIED),
    REASON_INSUFFICIENT(ReviewOutcome.NOT_JUSTIFIED),
    OTHER(null);

    private final ReviewOutcome supports;

    ReviewFinding(ReviewOutcome supports) {
        this.supports = supports;
    }

    /** The outcome this finding argues for; empty when it fits both. */
    public Optional<ReviewOutcome> supports() {
        return Optional.ofNullable(supports);
    }

    public boolean fits(ReviewOutcome outcome) {
        return supports == null || supports == outcome;
    }
}
