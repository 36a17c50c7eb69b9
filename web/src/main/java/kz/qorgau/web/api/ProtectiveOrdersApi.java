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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import kz.qorgau.access.OrderAction;
import kz.qorgau.protection.OrderListFilter;
import kz.qorgau.protection.OrderListRow;
import kz.qorgau.protection.OrderListService;
import kz.qorgau.protection.OrderStatus;
import kz.qorgau.protection.Perpetrator;
import kz.qorgau.protection.Prohibition;
import kz.qorgau.protection.ProtectionService;
import kz.qorgau.protection.ProtectiveOrder;
import kz.qorgau.shared.AccessDeniedException;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Clocks;
import kz.qorgau.shared.ListPage;
import kz.qorgau.shared.Page;
import kz.qorgau.shared.PageRequest;
import kz.qorgau.web.faces.Options;
import kz.qorgau.web.lists.ListColumns;
import kz.qorgau.web.lists.ListFiles;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Protective orders: the list across the cases the caller reads, and by their id, for the police unit that issued
 * them. Another unit's order, or one of a case outside the caller's region, answers 404: changing the id in a request
 * reaches nothing.
 */
@Path("protective-orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProtectiveOrdersApi {

    @Inject
    ApiCaller caller;

    @Inject
    ProtectionService protection;

    @Inject
    OrderListService list;

    @Inject
    Options options;

    @Context
    HttpHeaders headers;

    /**
     * The orders on every case the caller reads, newest issue first, narrowed like the page: {@code status} (ACTIVE,
     * EXPIRED, REVOKED, on today), {@code issuedFrom}, {@code issuedTo}; a page of {@code size} from {@code first}.
     */
    @GET
    public Page<OrderListRow> orderList(
            @QueryParam("status") List<String> status,
            @QueryParam("issuedFrom") String issuedFrom, @QueryParam("issuedTo") String issuedTo,
            @QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("size") @DefaultValue("20") int size) {
        PageRequest request = new PageRequest(first, size);
        OrderListFilter filter = filter(status, issuedFrom, issuedTo);
        Caller who = caller.get();
        return Page.of(list.page(who, filter, new ListPage(first, size)), list.count(who, filter), request);
    }

    /** The same list, every row, as CSV (or {@code format=XLSX}), streamed; audited as an export. */
    @GET
    @Path("export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
    public Response exportOrders(@QueryParam("format") @DefaultValue("CSV") String format,
            @QueryParam("status") List<String> status,
            @QueryParam("issuedFrom") String issuedFrom, @QueryParam("issuedTo") String issuedTo) {
        ListFiles.Format f = ListParams.format(format);
        OrderListFilter filter = filter(status, issuedFrom, issuedTo);
        Caller who = caller.get();
        if (!list.available(who)) {
            throw new AccessDeniedException();
        }
        return ListParams.file(f, "protective-orders", "nav.orders", ListColumns.ORDERS, headers, options,
                sink -> list.export(who, filter, f.name(), sink));
    }

    private static OrderListFilter filter(List<String> status, String from, String to) {
        return new OrderListFilter(ListParams.codes(status, OrderStatus.class),
                ListParams.period(from, to));
    }


    /** One order, for whoever reads its case; its {@code ETag} is the version a change names in {@code If-Match}. */
    @jakarta.ws.rs.GET
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "the order",
            headers = @Header(name = ETags.ETAG, description = ETags.ETAG_DESCRIPTION, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Order.class)))
    public Response order(@PathParam("id") long id) {
        ProtectionService.OrderEntry entry = protection.order(caller.get(), id);
        return Response.ok(Order.of(entry, LocalDate.now(Clocks.KAZAKHSTAN))).tag(ETags.of(entry.order().version())).build();
    }

    /** The issuing unit revokes its order, as it was when read ({@code If-Match}); 204 with the new {@code ETag}. */
    @POST
    @Path("{id}/revocation")
    @APIResponse(responseCode = "204", description = "revoked",
            headers = @Header(name = ETags.ETAG, description = ETags.ETAG_DESCRIPTION, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    public Response revoke(@PathParam("id") long id,
                           @Parameter(description = ETags.IF_MATCH_DESCRIPTION, required = true) @jakarta.ws.rs.HeaderParam(ETags.IF_MATCH) String ifMatch,
                           Revocation revocation) {
        long version = ETags.expected(ifMatch);
        Revocation r = Bodies.required(revocation);
        LocalDate on = r.revokedOn() == null ? LocalDate.now(Clocks.KAZAKHSTAN) : r.revokedOn();
        return Response.noContent().tag(ETags.of(protection.revoke(caller.get(), id, version, on, r.reason()))).build();
    }

    /** What a client sends to issue an order; the service checks it like the page's form. */
    public record Issue(String orderNumber, LocalDate issueDate, Person perpetrator, Set<Prohibition> prohibitions) {

        Perpetrator perpetratorOrNull() {
            Person p = perpetrator;
            boolean complete = p != null && p.familyName() != null && !p.familyName().isBlank()
                    && p.givenName() != null && !p.givenName().isBlank() && p.birthDate() != null;
            return complete ? new Perpetrator(p.familyName(), p.givenName(), p.patronymic(), p.birthDate()) : null;
        }
    }

    public record Person(String familyName, String givenName, String patronymic, LocalDate birthDate) {
    }

    public record Revocation(LocalDate revokedOn, String reason) {
    }

    /** An order as its readers see it, with its status today and what the caller may do with it (the policy's answer). */
    public record Order(Long id, long version, String orderNumber, String issuingUnitCode, LocalDate issueDate,
                        LocalDate validUntil, String status, Person perpetrator, Set<Prohibition> prohibitions,
                        LocalDate revokedOn, int violations, Set<OrderAction> actions) {

        static Order of(ProtectionService.OrderEntry entry, LocalDate today) {
            ProtectiveOrder o = entry.order();
            Perpetrator p = o.perpetrator();
            return new Order(o.id(), o.version(), o.orderNumber(), o.issuingUnitCode(), o.issueDate(), o.validUntil(),
                    o.status(today).name(), new Person(p.familyName(), p.givenName(), p.patronymic(), p.birthDate()),
                    o.prohibitions(), o.revokedOn().orElse(null), o.violations().size(), entry.access().actions());
        }

        static kz.qorgau.shared.Page<Order> of(kz.qorgau.shared.Page<ProtectionService.OrderEntry> orders) {
            LocalDate today = LocalDate.now(Clocks.KAZAKHSTAN);
            return orders.map(o -> of(o, today));
        }
    }
}
