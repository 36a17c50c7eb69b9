package kz.qorgau.web.lists;

import jakarta.annotation.PreDestroy;
import jakarta.faces.context.FacesContext;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Clocks;
import kz.qorgau.shared.QorgauException;
import kz.qorgau.web.faces.Messages;
import kz.qorgau.web.faces.Numbers;
import kz.qorgau.web.security.CurrentUser;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.StreamedContent;

import java.io.Serializable;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What every list page with a filter bar does: shows the list filtered as the bar was last applied, paged by the
 * database, and exports exactly that list, every page, as CSV or XLSX streamed from a database cursor. The page's own
 * bean says how its filter is read from the bar and which service calls list, count and export; the service applies
 * the caller's partition and audits.
 */
public abstract class ListBacking<R, F> implements ListModel.Source<R>, Serializable {

    private F filter;
    private ListModel<R> model;
    private long lastCount;
    private final PageExport export = new PageExport();

    /** The filter bar as a filter of the domain; a refusal (a period ending before it starts) is told on the page. */
    protected abstract F filterFromBar();

    /** Empties the bar. */
    protected abstract void clearBar();

    protected abstract F noFilter();

    protected abstract CurrentUser user();

    protected abstract List<R> page(Caller caller, F filter, kz.qorgau.shared.ListPage page);

    protected abstract long count(Caller caller, F filter);

    protected abstract long export(Caller caller, F filter, String format, Consumer<R> sink);

    protected abstract List<ListFiles.Column<R>> columns();

    /** The file's name before the date, and the sheet's name (a message key). */
    protected abstract String fileName();

    protected abstract String sheetKey();

    protected void start() {
        filter = noFilter();
        model = new ListModel<>(this);
    }

    public void apply() {
        try {
            filter = filterFromBar();
        } catch (RuntimeException refused) {
            Messages.refused(QorgauException.behind(refused).orElseThrow(() -> refused));
            return;
        }
        firstPage();
    }

    public void clear() {
        clearBar();
        filter = noFilter();
        firstPage();
    }

    public boolean isFiltered() {
        return !filter.equals(noFilter());
    }

    /**
     * Starts writing the list as it is filtered now, every page of it, as CSV or XLSX, in the background; the page
     * polls its progress and then offers the file. Audited as an export by the service, once.
     */
    public void startExport(String format) {
        ListFiles.Format f = ListFiles.Format.valueOf(format);
        F now = filter;
        Caller caller = user().caller();
        exports().start(export, new ListFiles(FacesContext.getCurrentInstance()), f,
                fileName() + "-" + LocalDate.now(Clocks.KAZAKHSTAN) + f.extension, sheetKey(), columns(), lastCount, true,
                sink -> export(caller, now, f.name(), sink));
    }

    /** The export this page started, or none. */
    public ListExport getExport() {
        return export.current();
    }

    /** The format of an export lost with the node that made it, or null. */
    public String getExportLost() {
        return export.lostFormat();
    }

    public StreamedContent getDownload() {
        return export.download();
    }

    @PreDestroy
    void discardExport() {
        export.discard();
    }

    protected abstract ListExports exports();

    @Override
    public long count() {
        lastCount = count(user().caller(), filter);
        return lastCount;
    }

    @Override
    public List<R> page(kz.qorgau.shared.ListPage page) {
        return page(user().caller(), filter, page);
    }

    public ListModel<R> getModel() {
        return model;
    }

    /** The count under the list. */
    public String getTotal() {
        FacesContext faces = FacesContext.getCurrentInstance();
        var locale = faces.getViewRoot().getLocale();
        String pattern = faces.getApplication().getResourceBundle(faces, "msg").getString("case.list.total.exact");
        return new MessageFormat(pattern, locale).format(new Object[]{Numbers.format(lastCount, locale, 0)});
    }

    private static void firstPage() {
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent("list:table") instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    /** The choices ticked in a checkbox group; values the page did not offer (a tampered request) are ignored. */
    protected static <E extends Enum<E>> Set<E> codes(List<String> values, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        for (String value : values == null ? List.<String>of() : values) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    set.add(constant);
                }
            }
        }
        return set;
    }
}
