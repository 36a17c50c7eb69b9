package kz.qorgau.breakglass;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import kz.qorgau.shared.InvalidInputException;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The "reviewed" mark on an emergency access: another supervisor of the region judged it justified or not, with a
 * finding code and at most a short comment. One per access, never changed: a review that could be rewritten would
 * review nothing. Whoever broke the glass never reviews her own access.
 */
@Entity
@Table(name = "break_glass_review")
public class ReviewMark {

    /** Short on purpose: the finding says why; the comment only adds what no code covers. */
    public static final int COMMENT_LENGTH = 200;

    /** A run of digits, perhaps spaced or dashed: an IIN has 12, a phone number 10 or 11, a date only 8. */
    private static final Pattern NUMBER_RUN = Pattern.compile("[\\d()+][\\d\\s()+-]*");
    private static final int IDENTIFYING_DIGITS = 10;

    @Id
    @Column(name = "break_glass_id")
    private Long accessId;

    @Enumerated(EnumType.STRING)
    private ReviewOutcome outcome;

    @Enumerated(EnumType.STRING)
    private ReviewFinding finding;

    private String comment;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    @Column(name = "reviewer_organisation_code")
    private String reviewerOrganisationCode;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    protected ReviewMark() {
    }

    /** Another supervisor reviews an emergency access, never the one who took it. */
    public static boolean mayReview(String accessUsername, String reviewer) {
        return !accessUsername.equals(reviewer);
    }

    /** Marks {@code access} reviewed by {@code reviewer}, or refuses with the rule that was broken. */
    public static ReviewMark of(BreakGlassAccess access, String reviewer, String reviewerOrganisationCode,
                                ReviewOutcome outcome, ReviewFinding finding, String comment, Instant now) {
        if (!mayReview(access.username(), reviewer)) {
            throw new InvalidInputException("breakGlass.review.ownAccess");
        }
        if (outcome == null) {
            throw new InvalidInputException("breakGlass.review.outcomeRequired");
        }
        if (finding != null && !finding.fits(outcome)) {
            throw new InvalidInputException("breakGlass.review.findingContradicts");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > COMMENT_LENGTH) {
            throw new InvalidInputException("breakGlass.review.commentTooLong");
        }
        if (text != null && looksLikeAnIdentifyingNumber(text)) {
            throw new InvalidInputException("breakGlass.review.commentPersonalData");
        }
        if (finding == ReviewFinding.OTHER && text == null) {
            throw new InvalidInputException("breakGlass.review.commentRequired");
        }
        ReviewMark mark = new ReviewMark();
        mark.accessId = access.id();
        mark.outcome = outcome;
        mark.finding = finding;
        mark.comment = text;
        mark.reviewedBy = reviewer;
        mark.reviewerOrganisationCode = reviewerOrganisationCode;
        mark.reviewedAt = now;
        return mark;
    }

    /** An IIN or a phone number identifies a person; neither belongs in a review. */
    static boolean looksLikeAnIdentifyingNumber(String text) {
        var runs = NUMBER_RUN.matcher(text);
        while (runs.find()) {
            if (runs.group().chars().filter(Character::isDigit).count() >= IDENTIFYING_DIGITS) {
                return true;
            }
        }
        return false;
    }

    public Long accessId() { return accessId; }
    public ReviewOutcome outcome() { return outcome; }
    public Optional<ReviewFinding> finding() { return Optional.ofNullable(finding); }
    public Optional<String> comment() { return Optional.ofNullable(comment); }
    public String reviewedBy() { return reviewedBy; }
    public Instant reviewedAt() { return reviewedAt; }
}
