package kz.qorgau.web.cases;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.breakglass.BreakGlassReview;
import kz.qorgau.breakglass.BreakGlassService;
import kz.qorgau.breakglass.ReviewFinding;
import kz.qorgau.breakglass.ReviewOutcome;
import kz.qorgau.breakglass.ReviewedAccess;
import kz.qorgau.shared.QorgauException;
import kz.qorgau.web.faces.Messages;
import kz.qorgau.web.security.CurrentUser;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The supervisor's review of emergency accesses on the start page: what is still to review, what was reviewed. */
@Named
@ViewScoped
public class BreakGlassReviewBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How far back the start page shows reviewed accesses; the service answers for any period. */
    private static final Duration REVIEWED_SHOWN = Duration.ofDays(365);

    @Inject
    BreakGlassService breakGlass;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    private transient List<BreakGlassReview> toReview;
    private transient List<ReviewedAccess> reviewed;

    private Long accessId;
    private ReviewOutcome outcome;
    private ReviewFinding finding;
    private String comment;

    public List<BreakGlassReview> getToReview() {
        if (toReview == null) {
            toReview = breakGlass.review(user.caller());
        }
        return toReview;
    }

    public List<ReviewedAccess> getReviewed() {
        if (reviewed == null) {
            reviewed = breakGlass.reviewed(user.caller(), Instant.now(clock).minus(REVIEWED_SHOWN));
        }
        return reviewed;
    }

    public void start(Long id) {
        accessId = id;
        outcome = null;
        finding = null;
        comment = null;
    }

    public void save() {
        toReview = null;
        reviewed = null;
        try {
            breakGlass.markReviewed(user.caller(), accessId, outcome, finding, comment);
            Messages.info("breakGlass.review.saved");
        } catch (QorgauException refused) {
            Messages.refused(refused);
        }
    }

    public ReviewOutcome[] getOutcomes() {
        return ReviewOutcome.values();
    }

    public ReviewFinding[] getFindings() {
        return ReviewFinding.values();
    }

    public ReviewOutcome getOutcome() { return outcome; }
    public void setOutcome(ReviewOutcome outcome) { this.outcome = outcome; }
    public ReviewFinding getFinding() { return finding; }
    public void setFinding(ReviewFinding finding) { this.finding = finding; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
}
