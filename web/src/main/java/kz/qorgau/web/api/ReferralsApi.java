package kz.qorgau.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import kz.qorgau.referral.DeclineReason;
import kz.qorgau.referral.ReferralService;
import kz.qorgau.referral.ReferralView;


/**
 * A provider's referrals: what was sent to its organisation, with only the fields a referral shares. A referral
 * addressed to another organisation answers 404.
 */
@Path("referrals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReferralsApi {

    @Inject
    ApiCaller caller;

    @Inject
    ReferralService referrals;

    /** The referrals sent to the caller's organisation, newest first, a page at a time, with how many there are. */
    @GET
    public kz.qorgau.shared.Page<ReferralView> inbox(@jakarta.ws.rs.QueryParam("first") @jakarta.ws.rs.DefaultValue("0") int first,
                                                     @jakarta.ws.rs.QueryParam("size") @jakarta.ws.rs.DefaultValue("20") int size) {
        return referrals.inbox(caller.get(), new kz.qorgau.shared.PageRequest(first, size));
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
