package kz.qorgau.deadline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import kz.qorgau.access.AccessPolicy;
import kz.qorgau.access.CallerAccess;
import kz.qorgau.access.CaseAction;
import kz.qorgau.casefile.CaseScope;
import kz.qorgau.casefile.DueWindow;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Clocks;
import kz.qorgau.shared.LegalTerms;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Deadlines derived from the records, never typed: orders about to expire, court measures about to end, missed
 * psychocorrection sessions not yet reported, referrals unanswered, cases without activity. Each query reads only
 * the caller's partition, and the caller's own work comes first.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DeadlineService {

    private static final int LIMIT = 200;

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    @Inject
    Clock clock;

    public List<Deadline> forCaller(Caller caller) {
        LocalDate today = LocalDate.now(clock);
        LegalTerms terms = LegalTerms.on(today);
        // the same window the case list's "has a deadline" filter reads (CaseFileService)
        DueWindow window = DueWindow.on(today, true);
        List<Deadline> deadlines = new ArrayList<>();
        Optional<CaseScope> scope = CaseScope.of(caller);
        String org = caller.organisationCode().orElse("");
        if (scope.isPresent()) {
            // leading space: text blocks drop the trailing one before it
            String where = " " + scope.get().condition();
            CaseScope partition = scope.get();
            LocalDate horizon = window.horizon();

            for (Object[] row : partition.bind(em.createQuery("""
                            select c.number, o.validUntil, o.issuingUnitCode, c.ownerUsername
                            from ProtectiveOrder o, CaseFile c
                            where c.id = o.caseFileId and o.revokedOn is null and o.validUntil between :today and :horizon and """ + where,
                    Object[].class)).setParameter("today", today).setParameter("horizon", horizon)
                    .setMaxResults(LIMIT).getResultList()) {
                deadlines.add(new Deadline(DeadlineKind.ORDER_EXPIRING, (String) row[0], (LocalDate) row[1],
                        org.equals(row[2]) || caller.username().equals(row[3])));
            }
            for (Object[] row : partition.bind(em.createQuery("""
                            select c.number, m.endDate, m.courtCode, c.ownerUsername
                            from CourtMandate m, CaseFile c
                            where c.id = m.caseFileId and m.endDate between :today and :horizon and """ + where,
                    Object[].class)).setParameter("today", today).setParameter("horizon", horizon)
                    .setMaxResults(LIMIT).getResultList()) {
                deadlines.add(new Deadline(DeadlineKind.MANDATE_ENDING, (String) row[0], (LocalDate) row[1],
                        org.equals(row[2]) || caller.username().equals(row[3])));
            }
            for (Object[] row : partition.bind(em.createQuery("""
                            select c.number, max(s.heldOn), m.courtCode, c.ownerUsername
                            from CourtMandate m join m.psychocorrection k join k.sessions s, CaseFile c
                            where c.id = m.caseFileId and k.reportKind is null
                              and s.attendance = kz.qorgau.mandate.Attendance.MISSED and """ + where
                            + " group by c.number, m.courtCode, c.ownerUsername",
                    Object[].class)).setMaxResults(LIMIT).getResultList()) {
                deadlines.add(new Deadline(DeadlineKind.SESSIONS_MISSED, (String) row[0], (LocalDate) row[1],
                        org.equals(row[2]) || caller.username().equals(row[3])));
            }
            // a quiet case is a deadline of those who run or supervise it, in that partition, not in all one reads
            Optional<CaseScope> socialWork = AccessPolicy.scope(caller, CaseAction.READ_SOCIAL_WORK);
            if (socialWork.isPresent()) {
                Instant quietSince = window.quietSince();
                for (Object[] row : socialWork.get().bind(em.createQuery("""
                                select c.number, c.lastActivityAt, c.ownerUsername, c.assignedTo from CaseFile c
                                where c.status <> kz.qorgau.casefile.CaseStatus.CLOSED and c.lastActivityAt < :since and """
                                + " " + socialWork.get().condition()
                                + " order by c.lastActivityAt",
                        Object[].class)).setParameter("since", quietSince)
                        .setMaxResults(LIMIT).getResultList()) {
                    LocalDate quiet = ((Instant) row[1]).atZone(Clocks.KAZAKHSTAN).toLocalDate().plusDays(terms.inactivityDays());
                    deadlines.add(new Deadline(DeadlineKind.CASE_INACTIVE, (String) row[0], quiet,
                            caller.username().equals(row[2]) || caller.username().equals(row[3])));
                }
            }
        }
        CallerAccess access = AccessPolicy.of(caller);
        if (access.answersReferrals() || access.makesReferrals()) {
            Instant sentBefore = window.referralsSentBefore();
            for (Object[] row : em.createQuery("""
                            select c.number, r.sentAt, r.toOrganisationCode from ServiceReferral r, CaseFile c
                            where c.id = r.caseFileId and r.status = kz.qorgau.referral.ReferralStatus.SENT and r.sentAt < :before
                              and (r.toOrganisationCode = :org or r.fromOrganisationCode = :org)""",
                    Object[].class).setParameter("before", sentBefore).setParameter("org", org)
                    .setMaxResults(LIMIT).getResultList()) {
                LocalDate due = ((Instant) row[1]).atZone(Clocks.KAZAKHSTAN).toLocalDate().plusDays(terms.referralAnswerDays());
                deadlines.add(new Deadline(DeadlineKind.REFERRAL_UNANSWERED, (String) row[0], due, org.equals(row[2])));
            }
        }
        deadlines.sort(Comparator.comparing(Deadline::mine).reversed().thenComparing(Deadline::due));
        return deadlines;
    }
}
