package kz.qorgau.worklist;

import kz.qorgau.access.CaseAction;

import java.util.Optional;

/**
 * What a start page shows, section by section, and the case action whose partition each section reads, by the access
 * policy (none: a provider's referrals, which need no access to the case): a token with several roles gets every
 * section of each, each in its own partition. The order here is the order on the page: the work that waits on the caller first.
 */
public enum WorkSection {
    /** Cases she owns or is assigned, still open, most recently active first. */
    MY_CASES(CaseAction.WORK),
    /** What others recorded on her cases in the last days. */
    RECENT_ACTIVITY(CaseAction.WORK),
    /** Closures her social workers asked for, in her region. */
    CLOSURES_TO_APPROVE(CaseAction.DECIDE_CLOSURE),
    /** Open cases of her region where nothing happened for the legal term of inactivity. */
    CASES_WITHOUT_ACTIVITY(CaseAction.DECIDE_CLOSURE),
    /** Violations of the unit's orders in the last month. */
    ORDER_VIOLATIONS(CaseAction.ISSUE_ORDER),
    /** The unit's orders ending within the warning term. */
    ORDERS_EXPIRING(CaseAction.ISSUE_ORDER),
    /** Cases where an order of the unit was violated and no court has them yet. */
    TO_BRING_BEFORE_COURT(CaseAction.ISSUE_ORDER),
    /** The unit's orders in force today. */
    ORDERS_IN_FORCE(CaseAction.ISSUE_ORDER),
    /** Cases brought before the court on which it has recorded no decision yet. */
    BROUGHT_BEFORE_COURT(CaseAction.RECORD_DECISION),
    /** Psychocorrection sessions missed under the court's mandates, on courses not yet reported. */
    SESSIONS_MISSED(CaseAction.RECORD_DECISION),
    /** Providers' reports that an offender did not comply with a course the court ordered. */
    NON_COMPLIANCE_REPORTS(CaseAction.RECORD_DECISION),
    /** The court's mandates running today. */
    MANDATES_RUNNING(CaseAction.RECORD_DECISION),
    /** Referrals sent to the provider and not answered yet, oldest first. */
    REFERRALS_TO_ANSWER(null),
    /** Referrals the provider accepted, with services under way. */
    SERVICES_IN_PROGRESS(null);

    private final CaseAction onCases;

    WorkSection(CaseAction onCases) {
        this.onCases = onCases;
    }

    /** The action whose partition the section reads; empty for the referrals addressed to a provider. */
    public Optional<CaseAction> onCases() {
        return Optional.ofNullable(onCases);
    }
}
