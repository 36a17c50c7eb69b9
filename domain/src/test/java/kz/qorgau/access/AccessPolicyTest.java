package kz.qorgau.access;

import kz.qorgau.casefile.CaseScope;
import kz.qorgau.casefile.CaseStatus;
import kz.qorgau.protection.OrderStatus;
import kz.qorgau.referral.ReferralStatus;
import kz.qorgau.shared.AccessDeniedException;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.NotFoundException;
import kz.qorgau.shared.Role;
import kz.qorgau.timeline.CaseEventKind;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static kz.qorgau.access.CaseAction.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The access policy as a matrix: callers (one role, two roles, an emergency access) × the facts of a case. */
class AccessPolicyTest {

    static final Caller AIGERIM = caller("aigerim", "ALM-CC", "ALM", Role.SOCIAL_WORKER);
    static final Caller ZHANAR = caller("zhanar", "ALM-FSC", "ALM", Role.SOCIAL_WORKER);
    static final Caller DANA = caller("dana", "AST-CC", "AST", Role.SOCIAL_WORKER);
    static final Caller NURLAN = caller("nurlan", "ALM-SPD", "ALM", Role.SUPERVISOR);
    static final Caller AST_SUPERVISOR = caller("ainur", "AST-SPD", "AST", Role.SUPERVISOR);
    static final Caller SERIK = caller("serik", "ALM-POL", "ALM", Role.POLICE);
    static final Caller ALIYA = caller("aliya", "ALM-CRT", "ALM", Role.COURT);
    static final Caller MADINA = caller("madina", "ALM-NGO", "ALM", Role.NGO);
    static final Caller ASEL = caller("asel", "MIN-STAT", null, Role.ANALYST);
    static final Caller ADMIN = caller("admin", "MIN-IT", null, Role.ADMIN);
    /** Two roles on one token: each grants in its own partition, and together never more. */
    static final Caller WORKER_AND_POLICE = caller("bolat", "ALM-FSC", "ALM", Role.SOCIAL_WORKER, Role.POLICE);
    static final Caller WORKER_AND_SUPERVISOR = caller("saule", "ALM-SPD", "ALM", Role.SOCIAL_WORKER, Role.SUPERVISOR);

    /** An active Almaty case of ALM-CC, brought before ALM-CRT, assigned to zhanar. */
    static CaseFacts almaty(CaseStatus status, boolean emergency) {
        return new CaseFacts("ALM-CC", "ALM", Optional.of("zhanar"), status, Set.of("ALM-CRT"), emergency);
    }

    static Caller caller(String username, String organisation, String region, Role... roles) {
        return new Caller(username, Set.of(roles), Optional.ofNullable(organisation), Optional.ofNullable(region));
    }

    static Set<CaseAction> granted(Caller caller, CaseFacts facts) {
        CaseAccess access = AccessPolicy.toCase(caller, facts);
        Set<CaseAction> granted = EnumSet.noneOf(CaseAction.class);
        for (CaseAction a : CaseAction.values()) {
            if (access.granted(a)) {
                granted.add(a);
            }
        }
        return granted;
    }

    @Test
    void eachCallerIsGrantedExactlyItsActionsOnAnAlmatyCase() {
        Set<CaseAction> worker = EnumSet.of(READ, READ_SOCIAL_WORK, WORK, ACTIVATE, REQUEST_CLOSURE, READ_SAFETY_PLAN,
                WRITE_SAFETY_PLAN, READ_NOTES, WRITE_NOTE, BRING_BEFORE_COURT, MAKE_REFERRAL, READ_REFERRALS);
        Set<CaseAction> owner = EnumSet.copyOf(worker);
        owner.addAll(EnumSet.of(WHO_SAW, READ_ADDRESS, RECORD_ADDRESS));
        Map<Caller, Set<CaseAction>> expected = new LinkedHashMap<>();
        expected.put(AIGERIM, owner);
        expected.put(ZHANAR, worker);
        expected.put(DANA, Set.of());
        expected.put(NURLAN, EnumSet.of(READ, READ_SOCIAL_WORK, DECIDE_CLOSURE, REOPEN, ASSIGN, WHO_SAW, READ_SAFETY_PLAN,
                READ_NOTES, READ_REFERRALS));
        expected.put(AST_SUPERVISOR, Set.of());
        expected.put(SERIK, EnumSet.of(READ, ISSUE_ORDER, IDENTIFY_TRAFFICKING, BRING_BEFORE_COURT));
        expected.put(ALIYA, EnumSet.of(READ, RECORD_DECISION));
        expected.put(MADINA, Set.of());
        expected.put(ASEL, Set.of());
        expected.put(ADMIN, Set.of());
        expected.put(WORKER_AND_POLICE, EnumSet.of(READ, ISSUE_ORDER, IDENTIFY_TRAFFICKING, BRING_BEFORE_COURT));
        expected.put(WORKER_AND_SUPERVISOR, EnumSet.of(READ, READ_SOCIAL_WORK, DECIDE_CLOSURE, REOPEN, ASSIGN, WHO_SAW,
                READ_SAFETY_PLAN, READ_NOTES, READ_REFERRALS));
        expected.forEach((caller, actions) -> assertThat(granted(caller, almaty(CaseStatus.ACTIVE, false)))
                .as(caller.username()).isEqualTo(actions));
    }

    @Test
    void aSocialWorkerWhoIsAlsoPoliceOrSupervisorWorksOnlyOnHerOwnOrganisationsCases() {
        for (Caller both : new Caller[]{WORKER_AND_POLICE, WORKER_AND_SUPERVISOR}) {
            Set<CaseAction> other = granted(both, almaty(CaseStatus.ACTIVE, false));
            assertThat(other).as(both.username() + " on another organisation's case").contains(READ)
                    .doesNotContain(WORK, ACTIVATE, REQUEST_CLOSURE, WRITE_NOTE, WRITE_SAFETY_PLAN, READ_ADDRESS,
                            RECORD_ADDRESS, MAKE_REFERRAL);
            CaseFacts own = new CaseFacts(both.organisationCode().orElseThrow(), "ALM", Optional.empty(), CaseStatus.ACTIVE,
                    Set.of(), false);
            assertThat(granted(both, own)).as(both.username() + " on her own").contains(WORK, WRITE_NOTE, READ_ADDRESS);
        }
        // the police role reads the region, and still only the social worker's partition has notes
        assertThat(granted(WORKER_AND_POLICE, almaty(CaseStatus.ACTIVE, false))).doesNotContain(READ_NOTES, READ_SAFETY_PLAN);
    }

    @Test
    void anEmergencyAccessReadsAndNeverWrites() {
        Set<CaseAction> emergency = granted(AST_SUPERVISOR, almaty(CaseStatus.CLOSURE_REQUESTED, true));
        assertThat(emergency).containsExactlyInAnyOrder(READ, READ_SOCIAL_WORK, READ_SAFETY_PLAN, READ_REFERRALS);
        CaseAccess access = AccessPolicy.toCase(AST_SUPERVISOR, almaty(CaseStatus.CLOSURE_REQUESTED, true));
        for (CaseAction refused : new CaseAction[]{DECIDE_CLOSURE, REOPEN, ASSIGN, WHO_SAW, READ_NOTES}) {
            assertThat(access.may(refused)).as(refused.name()).isFalse();
            assertThatThrownBy(() -> access.require(refused)).as(refused.name()).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(access.timelineKinds()).doesNotContain(CaseEventKind.NOTE_WRITTEN, CaseEventKind.SECRET_ADDRESS_RECORDED);
        // an emergency access is no use to one who may not break the glass
        assertThat(granted(DANA, almaty(CaseStatus.ACTIVE, true))).isEmpty();
    }

    @Test
    void theStatusDecidesWhichGrantedStepIsOfferedNow() {
        CaseAccess open = AccessPolicy.toCase(AIGERIM, almaty(CaseStatus.OPEN, false));
        assertThat(open.may(ACTIVATE)).isTrue();
        assertThat(open.may(REQUEST_CLOSURE)).isTrue();
        CaseAccess active = AccessPolicy.toCase(AIGERIM, almaty(CaseStatus.ACTIVE, false));
        assertThat(active.may(ACTIVATE)).isFalse();
        assertThat(active.granted(ACTIVATE)).as("the case itself refuses the wrong step, with a reason").isTrue();
        CaseAccess closed = AccessPolicy.toCase(AIGERIM, almaty(CaseStatus.CLOSED, false));
        assertThat(closed.getActions()).doesNotContain(WORK, WRITE_NOTE, RECORD_ADDRESS, MAKE_REFERRAL).contains(READ, READ_NOTES);
        CaseAccess requested = AccessPolicy.toCase(NURLAN, almaty(CaseStatus.CLOSURE_REQUESTED, false));
        assertThat(requested.may(DECIDE_CLOSURE)).isTrue();
        assertThat(requested.may(REOPEN)).isFalse();
        assertThat(AccessPolicy.toCase(NURLAN, almaty(CaseStatus.CLOSED, false)).may(REOPEN)).isTrue();
    }

    @Test
    void policeAndCourtsSeeOnlyTheTimelineEntriesOfWhatTheyMayRead() {
        Set<CaseEventKind> hidden = EnumSet.of(CaseEventKind.SECRET_ADDRESS_RECORDED, CaseEventKind.NOTE_WRITTEN,
                CaseEventKind.SAFETY_PLAN_REVISED, CaseEventKind.RISK_ASSESSED, CaseEventKind.CONSENT_GIVEN,
                CaseEventKind.CONSENT_WITHDRAWN, CaseEventKind.REFERRAL_CREATED, CaseEventKind.SERVICE_DELIVERED,
                CaseEventKind.CASE_ASSIGNED, CaseEventKind.EMERGENCY_ACCESS);
        for (Caller reader : new Caller[]{SERIK, ALIYA}) {
            Set<CaseEventKind> kinds = AccessPolicy.toCase(reader, almaty(CaseStatus.ACTIVE, false)).timelineKinds();
            assertThat(kinds).as(reader.username()).doesNotContainAnyElementsOf(hidden)
                    .contains(CaseEventKind.CASE_OPENED, CaseEventKind.INCIDENT_RECORDED, CaseEventKind.PROTECTIVE_ORDER_ISSUED,
                            CaseEventKind.COURT_MANDATE_RECORDED);
        }
        assertThat(AccessPolicy.toCase(AIGERIM, almaty(CaseStatus.ACTIVE, false)).timelineKinds())
                .containsExactlyInAnyOrder(CaseEventKind.values());
        assertThat(AccessPolicy.toCase(NURLAN, almaty(CaseStatus.ACTIVE, false)).timelineKinds())
                .contains(CaseEventKind.NOTE_WRITTEN).doesNotContain(CaseEventKind.SECRET_ADDRESS_RECORDED);
        assertThat(AccessPolicy.toCase(DANA, almaty(CaseStatus.ACTIVE, false)).timelineKinds()).isEmpty();
    }

    @Test
    void refusalsSayNotFoundOutsideWhatOneReadsAndForbiddenWhereOneOnlyReads() {
        assertThatThrownBy(() -> AccessPolicy.toCase(DANA, almaty(CaseStatus.ACTIVE, false)).require(WORK))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> AccessPolicy.toCase(SERIK, almaty(CaseStatus.ACTIVE, false)).require(WORK))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AccessPolicy.toCase(ZHANAR, almaty(CaseStatus.ACTIVE, false)).require(READ_ADDRESS))
                .as("the address of a case assigned to her does not exist for her").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> AccessPolicy.requireCapable(MADINA, WORK)).isInstanceOf(AccessDeniedException.class);
        assertThatCode(() -> AccessPolicy.requireCapable(MADINA, READ)).doesNotThrowAnyException();
        assertThatCode(() -> AccessPolicy.requireCapable(WORKER_AND_POLICE, WORK)).doesNotThrowAnyException();
    }

    @Test
    void listsTakeEachActionsOwnPartition() {
        assertThat(AccessPolicy.scope(AIGERIM, READ)).contains(new CaseScope(CaseScope.Partition.ORGANISATION, "ALM-CC", "aigerim"));
        assertThat(AccessPolicy.scope(SERIK, READ)).contains(new CaseScope(CaseScope.Partition.REGION, "ALM"));
        assertThat(AccessPolicy.scope(ALIYA, READ)).contains(new CaseScope(CaseScope.Partition.COURT, "ALM-CRT"));
        assertThat(AccessPolicy.scope(MADINA, READ)).isEmpty();
        assertThat(AccessPolicy.scope(WORKER_AND_POLICE, READ)).contains(new CaseScope(CaseScope.Partition.REGION, "ALM"));
        assertThat(AccessPolicy.scope(WORKER_AND_POLICE, READ_SOCIAL_WORK))
                .as("she reads the region as police, but runs only her organisation's cases")
                .contains(new CaseScope(CaseScope.Partition.ORGANISATION, "ALM-FSC", "bolat"));
        assertThat(AccessPolicy.scope(SERIK, READ_SOCIAL_WORK)).isEmpty();
        assertThat(CaseScope.of(NURLAN)).isEqualTo(AccessPolicy.scope(NURLAN, READ));
    }

    @Test
    void theListsOfMeasuresAndReferralsAreOfferedWhereTheRowsCanBeRead() {
        for (Caller reader : List.of(AIGERIM, NURLAN, SERIK, ALIYA)) {
            assertThat(AccessPolicy.of(reader).listsMeasures()).as(reader.username()).isTrue();
        }
        for (Caller none : List.of(MADINA, ASEL, ADMIN)) {
            assertThat(AccessPolicy.of(none).listsMeasures()).as(none.username()).isFalse();
        }
        for (Caller reader : List.of(AIGERIM, NURLAN, MADINA, WORKER_AND_POLICE)) {
            assertThat(AccessPolicy.of(reader).listsReferrals()).as(reader.username()).isTrue();
        }
        for (Caller none : List.of(SERIK, ALIYA, ASEL, ADMIN)) {
            assertThat(AccessPolicy.of(none).listsReferrals()).as(none.username()).isFalse();
        }
        assertThat(AccessPolicy.provider(MADINA)).contains("ALM-NGO");
        assertThat(AccessPolicy.provider(AIGERIM)).isEmpty();
        assertThat(AccessPolicy.scope(NURLAN, READ_REFERRALS)).contains(new CaseScope(CaseScope.Partition.REGION, "ALM"));
    }

    @Test
    void callersAreOfferedWhatTheirRolesGrant() {
        assertThat(AccessPolicy.of(AIGERIM)).isEqualTo(new CallerAccess(true, true, false, true, true, false, false, false, true));
        assertThat(AccessPolicy.of(ALIYA).readsCases()).isTrue();
        assertThat(AccessPolicy.of(ALIYA).hasDeadlines()).isTrue();
        assertThat(AccessPolicy.of(MADINA).listsCases()).isFalse();
        assertThat(AccessPolicy.of(MADINA).answersReferrals()).isTrue();
        assertThat(AccessPolicy.of(NURLAN).reviewsEmergencyAccess()).isTrue();
        assertThat(AccessPolicy.of(ASEL).hasWork()).isFalse();
        assertThat(AccessPolicy.of(ADMIN).administersReferenceData()).isTrue();
    }

    @Test
    void ordersDecisionsAndReferralsAnswerForTheirOwnUnitCourtAndProvider() {
        CaseAccess police = AccessPolicy.toCase(SERIK, almaty(CaseStatus.ACTIVE, false));
        assertThat(AccessPolicy.order(SERIK, police, "ALM-POL", OrderStatus.ACTIVE).actions())
                .containsExactlyInAnyOrder(OrderAction.RECORD_VIOLATION, OrderAction.REVOKE);
        assertThat(AccessPolicy.order(SERIK, police, "ALM-POL", OrderStatus.EXPIRED).actions()).containsExactly(OrderAction.RECORD_VIOLATION);
        assertThat(AccessPolicy.order(SERIK, police, "AST-POL", OrderStatus.ACTIVE).actions()).isEmpty();
        CaseAccess worker = AccessPolicy.toCase(AIGERIM, almaty(CaseStatus.ACTIVE, false));
        assertThat(AccessPolicy.order(AIGERIM, worker, "ALM-CC", OrderStatus.ACTIVE).actions()).isEmpty();

        CaseAccess court = AccessPolicy.toCase(ALIYA, almaty(CaseStatus.ACTIVE, false));
        assertThat(AccessPolicy.decision(ALIYA, court, "ALM-CRT", true).actions()).containsExactlyInAnyOrder(DecisionAction.values());
        assertThat(AccessPolicy.decision(ALIYA, court, "ALM-CRT", false).actions()).isEmpty();
        assertThat(AccessPolicy.decision(ALIYA, court, "AST-CRT", true).actions()).isEmpty();

        assertThat(AccessPolicy.referral(AIGERIM, Optional.of(worker), "ALM-NGO", ReferralStatus.PROPOSED).actions())
                .containsExactlyInAnyOrder(ReferralAction.SEND, ReferralAction.CANCEL);
        assertThat(AccessPolicy.referral(MADINA, Optional.empty(), "ALM-NGO", ReferralStatus.SENT).actions())
                .containsExactlyInAnyOrder(ReferralAction.ACCEPT, ReferralAction.DECLINE);
        assertThat(AccessPolicy.referral(MADINA, Optional.empty(), "ALM-NGO", ReferralStatus.ACCEPTED).actions())
                .containsExactly(ReferralAction.DELIVER);
        assertThat(AccessPolicy.referral(MADINA, Optional.empty(), "ALM-NGO", ReferralStatus.PROPOSED).actions())
                .as("a draft is not the provider's yet").isEmpty();
        assertThat(AccessPolicy.referral(MADINA, Optional.empty(), "AST-NGO", ReferralStatus.SENT).actions()).isEmpty();
        CaseAccess closed = AccessPolicy.toCase(AIGERIM, almaty(CaseStatus.CLOSED, false));
        assertThat(AccessPolicy.referral(AIGERIM, Optional.of(closed), "ALM-NGO", ReferralStatus.PROPOSED).actions()).isEmpty();
    }

    @Test
    void aCaseIsOpenedOnlyInTheRegionOfItsOwnersOrganisation() {
        assertThatCode(() -> AccessPolicy.requireIntakeRegion(AIGERIM, Optional.of("ALM"), "ALM")).doesNotThrowAnyException();
        for (String elsewhere : new String[]{"AST", "SHY"}) {
            assertThatThrownBy(() -> AccessPolicy.requireIntakeRegion(AIGERIM, Optional.of("ALM"), elsewhere))
                    .isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).messageKeys()).asList().containsExactly("case.region.notOwn");
        }
        assertThatThrownBy(() -> AccessPolicy.requireIntakeRegion(AIGERIM, Optional.of("AST"), "AST"))
                .as("her token's region and her organisation's must agree").isInstanceOf(InvalidInputException.class);
    }
}
