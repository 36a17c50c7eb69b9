package kz.qorgau.shared;

/** What a user may do; roles are bundles of these, so that access rules ask for a permission, not a role. */
public enum Permission {
    /** Open a new case file in one's own organisation. */
    CASE_OPEN,
    /** Read case files owned by one's own organisation. */
    CASE_READ_OWN_ORGANISATION,
    /** Read every case file of one's own region. */
    CASE_READ_OWN_REGION,
    /** Read the cases brought before one's own court. */
    CASE_READ_BROUGHT_BEFORE_COURT,
    /** Bring a case before a court. */
    COURT_SUBMIT,
    /** Run a case: lifecycle, risk, consent, incidents. */
    CASE_WORK,
    /** Approve or refuse the closure of a case, reopen a closed one. */
    CASE_APPROVE_CLOSURE,
    /** Read the safety plan. */
    SAFETY_PLAN_READ,
    /** Write the safety plan. */
    SAFETY_PLAN_WRITE,
    /** Read and record where the victim lives and shelters: the owning organisation only. */
    SECRET_ADDRESS,
    /** Issue protective orders, record their violations and revocation. */
    PROTECTIVE_ORDER_ISSUE,
    /** Record the preliminary identification of a trafficking victim. */
    TRAFFICKING_IDENTIFY,
    /** Record court decisions: special requirements, eviction, psychocorrection. */
    COURT_MANDATE_RECORD,
    /** Open a case outside one's partition in an emergency, with a written reason, for a limited time. */
    BREAK_GLASS,
    /** Refer a victim to a provider of special social services. */
    REFERRAL_MAKE,
    /** Answer referrals addressed to one's organisation and record services delivered. */
    REFERRAL_ANSWER,
    /** Read the counselling notes of a case one works on, or of one's region as its supervisor. */
    NOTES_READ,
    /** Write counselling notes on a case one works on: of one's organisation, or assigned to oneself. */
    NOTES_WRITE,
    /** Assign a case of one's region to a social worker, or take the assignment back. */
    CASE_ASSIGN,
    /** Mark another supervisor's emergency access of one's region as reviewed: justified or not. */
    BREAK_GLASS_REVIEW,
    /** Maintain organisations and legal articles; no case content comes with it. */
    REFERENCE_DATA_ADMIN,
    /** Aggregate figures of the whole country and of every region, small cells always suppressed; never a record. */
    STATISTICS_NATIONAL,
    /** Figures of one's own region and of every organisation in it, and the caseload of its social workers. */
    STATISTICS_REGION,
    /** Figures of one's own organisation's cases and services. */
    STATISTICS_ORGANISATION,
    /** Figures of the protective orders of one's own police unit. */
    STATISTICS_POLICE_UNIT,
    /** Figures of one's own court's decisions and their outcomes. */
    STATISTICS_COURT,
    /** Figures of the referrals addressed to one's own organisation and the services it delivered. */
    STATISTICS_PROVIDER
}
