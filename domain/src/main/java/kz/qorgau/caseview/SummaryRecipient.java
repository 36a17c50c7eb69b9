package kz.qorgau.caseview;

import kz.qorgau.casefile.CaseDetails;

import java.util.List;

/**
 * Who a printed case summary is for, and what of the case it may carry. It is cut from what its author sees, so it
 * never carries more than she may read; and never the address, the safety plan, the notes, the timeline or who saw
 * the case, whoever it is for.
 */
public enum SummaryRecipient {

    /** A provider taking a referral: who the victim is and which services were asked of whom; no incident, no measure. */
    PROVIDER(false, false, false, true),
    /** The police: the victim and her children, the incidents and the protective orders. */
    POLICE(true, true, false, false),
    /** A court hearing: as for the police, with the court decisions and their courses. */
    COURT(true, true, true, false);

    private final boolean incidentsAndParties;
    private final boolean orders;
    private final boolean decisions;
    private final boolean referrals;

    SummaryRecipient(boolean incidentsAndParties, boolean orders, boolean decisions, boolean referrals) {
        this.incidentsAndParties = incidentsAndParties;
        this.orders = orders;
        this.decisions = decisions;
        this.referrals = referrals;
    }

    /** The part of the author's view this recipient gets. */
    public CaseView cut(CaseView view) {
        CaseDetails d = view.details().withoutSocialWork();
        CaseDetails.PersonView v = d.victim();
        // a provider learns her name, sex and age, as a referral tells it: no IIN, no date of birth
        CaseDetails.PersonView victim = incidentsAndParties ? v : new CaseDetails.PersonView(v.familyName(), v.givenName(),
                v.patronymic(), v.latinName(), v.sex(), null, v.age(), v.citizenship(), null, v.foreign());
        CaseDetails details = new CaseDetails(d.id(), d.number(), d.kind(), d.status(), d.regionCode(), d.organisationCode(),
                d.ownerUsername(), null, d.openedAt(), null, null, d.version(), victim,
                incidentsAndParties ? d.incidents() : List.of(), List.of(), List.of(),
                incidentsAndParties ? d.relatedPersons() : List.of(), d.access());
        CaseView.Summary none = new CaseView.Summary(null, null, List.of(), false);
        return new CaseView(details, orders ? view.summary() : none, orders ? view.courts() : List.of(), List.of(),
                List.of(), null, null, null, orders ? view.orders() : List.of(), decisions ? view.decisions() : List.of(),
                referrals ? view.referrals() : List.of(), null, List.of());
    }
}
