package kz.qorgau.access;

import kz.qorgau.casefile.CaseScope;
import kz.qorgau.protection.OrderStatus;
import kz.qorgau.referral.ReferralStatus;
import kz.qorgau.shared.AccessDeniedException;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.Permission;
import kz.qorgau.shared.Role;
import kz.qorgau.timeline.CaseEventKind;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static kz.qorgau.access.CaseAction.*;

/**
 * The one access policy: for a caller and a record, what she may do with it. Each permission grants its actions in
 * its own partition, written once in {@link #GRANTS}; a token with several roles gets the union of what each role
 * grants in its own partition, never more, so a read partition never becomes a write one. An emergency access
 * ("break the glass") reads and never writes. Services ask it before they act, queries take their conditions from it
 * ({@link #scope}), and pages and the API show its answer. Pure: no database, no container.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    /** Where a grant holds, as seen from the caller. */
    enum Partition {
        /** The cases of her organisation and those assigned to her by name. */
        WORKED_ON,
        /** The cases of her organisation only: an assigned worker from elsewhere is not of it. */
        OWNING_ORGANISATION,
        /** Every case of her region. */
        REGION,
        /** The cases brought before her court. */
        BEFORE_COURT,
        /** The cases she holds an emergency access to right now; never a role's own partition. */
        EMERGENCY,
        /** Wherever the role that holds the permission reads cases (a social worker's, a supervisor's region...). */
        ROLE_READS
    }

    record Grant(Permission permission, Partition partition, Set<CaseAction> actions) {
        Grant(Permission permission, Partition partition, CaseAction first, CaseAction... rest) {
            this(permission, partition, EnumSet.of(first, rest));
        }
    }

    /** The whole case policy: which permission grants which actions where. */
    static final List<Grant> GRANTS = List.of(
            new Grant(Permission.CASE_READ_OWN_ORGANISATION, Partition.WORKED_ON, READ),
            new Grant(Permission.CASE_READ_OWN_REGION, Partition.REGION, READ),
            new Grant(Permission.CASE_READ_BROUGHT_BEFORE_COURT, Partition.BEFORE_COURT, READ),
            // a supervisor in an emergency reads what she would read in her region, but no notes, and changes nothing
            new Grant(Permission.BREAK_GLASS, Partition.EMERGENCY, READ, READ_SOCIAL_WORK, READ_SAFETY_PLAN, READ_REFERRALS),
            new Grant(Permission.CASE_WORK, Partition.WORKED_ON, WORK, ACTIVATE, REQUEST_CLOSURE, READ_SOCIAL_WORK),
            new Grant(Permission.CASE_WORK, Partition.OWNING_ORGANISATION, WHO_SAW),
            new Grant(Permission.CASE_APPROVE_CLOSURE, Partition.REGION, DECIDE_CLOSURE, REOPEN, READ_SOCIAL_WORK, WHO_SAW,
                    READ_REFERRALS),
            new Grant(Permission.CASE_ASSIGN, Partition.REGION, ASSIGN),
            new Grant(Permission.SAFETY_PLAN_READ, Partition.ROLE_READS, READ_SAFETY_PLAN),
            new Grant(Permission.SAFETY_PLAN_WRITE, Partition.WORKED_ON, WRITE_SAFETY_PLAN),
            new Grant(Permission.SECRET_ADDRESS, Partition.OWNING_ORGANISATION, READ_ADDRESS, RECORD_ADDRESS),
            new Grant(Permission.NOTES_READ, Partition.ROLE_READS, READ_NOTES),
            new Grant(Permission.NOTES_WRITE, Partition.WORKED_ON, WRITE_NOTE),
            new Grant(Permission.COURT_SUBMIT, Partition.ROLE_READS, BRING_BEFORE_COURT),
            new Grant(Permission.PROTECTIVE_ORDER_ISSUE, Partition.ROLE_READS, ISSUE_ORDER),
            new Grant(Permission.TRAFFICKING_IDENTIFY, Partition.ROLE_READS, IDENTIFY_TRAFFICKING),
            new Grant(Permission.COURT_MANDATE_RECORD, Partition.ROLE_READS, RECORD_DECISION),
            new Grant(Permission.REFERRAL_MAKE, Partition.WORKED_ON, MAKE_REFERRAL, READ_REFERRALS));

    /**
     * Which timeline entries need more than reading the case: an entry such as "address recorded" or "note written"
     * tells what exists, so it is shown only to one who may read that part. Every other kind needs {@link CaseAction#READ}.
     */
    private static final Map<CaseEventKind, CaseAction> TIMELINE = timeline();

    private static Map<CaseEventKind, CaseAction> timeline() {
        Map<CaseEventKind, CaseAction> needs = new EnumMap<>(CaseEventKind.class);
        for (CaseEventKind kind : CaseEventKind.values()) {
            needs.put(kind, switch (kind) {
                case RISK_ASSESSED, CONSENT_GIVEN, CONSENT_WITHDRAWN, CASE_ASSIGNED, CASE_UNASSIGNED, EMERGENCY_ACCESS ->
                        READ_SOCIAL_WORK;
                case SAFETY_PLAN_REVISED -> READ_SAFETY_PLAN;
                case SECRET_ADDRESS_RECORDED -> READ_ADDRESS;
                case NOTE_WRITTEN -> READ_NOTES;
                case REFERRAL_CREATED, REFERRAL_STATUS_CHANGED, SERVICE_DELIVERED -> READ_REFERRALS;
                default -> READ;
            });
        }
        return needs;
    }

    // --- cases ---

    /** What the caller may do with this case. */
    public static CaseAccess toCase(Caller caller, CaseFacts facts) {
        Set<CaseAction> granted = EnumSet.noneOf(CaseAction.class);
        for (Role role : caller.roles()) {
            for (Grant grant : GRANTS) {
                if (role.permissions().contains(grant.permission())
                        && partitionsOf(role, grant).stream().anyMatch(p -> holds(p, caller, facts))) {
                    granted.addAll(grant.actions());
                }
            }
        }
        if (!granted.contains(READ)) {
            return CaseAccess.none(facts.status());
        }
        Set<CaseEventKind> kinds = EnumSet.noneOf(CaseEventKind.class);
        TIMELINE.forEach((kind, needs) -> {
            if (granted.contains(needs)) {
                kinds.add(kind);
            }
        });
        return new CaseAccess(granted, facts.status(), kinds);
    }

    /**
     * Refuses, before any record is looked at, an action that no permission of the caller grants anywhere. Reading is
     * never refused here: a case one may not read is simply not found.
     */
    public static void requireCapable(Caller caller, CaseAction action) {
        if (action != READ && grantsOf(caller, action).isEmpty()) {
            throw new AccessDeniedException();
        }
    }

    /** Whether the policy needs the courts a case was brought before to answer this caller. */
    public static boolean needsCourts(Caller caller) {
        return usesPartition(caller, Partition.BEFORE_COURT);
    }

    /** Whether the policy needs to know of the caller's emergency accesses. */
    public static boolean needsEmergencyAccess(Caller caller) {
        return usesPartition(caller, Partition.EMERGENCY);
    }

    /**
     * The partition in which the caller may do this, as a query condition for lists; empty when nowhere. Emergency
     * accesses are never listed. One partition: a region holds its organisations' cases and those assigned in it, so
     * it is taken before them; a court's partition only when the caller has no other.
     */
    public static Optional<CaseScope> scope(Caller caller, CaseAction action) {
        Set<Partition> partitions = EnumSet.noneOf(Partition.class);
        for (Role role : caller.roles()) {
            for (Grant grant : GRANTS) {
                if (role.permissions().contains(grant.permission()) && grant.actions().contains(action)) {
                    partitions.addAll(partitionsOf(role, grant));
                }
            }
        }
        Optional<String> region = caller.regionCode();
        Optional<String> organisation = caller.organisationCode();
        if (partitions.contains(Partition.REGION) && region.isPresent()) {
            return Optional.of(new CaseScope(CaseScope.Partition.REGION, region.get()));
        }
        if (partitions.contains(Partition.WORKED_ON) && organisation.isPresent()) {
            return Optional.of(new CaseScope(CaseScope.Partition.ORGANISATION, organisation.get(), caller.username()));
        }
        if (partitions.contains(Partition.BEFORE_COURT) && organisation.isPresent()) {
            return Optional.of(new CaseScope(CaseScope.Partition.COURT, organisation.get()));
        }
        return Optional.empty();
    }

    /** What the caller may do at all, for menus and start pages: no record is involved. */
    public static CallerAccess of(Caller caller) {
        return new CallerAccess(caller.may(Permission.CASE_OPEN), scope(caller, READ).isPresent(),
                caller.may(Permission.REFERRAL_ANSWER), caller.may(Permission.REFERRAL_MAKE),
                scope(caller, READ_SOCIAL_WORK).isPresent(), caller.may(Permission.BREAK_GLASS),
                caller.may(Permission.BREAK_GLASS_REVIEW), caller.may(Permission.REFERENCE_DATA_ADMIN),
                scope(caller, READ_REFERRALS).isPresent());
    }

    /**
     * A case is opened in its owner's region, her organisation's and her own: a case that one region's worker opens
     * in another would be seen by neither region's supervisor as it should.
     */
    public static void requireIntakeRegion(Caller caller, Optional<String> organisationRegion, String region) {
        if (organisationRegion.filter(region::equals).isEmpty() || caller.regionCode().filter(region::equals).isEmpty()) {
            throw new InvalidInputException("case.region.notOwn");
        }
    }

    // --- records of a case ---

    /** An order of the caller's own unit on a case where she issues orders; every other order does not exist for her. */
    public static boolean ownsOrder(Caller caller, CaseAccess onCase, String issuingUnitCode) {
        return onCase.granted(ISSUE_ORDER) && caller.organisationCode().filter(issuingUnitCode::equals).isPresent();
    }

    public static OrderAccess order(Caller caller, CaseAccess onCase, String issuingUnitCode, OrderStatus status) {
        Set<OrderAction> actions = EnumSet.noneOf(OrderAction.class);
        if (ownsOrder(caller, onCase, issuingUnitCode)) {
            actions.add(OrderAction.RECORD_VIOLATION);
            if (status.allowsRevocation()) {
                actions.add(OrderAction.REVOKE);
            }
        }
        return new OrderAccess(actions);
    }

    /** A decision of the caller's own court on a case where she records decisions. */
    public static boolean ownsDecision(Caller caller, CaseAccess onCase, String courtCode) {
        return onCase.granted(RECORD_DECISION) && caller.organisationCode().filter(courtCode::equals).isPresent();
    }

    public static DecisionAccess decision(Caller caller, CaseAccess onCase, String courtCode, boolean courseUnderway) {
        return ownsDecision(caller, onCase, courtCode) && courseUnderway
                ? new DecisionAccess(EnumSet.allOf(DecisionAction.class))
                : new DecisionAccess(Set.of());
    }

    /**
     * A referral the caller answers: sent (never a draft) to her own organisation. The provider sees nothing else of
     * the case, so this needs no access to the case at all.
     */
    public static boolean addressedTo(Caller caller, String toOrganisationCode, ReferralStatus status) {
        return caller.may(Permission.REFERRAL_ANSWER) && status != ReferralStatus.PROPOSED
                && caller.organisationCode().filter(toOrganisationCode::equals).isPresent();
    }

    /**
     * {@link #addressedTo} as a JPQL condition on a referral aliased {@code r}, for the provider's inbox; parameter
     * {@code :provider}, her organisation (the caller's permission is required before).
     */
    public static final String ADDRESSED_TO =
            "(r.toOrganisationCode = :provider and r.status <> kz.qorgau.referral.ReferralStatus.PROPOSED)";

    /**
     * The organisation whose referrals the caller answers, for lists: empty when she answers none. With it,
     * {@link #addressedToSql} is {@link #addressedTo} for native SQL.
     */
    public static Optional<String> provider(Caller caller) {
        return caller.may(Permission.REFERRAL_ANSWER) ? caller.organisationCode() : Optional.empty();
    }

    /** {@link #addressedTo} as a native condition on {@code service_referral} aliased {@code r}, the provider's code as {@code placeholder}. */
    public static String addressedToSql(String placeholder) {
        return "(r.to_organisation_code = " + placeholder + " and r.status <> 'PROPOSED')";
    }

    /** What the caller may do with a referral: as the case's worker ({@code onCase}), or as its provider. */
    public static ReferralAccess referral(Caller caller, Optional<CaseAccess> onCase, String toOrganisationCode,
                                          ReferralStatus status) {
        boolean maker = onCase.map(a -> a.may(MAKE_REFERRAL)).orElse(false);
        boolean provider = addressedTo(caller, toOrganisationCode, status);
        Set<ReferralAction> actions = EnumSet.noneOf(ReferralAction.class);
        for (ReferralAction action : ReferralAction.values()) {
            if ((action.providers() ? provider : maker) && action.possibleIn(status)) {
                actions.add(action);
            }
        }
        return new ReferralAccess(actions);
    }

    // --- the table, read ---

    private static List<Grant> grantsOf(Caller caller, CaseAction action) {
        return GRANTS.stream().filter(g -> g.actions().contains(action) && caller.may(g.permission())).toList();
    }

    private static boolean usesPartition(Caller caller, Partition partition) {
        return caller.roles().stream().anyMatch(role -> GRANTS.stream()
                .anyMatch(g -> role.permissions().contains(g.permission()) && partitionsOf(role, g).contains(partition)));
    }

    /** The partitions a grant holds in for a role: its own, or for {@link Partition#ROLE_READS} where the role reads. */
    private static Set<Partition> partitionsOf(Role role, Grant grant) {
        if (grant.partition() != Partition.ROLE_READS) {
            return EnumSet.of(grant.partition());
        }
        Set<Partition> reads = EnumSet.noneOf(Partition.class);
        for (Grant g : GRANTS) {
            if (g.actions().contains(READ) && g.partition() != Partition.EMERGENCY && role.permissions().contains(g.permission())) {
                reads.add(g.partition());
            }
        }
        return reads;
    }

    private static boolean holds(Partition partition, Caller caller, CaseFacts facts) {
        Optional<String> organisation = caller.organisationCode();
        return switch (partition) {
            case WORKED_ON -> organisation.filter(facts.organisationCode()::equals).isPresent()
                    || facts.assignedTo().filter(caller.username()::equals).isPresent();
            case OWNING_ORGANISATION -> organisation.filter(facts.organisationCode()::equals).isPresent();
            case REGION -> caller.regionCode().filter(facts.regionCode()::equals).isPresent();
            case BEFORE_COURT -> organisation.filter(facts.courts()::contains).isPresent();
            case EMERGENCY -> facts.emergencyAccess();
            case ROLE_READS -> throw new IllegalStateException("resolved by partitionsOf");
        };
    }
}
