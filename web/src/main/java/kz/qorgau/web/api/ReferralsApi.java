package kz.qorgau.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kz.qorgau.referral.DeclineReason;
import kz.qorgau.referral.ReferralService;
import kz.qorgau.referral.ReferralView;

import java.util.List;

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
