package kz.qorgau.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import kz.qorgau.reference.ReferenceData;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.statistics.Area;
import kz.qorgau.statistics.Dimension;
import kz.qorgau.statistics.Disclosure;
import kz.qorgau.statistics.Figure;
import kz.qorgau.statistics.Period;
import kz.qorgau.statistics.Report;
import kz.qorgau.statistics.ReportRequest;
import kz.qorgau.statistics.StatisticsService;
import kz.qorgau.web.statistics.ReportTexts;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reports for ministry dashboards and other systems: the figures of the statistics page, under the same rules —
 * who may see what, where, and small cells suppressed for analysts and for publication. A suppressed cell has no
 * value in the answer at all, only its mark.
 */
@Path("statistics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsApi {

    @Inject
    ApiCaller caller;

    @Inject
    StatisticsService statistics;

    @Inject
    ReferenceData reference;

    @Context
    HttpHeaders headers;

    /** A figure the caller may read, with its breakdowns and the areas she may choose. */
    public record FigureInfo(Figure figure, String title, String definition, Figure.Unit unit, List<Dimension> dimensions,
                             List<String> areas) {
    }

    public record Value(BigDecimal value, String display, Disclosure disclosure) {
    }

    public record Line(List<String> key, String label, List<Value> cells, Value total) {
    }

    public record Column(String key, String label) {
    }

    public record ReportBody(Figure figure, String title, String definition, Figure.Unit unit, String period,
                             List<String> periods, String area, String areaName, List<Dimension> rows, Dimension column,
                             List<Column> columns, List<Line> lines, List<Value> columnTotals, Value total,
                             List<String> changes, boolean suppressed, Instant asOf, Instant currentTo, String freshness,
                             List<String> notes) {
    }

    @GET
    @Operation(summary = "The figures the caller may read, with their breakdowns and areas")
    public List<FigureInfo> figures() {
        ReportTexts texts = texts();
        List<FigureInfo> list = new ArrayList<>();
        for (Figure f : statistics.access(caller.get()).figures()) {
            list.add(new FigureInfo(f, texts.figure(f), texts.definition(f), f.unit(), List.copyOf(f.dimensions()),
                    statistics.areas(caller.get(), f).stream().map(Area::key).toList()));
        }
        return list;
    }

    @GET
    @Path("{figure}")
    @Operation(summary = "One report: a figure over a calendar period, in an area, broken down by rows and a column")
    public ReportBody report(@PathParam("figure") String figure,
                             @Parameter(description = "YEAR, QUARTER, MONTH or YEAR_TO_DATE") @QueryParam("period") @DefaultValue("YEAR") String period,
                             @QueryParam("year") Integer year,
                             @Parameter(description = "quarter 1-4 or month 1-12") @QueryParam("number") @DefaultValue("0") int number,
                             @Parameter(description = "years side by side ending with the period, 1-10") @QueryParam("years") @DefaultValue("1") int years,
                             @QueryParam("region") String region,
                             @QueryParam("organisation") String organisation,
                             @Parameter(description = "up to three dimensions, comma-separated") @QueryParam("rows") String rows,
                             @QueryParam("columns") String column,
                             @QueryParam("publication") @DefaultValue("false") boolean publication) {
        Figure f = parse(Figure.class, figure, "statistics.figure.unknown");
        Period p = period(period, year, number, publication);
        Area area = region != null && organisation != null ? invalidArea()
                : region != null ? Area.region(region) : organisation != null ? Area.organisation(organisation) : defaultArea(f);
        List<Dimension> rowDims = rows == null || rows.isBlank() ? List.of()
                : Arrays.stream(rows.split(",")).map(s -> parse(Dimension.class, s.strip(), "statistics.dimension.unknown")).toList();
        Optional<Dimension> col = column == null || column.isBlank() ? Optional.empty()
                : Optional.of(parse(Dimension.class, column.strip(), "statistics.dimension.unknown"));
        Report report = statistics.report(caller.get(), new ReportRequest(f, p, years, area, rowDims, col, publication));
        return body(report, texts());
    }

    private Period period(String kind, Integer year, int number, boolean publication) {
        Period.Kind k = parse(Period.Kind.class, kind, "statistics.period.invalid");
        Period current = statistics.currentYearToDate(caller.get(), publication);
        int y = year == null ? current.year() : year;
        return switch (k) {
            case YEAR -> Period.year(y);
            case QUARTER -> Period.quarter(y, number);
            case MONTH -> Period.month(y, number);
            // the caller's own year to date, moved to the year asked for
            case YEAR_TO_DATE -> {
                if (y < Period.FIRST_YEAR || y > current.year()) {
                    throw new InvalidInputException("statistics.period.invalid");
                }
                yield current.yearsBefore(current.year() - y);
            }
        };
    }

    private Area defaultArea(Figure f) {
        List<Area> areas = statistics.areas(caller.get(), f);
        return areas.isEmpty() ? Area.NATIONAL : areas.get(0);
    }

    private static Area invalidArea() {
        throw new InvalidInputException("statistics.area.invalid");
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String refusal) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(refusal);
        }
    }

    private ReportTexts texts() {
        Locale locale = ApiErrors.Problem.language(headers == null ? List.of() : headers.getAcceptableLanguages());
        return new ReportTexts(locale, reference);
    }

    static ReportBody body(Report report, ReportTexts texts) {
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < report.columns().size(); j++) {
            columns.add(new Column(report.columns().get(j), texts.column(report, j)));
        }
        List<Line> lines = new ArrayList<>();
        if (!report.request().rows().isEmpty()) {
            for (int i = 0; i < report.rows().size(); i++) {
                List<Value> cells = new ArrayList<>();
                for (int j = 0; j < report.columns().size(); j++) {
                    cells.add(value(report.cells()[i][j]));
                }
                lines.add(new Line(report.rows().get(i), texts.row(report, i), cells,
                        report.rowTotals() == null ? null : value(report.rowTotals()[i])));
            }
        }
        List<Value> totals = Arrays.stream(report.columnTotals()).map(StatisticsApi::value).toList();
        List<String> changes = new ArrayList<>();
        for (int j = 0; j < report.columns().size(); j++) {
            changes.add(report.totalChange(j).map(BigDecimal::toPlainString).orElse(null));
        }
        ReportRequest r = report.request();
        return new ReportBody(r.figure(), texts.figure(r.figure()), texts.definition(r.figure()), r.figure().unit(),
                r.period().code(), r.periods().stream().map(Period::code).toList(), r.area().key(), texts.area(r.area()),
                r.rows(), r.column().orElse(null), columns, lines, totals,
                report.total() == null ? null : value(report.total()), changes, report.protectedCells(), report.asOf(),
                report.currentTo(), report.behind().isPresent() ? "BEHIND" : "CURRENT", texts.notes(report));
    }

    private static Value value(Report.Cell cell) {
        return new Value(cell.value(), cell.display(), cell.disclosure());
    }
}
