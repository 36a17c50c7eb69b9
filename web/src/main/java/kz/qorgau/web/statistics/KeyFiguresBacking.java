package kz.qorgau.web.statistics;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.reference.ReferenceData;
import kz.qorgau.statistics.Report;
import kz.qorgau.statistics.StatisticsService;
import kz.qorgau.web.security.CurrentUser;

import java.util.ArrayList;
import java.util.List;

/** The start page's key figures for analysts and supervisors: this year so far against the same months of last year. */
@Named
@RequestScoped
public class KeyFiguresBacking {

    /** One key figure as the start page shows it. */
    public record KeyFigure(String figure, String area, String thisYear, String lastYear, String change, String definition) {
    }

    @Inject
    StatisticsService statistics;

    @Inject
    CurrentUser user;

    @Inject
    ReferenceData reference;

    private List<KeyFigure> figures;
    private String periods = "";

    public List<KeyFigure> getFigures() {
        if (figures == null) {
            ReportTexts texts = new ReportTexts(FacesContext.getCurrentInstance().getViewRoot().getLocale(), reference);
            figures = new ArrayList<>();
            for (Report r : statistics.keyFigures(user.caller())) {
                periods = texts.period(r.request().periods().get(1)) + " / " + texts.period(r.request().periods().get(0));
                figures.add(new KeyFigure(texts.figure(r.request().figure()), texts.area(r.request().area()),
                        texts.cell(r.columnTotals()[1]), texts.cell(r.columnTotals()[0]),
                        r.totalChange(1).map(texts::change).orElse("—"), texts.definition(r.request().figure())));
            }
        }
        return figures;
    }

    public String getPeriods() {
        getFigures();
        return periods;
    }
}
