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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import kz.qorgau.referral.DeclineReason;
import kz.qorgau.referral.ReferralListFilter;
import kz.qorgau.referral.ReferralListRow;
import kz.qorgau.referral.ReferralListService;
import kz.qorgau.referral.ReferralService;
import kz.qorgau.referral.ReferralStatus;
import kz.qorgau.referral.ReferralView;
import kz.qorgau.referral.SpecialSocialService;
import kz.qorgau.shared.AccessDeniedException;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.ListPage;
import kz.qorgau.shared.Page;
import kz.qorgau.shared.PageRequest;
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
    public Page<ReferralListRow> referralList(@QueryParam("status") List<String> status, @QueryParam("service") List<String> service,
                                      @QueryParam("sentFrom") String from, @QueryParam("sentTo") String to,
                                      @QueryParam("first") @DefaultValue("0") int first,
                                      @QueryParam("size") @DefaultValue("20") int size) {
        PageRequest request = new PageRequest(first, size);
        ReferralListFilter filter = filter(status, service, from, to);
        Caller who = caller.get();
        return Page.of(list.page(who, filter, new ListPage(first, size)), list.count(who, filter), request);
    }

    /** The same list, every row, as CSV (or {@code format=XLSX}), streamed; audited as an export. */
    @GET
    @Path("export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
    public Response exportReferrals(@QueryParam("format") @DefaultValue("CSV") String format,
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

    /** One referral, for its provider or those who read the case's referrals; its {@code ETag} is its version. */
    @GET
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "the referral",
            headers = @Header(name = ETags.ETAG, description = ETags.ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferralView.class)))
    public Response referral(@PathParam("id") long id) {
        ReferralView referral = referrals.referral(caller.get(), id);
        return Response.ok(referral).tag(ETags.of(referral.version())).build();
    }

    /** The provider accepts the referral as it read it ({@code If-Match}); 204 with the new {@code ETag}. No body. */
    @POST
    @Path("{id}/acceptance")
    @APIResponse(responseCode = "204", description = "accepted",
            headers = @Header(name = ETags.ETAG, description = ETags.ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    public Response accept(@PathParam("id") long id, @Parameter(description = ETags.IF_MATCH_DESCRIPTION, required = true) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        long version = ETags.expected(ifMatch);
        return Response.noContent().tag(ETags.of(referrals.accept(caller.get(), id, version))).build();
    }

    /** The provider declines the referral as it read it ({@code If-Match}), with a reason; 204 with the new {@code ETag}. */
    @POST
    @Path("{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "204", description = "declined",
            headers = @Header(name = ETags.ETAG, description = ETags.ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    public Response decline(@PathParam("id") long id, @Parameter(description = ETags.IF_MATCH_DESCRIPTION, required = true) @HeaderParam(ETags.IF_MATCH) String ifMatch, Answer answer) {
        long version = ETags.expected(ifMatch);
        return Response.noContent().tag(ETags.of(referrals.decline(caller.get(), id, version, Bodies.required(answer).reason())))
                .build();
    }

    /** A service delivered under an accepted referral, as read ({@code If-Match}): what "victims assisted" counts. */
    @POST
    @Path("{id}/deliveries")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "recorded",
            headers = @Header(name = ETags.ETAG, description = ETags.ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    public Response deliver(@PathParam("id") long id, @Parameter(description = ETags.IF_MATCH_DESCRIPTION, required = true) @HeaderParam(ETags.IF_MATCH) String ifMatch, Delivery delivery) {
        long version = ETags.expected(ifMatch);
        Delivery d = Bodies.required(delivery);
        long now = referrals.recordDelivery(caller.get(), id, version, Bodies.required(d.deliveredOn()), Bodies.required(d.hours()));
        return Response.status(Response.Status.CREATED).tag(ETags.of(now)).build();
    }

    /** The day and the hours of the service. */
    public record Delivery(java.time.LocalDate deliveredOn, java.math.BigDecimal hours) {
    }

    /** For a decline, its reason. */
    public record Answer(DeclineReason reason) {
    }
}
