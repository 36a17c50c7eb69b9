package kz.qorgau.breakglass;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.Audited;
import kz.qorgau.casefile.CaseFile;
import kz.qorgau.casefile.CaseFileRepository;
import kz.qorgau.casefile.CaseWorkService;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.NotFoundException;
import kz.qorgau.shared.Permission;
import kz.qorgau.shared.persistence.Writes;
import kz.qorgau.timeline.CaseEventKind;
import kz.qorgau.timeline.Timeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * "Break the glass": a supervisor opens a case outside her partition in an emergency. She must write why; the access
 * lasts {@link BreakGlassAccess#VALIDITY}; it is flagged on the case's timeline, audited, and listed for the review
 * of her region's supervisors, one of whom — never she herself — marks it justified or not ({@link ReviewMark}).
 */
@ApplicationScoped
@Transactional
@Audited
public class BreakGlassService {

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    @Inject
    CaseFileRepository cases;

    @Inject
    CaseWorkService work;

    @Inject
    Timeline timeline;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** How far back the "to review" list reaches. */
    static final Duration REVIEW_PERIOD = Duration.ofDays(90);

    /** Grants the access and returns its id, by which it is reviewed. */
    public Long open(Caller caller, String caseNumber, String reason) {
        caller.require(Permission.BREAK_GLASS);
        CaseFile file = cases.findByNumberAnywhere(caseNumber == null ? "" : caseNumber.strip()).orElseThrow(NotFoundException::new);
        Instant now = Instant.now(clock);
        BreakGlassAccess access = new BreakGlassAccess(file.id(), caller.username(), caller.organisationCode().orElse(null),
                caller.regionCode().orElse(null), reason, now);
        em.persist(access);
        Writes.flush(em);
        audit.record(caller, AuditAction.BREAK_GLASS, "CaseFile", file.id(), file.id(), null);
        timeline.record(file.id(), CaseEventKind.EMERGENCY_ACCESS, caller, null, now);
        return access.id();
    }

    /**
     * To review: the emergency accesses taken by supervisors of the caller's region in the last 90 days that nobody
     * has reviewed yet, her own among them (shown, but another supervisor reviews them).
     */
    public List<BreakGlassReview> review(Caller caller) {
        caller.require(Permission.BREAK_GLASS_REVIEW);
        return em.createQuery("select new kz.qorgau.breakglass.BreakGlassReview(b.id, c.number, b.username, "
                        + "b.organisationCode, b.reason, b.grantedAt, b.expiresAt) "
                        + "from BreakGlassAccess b, CaseFile c "
                        + "where c.id = b.caseFileId and b.regionCode = :region and b.grantedAt > :since "
                        + "and not exists (select m from ReviewMark m where m.accessId = b.id) "
                        + "order by b.grantedAt desc", BreakGlassReview.class)
                .setParameter("region", caller.regionCode().orElse(""))
                .setParameter("since", Instant.now(clock).minus(REVIEW_PERIOD))
                .setMaxResults(200)
                .getResultList();
    }

    /** The reviewed emergency accesses of the caller's region, by the time of their review, newest first. */
    public List<ReviewedAccess> reviewed(Caller caller, Instant since) {
        caller.require(Permission.BREAK_GLASS_REVIEW);
        return em.createQuery("select new kz.qorgau.breakglass.ReviewedAccess(b.id, c.number, b.username, "
                        + "b.organisationCode, b.reason, b.grantedAt, m.reviewedBy, m.outcome, m.finding, m.comment, "
                        + "m.reviewedAt) "
                        + "from BreakGlassAccess b, CaseFile c, ReviewMark m "
                        + "where c.id = b.caseFileId and m.accessId = b.id and b.regionCode = :region "
                        + "and m.reviewedAt > :since "
                        + "order by m.reviewedAt desc", ReviewedAccess.class)
                .setParameter("region", caller.regionCode().orElse(""))
                .setParameter("since", since)
                .setMaxResults(200)
                .getResultList();
    }

    /**
     * Marks an emergency access of the caller's region reviewed. Accesses of other regions do not exist for her;
     * her own, and one reviewed already, are refused with a reason.
     */
    public void markReviewed(Caller caller, Long accessId, ReviewOutcome outcome, ReviewFinding finding, String comment) {
        caller.require(Permission.BREAK_GLASS_REVIEW);
        BreakGlassAccess access = accessId == null ? null : em.find(BreakGlassAccess.class, accessId);
        if (access == null || caller.regionCode().isEmpty() || !caller.regionCode().get().equals(access.regionCode())) {
            throw new NotFoundException();
        }
        if (em.find(ReviewMark.class, accessId) != null) {
            throw new InvalidInputException("breakGlass.review.alreadyReviewed");
        }
        ReviewMark mark = ReviewMark.of(access, caller.username(), caller.organisationCode().orElse(null), outcome,
                finding, comment, Instant.now(clock));
        em.persist(mark);
        Writes.flush(em, "breakGlass.review.alreadyReviewed");
        audit.record(caller, AuditAction.CREATE, "BreakGlassReview", access.id(), null, outcome.name());
    }
}
