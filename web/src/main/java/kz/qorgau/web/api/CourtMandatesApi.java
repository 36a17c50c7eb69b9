package kz.qorgau.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.qorgau.mandate.CourseOutcome;
import kz.qorgau.mandate.MandateListFilter;
import kz.qorgau.mandate.MandateListRow;
import kz.qorgau.mandate.MandateListService;
import kz.qorgau.mandate.MandateMeasure;
import kz.qorgau.shared.AccessDeniedException;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.ListPage;
import kz.qorgau.shared.Page;
import kz.qorgau.shared.PageRequest;
import kz.qorgau.web.faces.Options;
import kz.qorgau.web.lists.ListColumns;
import kz.qorgau.web.lists.ListFiles;

import java.util.List;

/** Court decisions on the cases the caller reads, as the page lists them, and their export. */
@Path("court-mandates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CourtMandatesApi {

    @Inject
    ApiCaller caller;

    @Inject
    MandateListService list;

    @Inject
    Options options;

    @Context
    HttpHeaders headers;

    /**
     * Latest decision first, narrowed like the page: {@code measure} (NO_CONTACT, NO_WEAPONS, NO_ALCOHOL_OR_DRUGS,
     * POLICE_REPORTS, EVICTION, PSYCHOCORRECTION: any of them), {@code outcome} of the psychocorrection course
     * (IN_PROGRESS, COMPLETED, NON_COMPLIANT), {@code decidedFrom}, {@code decidedTo}.
     */
    @GET
    public Page<MandateListRow> mandateList(@QueryParam("measure") List<String> measure, @QueryParam("outcome") List<String> outcome,
                                     @QueryParam("decidedFrom") String from, @QueryParam("decidedTo") String to,
                                     @QueryParam("first") @DefaultValue("0") int first,
                                     @QueryParam("size") @DefaultValue("20") int size) {
        PageRequest request = new PageRequest(first, size);
        MandateListFilter filter = filter(measure, outcome, from, to);
        Caller who = caller.get();
        return Page.of(list.page(who, filter, new ListPage(first, size)), list.count(who, filter), request);
    }

    /** The same list, every row, as CSV (or {@code format=XLSX}), streamed; audited as an export. */
    @GET
    @Path("export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
    public Response exportMandates(@QueryParam("format") @DefaultValue("CSV") String format,
                           @QueryParam("measure") List<String> measure, @QueryParam("outcome") List<String> outcome,
                           @QueryParam("decidedFrom") String from, @QueryParam("decidedTo") String to) {
        ListFiles.Format f = ListParams.format(format);
        MandateListFilter filter = filter(measure, outcome, from, to);
        Caller who = caller.get();
        if (!list.available(who)) {
            throw new AccessDeniedException();
        }
        return ListParams.file(f, "court-decisions", "nav.mandates", ListColumns.MANDATES, headers, options,
                sink -> list.export(who, filter, f.name(), sink));
    }

    private static MandateListFilter filter(List<String> measure, List<String> outcome, String from, String to) {
        return new MandateListFilter(ListParams.codes(measure, MandateMeasure.class),
                ListParams.codes(outcome, CourseOutcome.class), ListParams.period(from, to));
    }
}
