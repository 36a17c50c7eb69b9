package kz.qorgau.web.statistics;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.reference.ReferenceData;
import kz.qorgau.shared.QorgauException;
import kz.qorgau.statistics.Area;
import kz.qorgau.statistics.Caseload;
import kz.qorgau.statistics.Dimension;
import kz.qorgau.statistics.Figure;
import kz.qorgau.statistics.Period;
import kz.qorgau.statistics.Report;
import kz.qorgau.statistics.ReportRequest;
import kz.qorgau.statistics.StatisticsService;
import kz.qorgau.web.faces.Messages;
import kz.qorgau.web.security.CurrentUser;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statistics page: the reader chooses figure, period, area and breakdowns among what her roles allow (the
 * service decides; this bean only offers its answers), sees the table with totals, a chart and the notes, and takes
 * the report away as XLSX, CSV or PDF.
 */
@Named
@ViewScoped
public class StatisticsBacking implements Serializable {

    @Inject
    StatisticsService statistics;

    @Inject
    CurrentUser user;

    @Inject
    ReferenceData reference;

    private List<Figure> figures = List.of();
    private Figure figure;
    private Period.Kind periodKind = Period.Kind.YEAR_TO_DATE;
    private int year;
    private int number;
    private int quarter = 1;
    private int years = 2;
    private String area;
    private Dimension row1;
    private Dimension row2;
    private Dimension row3;
    private Dimension column;
    private boolean publication;

    private transient ReportTexts texts;
    private transient List<Area> areas;
    private transient List<Caseload> caseload;

    private Report report;
    /** Laid out from the report again when missing: a line's values (Optional) do not serialise with the view. */
    private transient ReportTable table;
    private String chart;

    @PostConstruct
    void init() {
        figures = new ArrayList<>(statistics.access(user.caller()).figures());
        if (figures.isEmpty()) {
            return;
        }
        figure = figures.get(0);
        Period start = statistics.currentYearToDate(user.caller());
        year = start.year();
        number = start.number();
        List<Area> areas = statistics.areas(user.caller(), figure);
        area = areas.get(0).key();
        Area first = areas.get(0);
        row1 = switch (first.level()) {
            case NATIONAL -> Dimension.REGION;
            case REGION -> Dimension.ORGANISATION;
            case ORGANISATION -> null;
        };
        compute();
    }

    public void compute() {
        try {
            report = statistics.report(user.caller(), request());
            ReportTexts texts = texts();
            table = ReportTable.of(report, texts);
            chart = ReportChart.json(report, texts);
        } catch (QorgauException refused) {
            report = null;
            table = null;
            chart = null;
            Messages.refused(refused);
        }
    }

    public StreamedContent download(String format) {
        ReportFiles.Format f = ReportFiles.Format.valueOf(format);
        try {
            Report exported = statistics.export(user.caller(), request(), f.name());
            ReportTexts texts = texts();
            String by = user.getUsername();
            return DefaultStreamedContent.builder()
                    .name(ReportFiles.fileName(exported, f))
                    .contentType(f.contentType)
                    .writer(out -> ReportFiles.write(exported, texts, by, f, out))
                    .build();
        } catch (QorgauException refused) {
            Messages.refused(refused);
            return null;
        }
    }

    private ReportRequest request() {
        Period period = switch (periodKind) {
            case YEAR -> Period.year(year);
            case QUARTER -> Period.quarter(year, quarter);
            case MONTH -> Period.month(year, number);
            case YEAR_TO_DATE -> ytd();
        };
        List<Dimension> rows = new ArrayList<>();
        for (Dimension d : new Dimension[]{row1, row2, row3}) {
            if (d != null) {
                rows.add(d);
            }
        }
        return new ReportRequest(figure, period, years, parseArea(area), rows, Optional.ofNullable(years > 1 ? null : column),
                publication);
    }

    /** The year to date of the chosen year, through the same month and day as the reader's current one. */
    private Period ytd() {
        Period current = statistics.currentYearToDate(user.caller(), publication);
        return current.yearsBefore(current.year() - year);
    }

    static Area parseArea(String key) {
        if (key == null || key.equals(Area.NATIONAL.key())) {
            return Area.NATIONAL;
        }
        if (key.startsWith("R:")) {
            return Area.region(key.substring(2));
        }
        if (key.startsWith("O:")) {
            return Area.organisation(key.substring(2));
        }
        return Area.NATIONAL;
    }

    /** The report's words in the page's language, with the reference data they name: read once, not per label. */
    private ReportTexts texts() {
        java.util.Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        if (texts == null || !texts.locale().equals(locale)) {
            texts = new ReportTexts(locale, reference);
        }
        return texts;
    }

    public List<Figure> getFigures() {
        return figures;
    }

    /** Every area the caller may choose for some figure; the service says when one does not suit the figure chosen. */
    public List<Area> getAreas() {
        if (areas == null) {
            java.util.Set<Area> all = new java.util.LinkedHashSet<>();
            figures.forEach(f -> all.addAll(statistics.areas(user.caller(), f)));
            areas = new ArrayList<>(all);
        }
        return areas;
    }

    public String areaLabel(Area a) {
        return texts().area(a);
    }

    /** Every breakdown; one that does not apply to the figure chosen is refused with a message saying so. */
    public Dimension[] getDimensions() {
        return Dimension.values();
    }

    public Period.Kind[] getPeriodKinds() {
        return Period.Kind.values();
    }

    public List<Integer> getYearChoices() {
        int current = statistics.currentYearToDate(user.caller()).year();
        List<Integer> choices = new ArrayList<>();
        for (int y = current; y >= current - 14 && y >= Period.FIRST_YEAR; y--) {
            choices.add(y);
        }
        return choices;
    }

    public String monthName(int month) {
        return texts().text("statistics.month." + month);
    }

    /** Read once for the view (and audited once), not on every evaluation of the table. */
    public List<Caseload> getCaseload() {
        if (caseload == null) {
            caseload = isCaseloadShown() ? statistics.caseload(user.caller()) : List.of();
        }
        return caseload;
    }

    /** Every figure she sees is protected anyway (an analyst's): no choice of "for publication" to offer. */
    public boolean isProtectedOnly() {
        return statistics.access(user.caller()).protectedOnly();
    }

    public boolean isCaseloadShown() {
        return statistics.access(user.caller()).caseload();
    }

    public List<String> getNotes() {
        return report == null ? List.of() : texts().notes(report);
    }

    public String getTitle() {
        return report == null ? "" : texts().figure(report.request().figure()) + " — " + texts().periods(report)
                + " — " + texts().area(report.request().area());
    }

    public String getAsOf() {
        return report == null ? "" : texts().asOf(report);
    }

    /** Empty unless the figures were read from a standby more than a minute behind. */
    public String getBehind() {
        return report == null ? "" : texts().behind(report).orElse("");
    }

    /** The table's lines and, last, its totals. */
    public List<ReportTable.Line> getTableRows() {
        ReportTable table = getTable();
        if (table == null) {
            return List.of();
        }
        List<ReportTable.Line> rows = new ArrayList<>(table.lines());
        rows.add(table.total());
        return rows;
    }

    /** Tall enough for one bar per row when the bars lie. */
    public int getChartHeight() {
        ReportTable table = getTable();
        int lines = table == null ? 0 : table.lines().size();
        return lines > 8 ? Math.min(1600, 40 + lines * 22) : 320;
    }

    public Report getReport() {
        return report;
    }

    public ReportTable getTable() {
        if (table == null && report != null) {
            table = ReportTable.of(report, texts());
        }
        return table;
    }

    public String getChart() {
        return chart;
    }

    public Figure getFigure() {
        return figure;
    }

    public void setFigure(Figure figure) {
        this.figure = figure;
    }

    public Period.Kind getPeriodKind() {
        return periodKind;
    }

    public void setPeriodKind(Period.Kind periodKind) {
        this.periodKind = periodKind;
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public int getNumber() {
        return number;
    }

    public void setNumber(int number) {
        this.number = number;
    }

    public int getQuarter() {
        return quarter;
    }

    public void setQuarter(int quarter) {
        this.quarter = quarter;
    }

    public int getYears() {
        return years;
    }

    public void setYears(int years) {
        this.years = years;
    }

    public String getArea() {
        return area;
    }

    public void setArea(String area) {
        this.area = area;
    }

    public Dimension getRow1() {
        return row1;
    }

    public void setRow1(Dimension row1) {
        this.row1 = row1;
    }

    public Dimension getRow2() {
        return row2;
    }

    public void setRow2(Dimension row2) {
        this.row2 = row2;
    }

    public Dimension getRow3() {
        return row3;
    }

    public void setRow3(Dimension row3) {
        this.row3 = row3;
    }

    public Dimension getColumn() {
        return column;
    }

    public void setColumn(Dimension column) {
        this.column = column;
    }

    public boolean isPublication() {
        return publication;
    }

    public void setPublication(boolean publication) {
        this.publication = publication;
    }
}
