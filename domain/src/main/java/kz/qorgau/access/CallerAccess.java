package kz.qorgau.access;

/**
 * What a caller may do at all, whatever the record: which menus, links and start-page sections she is offered.
 * The pages show these; each record she then opens is answered by the policy again.
 */
public record CallerAccess(boolean opensCases, boolean readsCases, boolean answersReferrals, boolean makesReferrals,
                           boolean followsCaseWork, boolean breaksGlass, boolean reviewsEmergencyAccess,
                           boolean administersReferenceData, boolean readsReferrals) {

    /** The case list: for anyone who reads cases somewhere or opens them. */
    public boolean listsCases() {
        return readsCases || opensCases;
    }

    /** The lists of protective orders and court decisions: the measures on the cases one reads. */
    public boolean listsMeasures() {
        return readsCases;
    }

    /** The list of referrals: those of the cases one follows, or those addressed to one's organisation. */
    public boolean listsReferrals() {
        return readsReferrals || answersReferrals;
    }

    /** Something to do on the start page: cases, referrals or reference data (statistics are asked separately). */
    public boolean hasWork() {
        return readsCases || answersReferrals || administersReferenceData;
    }

    /** Deadlines come from the cases one reads and the referrals one makes or answers. */
    public boolean hasDeadlines() {
        return readsCases || answersReferrals;
    }
}
