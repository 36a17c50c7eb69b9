package kz.qorgau.web.lists;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.referral.ReferralListFilter;
import kz.qorgau.referral.ReferralListRow;
import kz.qorgau.referral.ReferralListService;
import kz.qorgau.referral.ReferralStatus;
import kz.qorgau.referral.SpecialSocialService;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.DateRange;
import kz.qorgau.shared.ListPage;
import kz.qorgau.web.security.CurrentUser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The list of referrals with its filter bar: status, service, sent from–to. */
@Named
@ViewScoped
public class ReferralListBacking extends ListBacking<ReferralListRow, ReferralListFilter> {

    @Inject
    ReferralListService referrals;

    @Inject
    ListExports exports;

    @Override
    protected ListExports exports() {
        return exports;
    }

    @Inject
    CurrentUser user;

    private List<String> statuses = new ArrayList<>();
    private List<String> services = new ArrayList<>();
    private LocalDate sentFrom;
    private LocalDate sentTo;

    @PostConstruct
    void init() {
        start();
    }

    @Override
    protected ReferralListFilter filterFromBar() {
        return new ReferralListFilter(codes(statuses, ReferralStatus.class), codes(services, SpecialSocialService.class),
                new DateRange(sentFrom, sentTo));
    }

    @Override
    protected void clearBar() {
        statuses = new ArrayList<>();
        services = new ArrayList<>();
        sentFrom = null;
        sentTo = null;
    }

    @Override
    protected ReferralListFilter noFilter() {
        return ReferralListFilter.NONE;
    }

    @Override
    protected CurrentUser user() {
        return user;
    }

    @Override
    protected List<ReferralListRow> page(Caller caller, ReferralListFilter filter, ListPage page) {
        return referrals.page(caller, filter, page);
    }

    @Override
    protected long count(Caller caller, ReferralListFilter filter) {
        return referrals.count(caller, filter);
    }

    @Override
    protected long export(Caller caller, ReferralListFilter filter, String format, Consumer<ReferralListRow> sink) {
        return referrals.export(caller, filter, format, sink);
    }

    @Override
    protected List<ListFiles.Column<ReferralListRow>> columns() {
        return ListColumns.REFERRALS;
    }

    @Override
    protected String fileName() {
        return "referrals";
    }

    @Override
    protected String sheetKey() {
        return "nav.referrals";
    }

    @Override
    public String key(ReferralListRow row) {
        return String.valueOf(row.id());
    }

    public ReferralStatus[] getStatusValues() {
        return ReferralStatus.values();
    }

    public SpecialSocialService[] getServiceValues() {
        return SpecialSocialService.values();
    }

    public List<String> getStatuses() {
        return statuses;
    }

    public void setStatuses(List<String> statuses) {
        this.statuses = statuses;
    }

    public List<String> getServices() {
        return services;
    }

    public void setServices(List<String> services) {
        this.services = services;
    }

    public LocalDate getSentFrom() {
        return sentFrom;
    }

    public void setSentFrom(LocalDate sentFrom) {
        this.sentFrom = sentFrom;
    }

    public LocalDate getSentTo() {
        return sentTo;
    }

    public void setSentTo(LocalDate sentTo) {
        this.sentTo = sentTo;
    }
}
