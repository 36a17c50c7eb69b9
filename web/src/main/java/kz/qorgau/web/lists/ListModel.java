package kz.qorgau.web.lists;

import kz.qorgau.shared.ListPage;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.util.List;
import java.util.Map;

/** A list paged by the database: the page's bean asks its service for the count and each page, with its filter. */
public class ListModel<R> extends LazyDataModel<R> {

    /** Where the rows come from: a service call with the caller and the filter shown now. */
    public interface Source<R> extends java.io.Serializable {
        long count();

        List<R> page(ListPage page);

        String key(R row);
    }

    private final Source<R> source;

    public ListModel(Source<R> source) {
        this.source = source;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return Math.toIntExact(Math.min(Integer.MAX_VALUE, source.count()));
    }

    @Override
    public List<R> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return source.page(new ListPage(first, Math.min(pageSize, ListPage.MAX_SIZE)));
    }

    @Override
    public String getRowKey(R row) {
        return source.key(row);
    }
}
