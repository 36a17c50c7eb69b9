package kz.qorgau.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.qorgau.referral.DeclineReason;
import kz.qorgau.referral.ReferralListFilter;
import kz.qorgau.referral.ReferralListRow;
import kz.qorgau.referral.ReferralListService;
import kz.qorgau.referral.ReferralService;
import kz.qorgau.referral.ReferralStatus;
import kz.qorgau.referral.SpecialSocialService;
import kz.qorgau.shared.AccessDeniedException;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.ListPage;
import kz.qorgau.web.faces.Options;
import kz.qorgau.web.lists.ListColumns;
import kz.qorgau.web.lists.ListFiles;

import java.util.List;

/**
 * Referrals: the list (a provider's, sent to its organisation, with only the fields a referral shares; or those of the
 * cases a social worker or supervisor follows) and a provider's answers. Answering a referral addressed to another
 * organisation answers 404.
 */
@Path("referrals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReferralsApi {

    @Inject
    ApiCaller caller;

    @Inject
    ReferralService referrals;

    @Inject
    ReferralListService list;

    @Inject
    Options options;

    @Context
    HttpHeaders headers;

    /**
     * The caller's referrals, newest first: a provider's, sent to her organisation, with what the inbox shows (and its
     * id and version, to answer them); a social worker's or supervisor's, those of the cases she follows. Narrowed like
     * the page: {@code status}, {@code service}, {@code sentFrom}, {@code sentTo} (days in Kazakhstan).
     */
    @GET
    public List<ReferralListRow> list(@QueryParam("status") List<String> status, @QueryParam("service") List<String> service,
                                      @QueryParam("sentFrom") String from, @QueryParam("sentTo") String to,
                                      @QueryParam("first") @DefaultValue("0") int first,
                                      @QueryParam("size") @DefaultValue("500") int size) {
        return list.page(caller.get(), filter(status, service, from, to), new ListPage(first, size));
    }

    /** The same list, every row, as CSV (or {@code format=XLSX}), streamed; audited as an export. */
    @GET
    @Path("export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
    public Response export(@QueryParam("format") @DefaultValue("CSV") String format,
                           @QueryParam("status") List<String> status, @QueryParam("service") List<String> service,
                           @QueryParam("sentFrom") String from, @QueryParam("sentTo") String to) {
        ListFiles.Format f = ListParams.format(format);
        ReferralListFilter filter = filter(status, service, from, to);
        Caller who = caller.get();
        if (!list.available(who)) {
            throw new AccessDeniedException();
        }
        return ListParams.file(f, "referrals", "nav.referrals", ListColumns.REFERRALS, headers, options,
                sink -> list.export(who, filter, f.name(), sink));
    }

    private static ReferralListFilter filter(List<String> status, List<String> service, String from, String to) {
        return new ReferralListFilter(ListParams.codes(status, ReferralStatus.class),
                ListParams.codes(service, SpecialSocialService.class), ListParams.period(from, to));
    }

    @POST
    @Path("{id}/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    public void accept(@PathParam("id") long id, Answer answer) {
        referrals.accept(caller.get(), id, version(answer));
    }

    @POST
    @Path("{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    public void decline(@PathParam("id") long id, Answer answer) {
        referrals.decline(caller.get(), id, version(answer), Bodies.required(answer).reason());
    }

    /** A service delivered under an accepted referral: what "victims assisted" counts. */
    @POST
    @Path("{id}/deliveries")
    @Consumes(MediaType.APPLICATION_JSON)
    public jakarta.ws.rs.core.Response deliver(@PathParam("id") long id, Delivery delivery) {
        Delivery d = Bodies.required(delivery);
        referrals.recordDelivery(caller.get(), id, Bodies.required(d.version()), Bodies.required(d.deliveredOn()),
                Bodies.required(d.hours()));
        return jakarta.ws.rs.core.Response.status(jakarta.ws.rs.core.Response.Status.CREATED).build();
    }

    /** The referral's version as the provider saw it, the day and the hours of the service. */
    public record Delivery(Long version, java.time.LocalDate deliveredOn, java.math.BigDecimal hours) {
    }

    private static long version(Answer answer) {
        Long version = Bodies.required(answer).version();
        return Bodies.required(version);
    }

    /** The version of the referral as the provider saw it, and for a decline its reason. */
    public record Answer(Long version, DeclineReason reason) {
    }
}
