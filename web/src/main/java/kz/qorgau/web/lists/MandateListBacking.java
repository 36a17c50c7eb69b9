package kz.qorgau.web.lists;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.mandate.CourseOutcome;
import kz.qorgau.mandate.MandateListFilter;
import kz.qorgau.mandate.MandateListRow;
import kz.qorgau.mandate.MandateListService;
import kz.qorgau.mandate.MandateMeasure;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.DateRange;
import kz.qorgau.shared.ListPage;
import kz.qorgau.web.security.CurrentUser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The list of court decisions with its filter bar: measure imposed, course outcome, decided from–to. */
@Named
@ViewScoped
public class MandateListBacking extends ListBacking<MandateListRow, MandateListFilter> {

    @Inject
    MandateListService mandates;

    @Inject
    ListExports exports;

    @Override
    protected ListExports exports() {
        return exports;
    }

    @Inject
    CurrentUser user;

    private List<String> measures = new ArrayList<>();
    private List<String> outcomes = new ArrayList<>();
    private LocalDate decidedFrom;
    private LocalDate decidedTo;

    @PostConstruct
    void init() {
        start();
    }

    @Override
    protected MandateListFilter filterFromBar() {
        return new MandateListFilter(codes(measures, MandateMeasure.class), codes(outcomes, CourseOutcome.class),
                new DateRange(decidedFrom, decidedTo));
    }

    @Override
    protected void clearBar() {
        measures = new ArrayList<>();
        outcomes = new ArrayList<>();
        decidedFrom = null;
        decidedTo = null;
    }

    @Override
    protected MandateListFilter noFilter() {
        return MandateListFilter.NONE;
    }

    @Override
    protected CurrentUser user() {
        return user;
    }

    @Override
    protected List<MandateListRow> page(Caller caller, MandateListFilter filter, ListPage page) {
        return mandates.page(caller, filter, page);
    }

    @Override
    protected long count(Caller caller, MandateListFilter filter) {
        return mandates.count(caller, filter);
    }

    @Override
    protected long export(Caller caller, MandateListFilter filter, String format, Consumer<MandateListRow> sink) {
        return mandates.export(caller, filter, format, sink);
    }

    @Override
    protected List<ListFiles.Column<MandateListRow>> columns() {
        return ListColumns.MANDATES;
    }

    @Override
    protected String fileName() {
        return "court-decisions";
    }

    @Override
    protected String sheetKey() {
        return "nav.mandates";
    }

    @Override
    public String key(MandateListRow row) {
        return String.valueOf(row.id());
    }

    public MandateMeasure[] getMeasureValues() {
        return MandateMeasure.values();
    }

    public CourseOutcome[] getOutcomeValues() {
        return CourseOutcome.values();
    }

    public List<String> getMeasures() {
        return measures;
    }

    public void setMeasures(List<String> measures) {
        this.measures = measures;
    }

    public List<String> getOutcomes() {
        return outcomes;
    }

    public void setOutcomes(List<String> outcomes) {
        this.outcomes = outcomes;
    }

    public LocalDate getDecidedFrom() {
        return decidedFrom;
    }

    public void setDecidedFrom(LocalDate decidedFrom) {
        this.decidedFrom = decidedFrom;
    }

    public LocalDate getDecidedTo() {
        return decidedTo;
    }

    public void setDecidedTo(LocalDate decidedTo) {
        this.decidedTo = decidedTo;
    }
}
