package kz.qorgau.web.cases;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.casefile.CaseFileService;
import kz.qorgau.casefile.CaseKind;
import kz.qorgau.casefile.CaseListCount;
import kz.qorgau.casefile.CaseListFilter;
import kz.qorgau.casefile.CaseListPreferences;
import kz.qorgau.casefile.CaseStatus;
import kz.qorgau.casefile.RiskLevel;
import kz.qorgau.shared.Permission;
import kz.qorgau.staff.StaffDirectory;
import kz.qorgau.web.faces.Numbers;
import kz.qorgau.web.security.CurrentUser;
import org.primefaces.component.datatable.DataTable;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The case list with its filter bar. The filter is the user's own: read from her preferences when the page opens,
 * kept again each time she applies it, so that it is there at her next sign-in.
 */
@Named
@ViewScoped
public class CaseListBacking implements Serializable {

    private static final String ANYONE = "any";
    private static final String NOBODY = "nobody";
    private static final String USER = "user:";

    @Inject
    CaseFileService cases;

    @Inject
    CaseListPreferences preferences;

    @Inject
    StaffDirectory staff;

    @Inject
    CurrentUser user;

    @Inject
    kz.qorgau.web.lists.ListExports exports;

    private final kz.qorgau.web.lists.PageExport export = new kz.qorgau.web.lists.PageExport();

    private CaseListModel model;
    private List<String> statuses = new ArrayList<>();
    private List<String> kinds = new ArrayList<>();
    private List<String> risks = new ArrayList<>();
    private String assignee = ANYONE;
    private boolean withDeadline;
    private List<SelectItem> assignees;

    @PostConstruct
    void init() {
        CaseListFilter remembered = preferences.of(user.caller());
        show(remembered);
        model = new CaseListModel(cases, user, remembered);
    }

    /** Applies the filter bar to the list, from its first page, and keeps it as the user's filter. */
    public void apply() {
        CaseListFilter filter = filter();
        preferences.remember(user.caller(), filter);
        model.filterBy(filter);
        firstPage();
    }

    /**
     * Starts writing the list as it is filtered now, every page of it, as CSV or XLSX, in the background (see
     * {@link kz.qorgau.web.lists.ListExport}): streamed from the database into a file only the server reads, with the
     * columns the list shows (and the assigned worker and risk), never an address; audited as an export, once.
     */
    public void startExport(String format) {
        kz.qorgau.web.lists.ListFiles.Format f = kz.qorgau.web.lists.ListFiles.Format.valueOf(format);
        CaseListFilter filter = model.filter();
        kz.qorgau.shared.Caller caller = user.caller();
        CaseListCount size = model.lastCount();
        exports.start(export, new kz.qorgau.web.lists.ListFiles(FacesContext.getCurrentInstance()), f,
                "cases-" + java.time.LocalDate.now(kz.qorgau.shared.Clocks.KAZAKHSTAN) + f.extension, "nav.cases",
                CaseListFiles.COLUMNS, size == null ? 0 : size.value(), size != null && size.exact(),
                sink -> cases.export(caller, filter, f.name(), sink));
    }

    /** The export this page started, or none. */
    public kz.qorgau.web.lists.ListExport getExport() {
        return export.current();
    }

    /** The format of an export lost with the node that made it, or null. */
    public String getExportLost() {
        return export.lostFormat();
    }

    public org.primefaces.model.StreamedContent getDownload() {
        return export.download();
    }

    @jakarta.annotation.PreDestroy
    void discardExport() {
        export.discard();
    }

    /** The whole list again, and no filter remembered. */
    public void clear() {
        show(CaseListFilter.NONE);
        apply();
    }

    private void firstPage() {
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent("cases:table") instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    private void show(CaseListFilter filter) {
        statuses = new ArrayList<>(filter.statuses().stream().map(Enum::name).sorted().toList());
        kinds = new ArrayList<>(filter.kinds().stream().map(Enum::name).sorted().toList());
        risks = new ArrayList<>(filter.risks().stream().map(Enum::name).sorted().toList());
        assignee = switch (filter.assignment()) {
            case ANY -> ANYONE;
            case NOBODY -> NOBODY;
            case WORKER -> USER + filter.assignee();
        };
        withDeadline = filter.withDeadline();
    }

    private CaseListFilter filter() {
        CaseListFilter filter = CaseListFilter.NONE
                .withStatuses(codes(statuses, CaseStatus.class))
                .withKinds(codes(kinds, CaseKind.class))
                .withRisks(codes(risks, RiskLevel.class))
                .withDeadline(withDeadline);
        if (NOBODY.equals(assignee)) {
            return filter.withAssignee(CaseListFilter.Assignment.NOBODY, null);
        }
        if (assignee != null && assignee.startsWith(USER) && assignee.length() > USER.length()) {
            return filter.withAssignee(CaseListFilter.Assignment.WORKER, assignee.substring(USER.length()));
        }
        return filter;
    }

    /** Values the page did not offer (a tampered request) are ignored, as no filter at all. */
    private static <E extends Enum<E>> Set<E> codes(List<String> values, Class<E> type) {
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

    /** Anyone, nobody, herself, and for a supervisor who assigns cases the social workers of her region. */
    public List<SelectItem> getAssignees() {
        if (assignees == null) {
            ResourceBundle msg = bundle();
            List<SelectItem> items = new ArrayList<>();
            items.add(new SelectItem(ANYONE, msg.getString("case.list.filter.assignee.any")));
            items.add(new SelectItem(NOBODY, msg.getString("case.list.filter.assignee.nobody")));
            String me = user.caller().username();
            items.add(new SelectItem(USER + me, msg.getString("case.list.filter.assignee.me")));
            if (user.caller().may(Permission.CASE_ASSIGN)) {
                staff.socialWorkersOfMyRegion(user.caller()).stream().filter(w -> !w.username().equals(me))
                        .forEach(w -> items.add(new SelectItem(USER + w.username(),
                                w.displayName() + w.organisationCode().map(o -> " (" + o + ")").orElse(""))));
            }
            // a remembered colleague who has not signed in lately is still shown, by user name
            if (items.stream().noneMatch(i -> i.getValue().equals(assignee))) {
                items.add(new SelectItem(assignee, assignee.substring(USER.length())));
            }
            assignees = items;
        }
        return assignees;
    }

    /** The count under the list: exact, or "about N" rounded to what an estimate can tell. */
    public String getTotal() {
        CaseListCount count = model.lastCount();
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        ResourceBundle msg = bundle();
        if (count.exact()) {
            return new MessageFormat(msg.getString("case.list.total.exact"), locale).format(new Object[] {Numbers.format(count.value(), locale, 0)});
        }
        return new MessageFormat(msg.getString("case.list.total.about"), locale).format(new Object[] {Numbers.format(rounded(count.value()), locale, 0)});
    }

    static long rounded(long estimate) {
        long unit = 1;
        while (estimate / unit >= 100) {
            unit *= 10;
        }
        return Math.round((double) estimate / unit) * unit;
    }

    public boolean isFiltered() {
        return !filter().isEmpty();
    }

    private static ResourceBundle bundle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg");
    }

    public CaseListModel getModel() {
        return model;
    }

    public List<String> getStatuses() {
        return statuses;
    }

    public void setStatuses(List<String> statuses) {
        this.statuses = statuses;
    }

    public List<String> getKinds() {
        return kinds;
    }

    public void setKinds(List<String> kinds) {
        this.kinds = kinds;
    }

    public List<String> getRisks() {
        return risks;
    }

    public void setRisks(List<String> risks) {
        this.risks = risks;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
        this.assignees = null;
    }

    public boolean isWithDeadline() {
        return withDeadline;
    }

    public void setWithDeadline(boolean withDeadline) {
        this.withDeadline = withDeadline;
    }

    public CaseStatus[] getStatusValues() {
        return CaseStatus.values();
    }

    public CaseKind[] getKindValues() {
        return CaseKind.values();
    }

    public RiskLevel[] getRiskValues() {
        return RiskLevel.values();
    }
}
