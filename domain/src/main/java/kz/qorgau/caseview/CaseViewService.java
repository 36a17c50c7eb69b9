package kz.qorgau.caseview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import kz.qorgau.access.CaseAccess;
import kz.qorgau.access.CaseAction;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.Audited;
import kz.qorgau.casefile.CaseFileRepository;
import kz.qorgau.casefile.CaseNoteService;
import kz.qorgau.casefile.CaseWorkService;
import kz.qorgau.casefile.Consent;
import kz.qorgau.casefile.ConsentScope;
import kz.qorgau.casefile.PersonSecret;
import kz.qorgau.mandate.MandateService;
import kz.qorgau.protection.OrderView;
import kz.qorgau.protection.ProtectionService;
import kz.qorgau.referral.ReferralService;
import kz.qorgau.shared.Caller;
import kz.qorgau.timeline.Timeline;
import kz.qorgau.trafficking.TraffickingService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A case page's one read: the case and every section the caller may see, in one transaction, a statement per kind of
 * record, and one entry in the audit trail naming the sensitive parts it disclosed (address, notes, safety plan).
 */
@ApplicationScoped
@Transactional
@Audited
public class CaseViewService {

    @Inject
    CaseWorkService work;

    @Inject
    CaseFileRepository cases;

    @Inject
    CaseNoteService notes;

    @Inject
    ProtectionService protection;

    @Inject
    MandateService mandates;

    @Inject
    ReferralService referrals;

    @Inject
    TraffickingService trafficking;

    @Inject
    Timeline timeline;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Not found when the caller may not read the case, exactly as for any other read of it. */
    public CaseView open(Caller caller, String number) {
        Read read = read(caller, number, true);
        audit.record(caller, AuditAction.READ, "CaseFile", read.id, read.id,
                read.disclosed.isEmpty() ? null : String.join(" ", read.disclosed));
        return read.view;
    }

    /**
     * A summary to print for a recipient: cut from what the caller sees (so never more), audited as an export naming
     * whom it is for.
     */
    public CaseView summary(Caller caller, String number, SummaryRecipient recipient) {
        // no summary carries the plan, the address, the notes, the timeline or the trail: they are not even read
        Read read = read(caller, number, false);
        audit.record(caller, AuditAction.EXPORT, "CaseSummary", read.id, read.id, recipient.name());
        return recipient.cut(read.view);
    }

    private record Read(Long id, CaseView view, List<String> disclosed) {
    }

    private Read read(Caller caller, String number, boolean wholePage) {
        CaseWorkService.Opened opened = work.open(caller, number);
        CaseAccess access = opened.access();
        CaseWorkService.Accessed accessed = opened.accessed();
        Long id = opened.file().id();
        List<String> disclosed = new ArrayList<>();

        CaseView.Plan plan = null;
        if (wholePage && access.granted(CaseAction.READ_SAFETY_PLAN)) {
            plan = cases.safetyPlan(id).map(p -> new CaseView.Plan(p.text(), p.version()))
                    .orElse(new CaseView.Plan("", -1));
            disclosed.add("safety-plan");
        }
        CaseView.Address address = null;
        if (wholePage && access.granted(CaseAction.READ_ADDRESS)) {
            Optional<PersonSecret> secret = cases.secretOf(opened.file().victim().id());
            address = new CaseView.Address(secret.flatMap(PersonSecret::currentAddress).orElse(""),
                    secret.flatMap(PersonSecret::shelterLocation).orElse(""), secret.map(PersonSecret::version).orElse(-1L));
            disclosed.add("address");
        }
        List<CaseNoteService.NoteView> noteList = null;
        if (wholePage && access.granted(CaseAction.READ_NOTES)) {
            noteList = notes.notesOf(accessed);
            disclosed.add("notes");
        }
        List<OrderView> orders = protection.views(caller, accessed);
        var decisions = mandates.views(caller, accessed);
        var referralList = access.granted(CaseAction.READ_REFERRALS) ? referrals.views(caller, accessed)
                : List.<kz.qorgau.referral.ReferralView>of();
        var identification = trafficking.view(accessed).orElse(null);
        List<CaseView.Event> events = !wholePage ? List.of() : timeline.of(id, access.timelineKinds()).stream()
                .map(e -> new CaseView.Event(e.occurredAt(), e.kind(), e.actorUsername(), e.actorOrganisationCode(), e.detail()))
                .toList();
        var whoSaw = wholePage && access.granted(CaseAction.WHO_SAW) ? audit.ofCase(id, 200) : List.<kz.qorgau.audit.AuditEntry>of();
        List<CaseView.EmergencyAccess> emergencies = opened.emergencyAccesses().stream()
                .map(b -> new CaseView.EmergencyAccess(b.username(), b.organisationCode(), b.grantedAt(), b.expiresAt(), b.reason()))
                .toList();

        LocalDate today = LocalDate.now(clock);
        return new Read(id, new CaseView(opened.details(), summary(orders, opened, today, !emergencies.isEmpty()),
                opened.courts(), emergencies, events, plan, address, noteList, orders, decisions, referralList,
                identification, whoSaw), disclosed);
    }

    private static CaseView.Summary summary(List<OrderView> orders, CaseWorkService.Opened opened, LocalDate today,
                                            boolean emergency) {
        Optional<OrderView> inForce = orders.stream().filter(OrderView::inForce)
                .max(Comparator.comparing(OrderView::validUntil));
        // only for those who read the social work: police and courts are not told of consents at all
        List<ConsentScope> gaps = !opened.access().granted(CaseAction.READ_SOCIAL_WORK) ? List.of()
                : Arrays.stream(ConsentScope.values())
                .filter(scope -> opened.file().consents().stream().noneMatch(c -> c.scope() == scope && c.inForceOn(today)))
                .toList();
        return new CaseView.Summary(inForce.map(OrderView::orderNumber).orElse(null),
                inForce.map(OrderView::validUntil).orElse(null), gaps, emergency);
    }
}
