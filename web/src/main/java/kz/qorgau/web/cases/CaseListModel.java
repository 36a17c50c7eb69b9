package kz.qorgau.web.cases;

import kz.qorgau.casefile.CaseFileService;
import kz.qorgau.casefile.CaseListCount;
import kz.qorgau.casefile.CaseListFilter;
import kz.qorgau.casefile.CaseListQuery;
import kz.qorgau.casefile.CaseSummary;
import kz.qorgau.web.security.CurrentUser;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.util.List;
import java.util.Map;

/**
 * A case list paged, sorted and filtered by the database; the service applies the caller's partition on every load.
 * The count is the service's: exact for short lists, the planner's estimate for long ones.
 */
public class CaseListModel extends LazyDataModel<CaseSummary> {

    private static final Map<String, CaseListQuery.SortBy> SORTABLE = Map.of(
            "number", CaseListQuery.SortBy.NUMBER,
            "victim", CaseListQuery.SortBy.VICTIM,
            "regionCode", CaseListQuery.SortBy.REGION,
            "status", CaseListQuery.SortBy.STATUS,
            "openedAt", CaseListQuery.SortBy.OPENED_AT);

    private final CaseFileService cases;
    private final CurrentUser user;
    private CaseListFilter filter;
    private CaseListCount lastCount = CaseListCount.ZERO;

    public CaseListModel(CaseFileService cases, CurrentUser user, CaseListFilter filter) {
        this.cases = cases;
        this.user = user;
        this.filter = filter;
    }

    /** The filter the list shows now, for an export of exactly these cases. */
    CaseListFilter filter() {
        return filter;
    }

    void filterBy(CaseListFilter filter) {
        this.filter = filter;
    }

    /** The count of the page last shown. */
    CaseListCount lastCount() {
        return lastCount;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        lastCount = cases.count(user.caller(), filter);
        return Math.toIntExact(Math.min(Integer.MAX_VALUE, lastCount.value()));
    }

    @Override
    public List<CaseSummary> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        CaseListQuery query = sortBy.values().stream()
                .filter(s -> s.getOrder() != SortOrder.UNSORTED && SORTABLE.containsKey(s.getField()))
                .findFirst()
                .map(s -> new CaseListQuery(first, pageSize, SORTABLE.get(s.getField()), s.getOrder() == SortOrder.ASCENDING))
                .orElseGet(() -> new CaseListQuery(first, pageSize, CaseListQuery.SortBy.LAST_ACTIVITY, false));
        return cases.list(user.caller(), query, filter);
    }

    @Override
    public String getRowKey(CaseSummary summary) {
        return summary.number();
    }
}
