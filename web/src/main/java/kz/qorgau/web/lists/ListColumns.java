package kz.qorgau.web.lists;

import kz.qorgau.mandate.MandateListRow;
import kz.qorgau.protection.OrderListRow;
import kz.qorgau.referral.ReferralListRow;
import kz.qorgau.web.lists.ListFiles.Column;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The columns of each list's file, the same for the page's export and the API's: what the row carries, which the
 * service already cut to what the reader may see. Never an address.
 */
public final class ListColumns {

    private ListColumns() {
    }

    public static final List<Column<OrderListRow>> ORDERS = List.of(
            new Column<>("case.number", (f, r) -> r.caseNumber()),
            new Column<>("order.number", (f, r) -> r.orderNumber()),
            new Column<>("order.unit", (f, r) -> f.organisation(r.issuingUnitCode())),
            new Column<>("order.issued", (f, r) -> ListFiles.day(r.issueDate())),
            new Column<>("order.validUntil", (f, r) -> ListFiles.day(r.validUntil())),
            new Column<>("order.status", (f, r) -> f.name("orderStatus.", r.status())),
            new Column<>("order.revokedOn", (f, r) -> ListFiles.day(r.revokedOn())),
            new Column<>("order.violations", (f, r) -> String.valueOf(r.violations())),
            new Column<>("order.perpetratorFamilyName", (f, r) -> r.perpetratorFamilyName()),
            new Column<>("order.perpetratorGivenName", (f, r) -> r.perpetratorGivenName()));

    public static final List<Column<MandateListRow>> MANDATES = List.of(
            new Column<>("case.number", (f, r) -> r.caseNumber()),
            new Column<>("mandate.court", (f, r) -> f.organisation(r.courtCode())),
            new Column<>("mandate.decisionNumber", (f, r) -> r.decisionNumber()),
            new Column<>("mandate.decisionDate", (f, r) -> ListFiles.day(r.decisionDate())),
            new Column<>("mandate.start", (f, r) -> ListFiles.day(r.startDate())),
            new Column<>("mandate.end", (f, r) -> ListFiles.day(r.endDate())),
            new Column<>("mandate.requirements", (f, r) -> r.measures().stream()
                    .map(m -> f.name("measure.", m)).collect(Collectors.joining("; "))),
            new Column<>("mandate.policeReports", (f, r) -> ListFiles.text(r.policeReportsPerMonth())),
            new Column<>("mandate.evictionFrom", (f, r) -> ListFiles.day(r.evictionFrom())),
            new Column<>("mandate.evictionTo", (f, r) -> ListFiles.day(r.evictionTo())),
            new Column<>("mandate.courseProvider", (f, r) -> f.organisation(r.courseProviderCode())),
            new Column<>("mandate.sessionsRequired", (f, r) -> ListFiles.text(r.sessionsRequired())),
            new Column<>("mandate.sessionsAttended", (f, r) -> ListFiles.text(r.sessionsAttended())),
            new Column<>("mandate.courseOutcome", (f, r) -> f.name("courseOutcome.", r.courseOutcome())));

    public static final List<Column<ReferralListRow>> REFERRALS = List.of(
            new Column<>("case.number", (f, r) -> r.caseNumber()),
            new Column<>("case.victim", (f, r) -> r.victimName()),
            new Column<>("referral.victimAge", (f, r) -> ListFiles.text(r.victimAge())),
            new Column<>("referral.service", (f, r) -> f.name("service.", r.service())),
            new Column<>("referral.from", (f, r) -> f.organisation(r.fromOrganisationCode())),
            new Column<>("referral.provider", (f, r) -> f.organisation(r.toOrganisationCode())),
            new Column<>("referral.status", (f, r) -> f.name("referralStatus.", r.status())),
            new Column<>("referral.createdAt", (f, r) -> ListFiles.moment(r.createdAt())),
            new Column<>("referral.sentAt", (f, r) -> ListFiles.moment(r.sentAt())),
            new Column<>("referral.answerDueOn", (f, r) -> ListFiles.day(r.answerDueOn())),
            new Column<>("referral.declineReason", (f, r) -> f.name("declineReason.", r.declineReason())),
            new Column<>("referral.hours", (f, r) -> r.totalHours().toPlainString()));
}
