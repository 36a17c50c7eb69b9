package kz.qorgau.worklist;

import kz.qorgau.shared.Permission;

/**
 * What a start page shows, section by section, and the permission that brings each section: a token with several
 * roles gets every section of each. The order here is the order on the page: the work that waits on the caller first.
 */
public enum WorkSection {
    /** Cases she owns or is assigned, still open, most recently active first. */
    MY_CASES(Permission.CASE_WORK),
    /** What others recorded on her cases in the last days. */
    RECENT_ACTIVITY(Permission.CASE_WORK),
    /** Closures her social workers asked for, in her region. */
    CLOSURES_TO_APPROVE(Permission.CASE_APPROVE_CLOSURE),
    /** Open cases of her region where nothing happened for the legal term of inactivity. */
    CASES_WITHOUT_ACTIVITY(Permission.CASE_APPROVE_CLOSURE),
    /** Violations of the unit's orders in the last month. */
    ORDER_VIOLATIONS(Permission.PROTECTIVE_ORDER_ISSUE),
    /** The unit's orders ending within the warning term. */
    ORDERS_EXPIRING(Permission.PROTECTIVE_ORDER_ISSUE),
    /** Cases where an order of the unit was violated and no court has them yet. */
    TO_BRING_BEFORE_COURT(Permission.PROTECTIVE_ORDER_ISSUE),
    /** The unit's orders in force today. */
    ORDERS_IN_FORCE(Permission.PROTECTIVE_ORDER_ISSUE),
    /** Cases brought before the court on which it has recorded no decision yet. */
    BROUGHT_BEFORE_COURT(Permission.COURT_MANDATE_RECORD),
    /** Psychocorrection sessions missed under the court's mandates, on courses not yet reported. */
    SESSIONS_MISSED(Permission.COURT_MANDATE_RECORD),
    /** Providers' reports that an offender did not comply with a course the court ordered. */
    NON_COMPLIANCE_REPORTS(Permission.COURT_MANDATE_RECORD),
    /** The court's mandates running today. */
    MANDATES_RUNNING(Permission.COURT_MANDATE_RECORD),
    /** Referrals sent to the provider and not answered yet, oldest first. */
    REFERRALS_TO_ANSWER(Permission.REFERRAL_ANSWER),
    /** Referrals the provider accepted, with services under way. */
    SERVICES_IN_PROGRESS(Permission.REFERRAL_ANSWER);

    private final Permission permission;

    WorkSection(Permission permission) {
        this.permission = permission;
    }

    public Permission permission() {
        return permission;
    }
}
