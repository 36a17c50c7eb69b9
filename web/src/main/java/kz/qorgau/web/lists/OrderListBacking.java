package kz.qorgau.web.lists;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.protection.OrderListFilter;
import kz.qorgau.protection.OrderListRow;
import kz.qorgau.protection.OrderListService;
import kz.qorgau.protection.OrderStatus;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.DateRange;
import kz.qorgau.shared.ListPage;
import kz.qorgau.web.security.CurrentUser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The list of protective orders with its filter bar: status today, issued from–to. */
@Named
@ViewScoped
public class OrderListBacking extends ListBacking<OrderListRow, OrderListFilter> {

    @Inject
    OrderListService orders;

    @Inject
    ListExports exports;

    @Override
    protected ListExports exports() {
        return exports;
    }

    @Inject
    CurrentUser user;

    private List<String> statuses = new ArrayList<>();
    private LocalDate issuedFrom;
    private LocalDate issuedTo;

    @PostConstruct
    void init() {
        start();
    }

    @Override
    protected OrderListFilter filterFromBar() {
        return new OrderListFilter(codes(statuses, OrderStatus.class), new DateRange(issuedFrom, issuedTo));
    }

    @Override
    protected void clearBar() {
        statuses = new ArrayList<>();
        issuedFrom = null;
        issuedTo = null;
    }

    @Override
    protected OrderListFilter noFilter() {
        return OrderListFilter.NONE;
    }

    @Override
    protected CurrentUser user() {
        return user;
    }

    @Override
    protected List<OrderListRow> page(Caller caller, OrderListFilter filter, ListPage page) {
        return orders.page(caller, filter, page);
    }

    @Override
    protected long count(Caller caller, OrderListFilter filter) {
        return orders.count(caller, filter);
    }

    @Override
    protected long export(Caller caller, OrderListFilter filter, String format, Consumer<OrderListRow> sink) {
        return orders.export(caller, filter, format, sink);
    }

    @Override
    protected List<ListFiles.Column<OrderListRow>> columns() {
        return ListColumns.ORDERS;
    }

    @Override
    protected String fileName() {
        return "protective-orders";
    }

    @Override
    protected String sheetKey() {
        return "nav.orders";
    }

    @Override
    public String key(OrderListRow row) {
        return String.valueOf(row.id());
    }

    public OrderStatus[] getStatusValues() {
        return OrderStatus.values();
    }

    public List<String> getStatuses() {
        return statuses;
    }

    public void setStatuses(List<String> statuses) {
        this.statuses = statuses;
    }

    public LocalDate getIssuedFrom() {
        return issuedFrom;
    }

    public void setIssuedFrom(LocalDate issuedFrom) {
        this.issuedFrom = issuedFrom;
    }

    public LocalDate getIssuedTo() {
        return issuedTo;
    }

    public void setIssuedTo(LocalDate issuedTo) {
        this.issuedTo = issuedTo;
    }
}
