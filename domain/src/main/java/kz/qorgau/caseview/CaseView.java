package kz.qorgau.caseview;

import kz.qorgau.access.CaseAccess;
import kz.qorgau.audit.AuditEntry;
import kz.qorgau.casefile.CaseDetails;
import kz.qorgau.casefile.CaseNoteService.NoteView;
import kz.qorgau.casefile.ConsentScope;
import kz.qorgau.mandate.DecisionView;
import kz.qorgau.protection.OrderView;
import kz.qorgau.referral.ReferralView;
import kz.qorgau.timeline.CaseEventKind;
import kz.qorgau.trafficking.IdentificationView;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything a case page shows, read for one caller in one transaction and never changed afterwards: a page holds
 * this and no entity. What the caller may not see is absent (an empty optional or list), never merely hidden.
 * {@code access} is the policy's answer of what she may do.
 */
public record CaseView(CaseDetails details, Summary summary, List<String> courts, List<EmergencyAccess> emergencyAccesses,
                       List<Event> timeline, Plan safetyPlan, Address address, List<NoteView> notes,
                       List<OrderView> orders, List<DecisionView> decisions, List<ReferralView> referrals,
                       IdentificationView identification, List<AuditEntry> whoSaw) implements Serializable {

    public CaseAccess access() {
        return details.access();
    }

    /** The safety plan, when the caller may read it ({@code version} -1 while none was written). */
    public Optional<Plan> plan() {
        return Optional.ofNullable(safetyPlan);
    }

    /** Where the victim lives and shelters, when the caller may read it ({@code version} -1 while none was recorded). */
    public Optional<Address> secretAddress() {
        return Optional.ofNullable(address);
    }

    /** The notes, when the caller may read them. */
    public Optional<List<NoteView>> readableNotes() {
        return Optional.ofNullable(notes);
    }

    public Optional<IdentificationView> trafficking() {
        return Optional.ofNullable(identification);
    }

    /**
     * What matters at a glance: an order in force and until when, the consents not in force (a gap the worker must
     * close before she shares or refers), whether an emergency access is in effect.
     */
    public record Summary(String orderInForce, LocalDate orderInForceUntil, List<ConsentScope> consentGaps,
                          boolean emergencyAccessInEffect) implements Serializable {
    }

    public record EmergencyAccess(String username, String organisationCode, Instant grantedAt, Instant expiresAt,
                                  String reason) implements Serializable {
    }

    public record Event(Instant occurredAt, CaseEventKind kind, String actorUsername, String actorOrganisationCode,
                        String detail) implements Serializable {
    }

    public record Plan(String text, long version) implements Serializable {
    }

    public record Address(String currentAddress, String shelterLocation, long version) implements Serializable {
    }
}
