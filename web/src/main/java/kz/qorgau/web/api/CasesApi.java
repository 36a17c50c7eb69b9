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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import kz.qorgau.audit.AuditEntry;
import kz.qorgau.casefile.CaseDetails;
import kz.qorgau.casefile.CaseFileService;
import kz.qorgau.casefile.CaseNoteService;
import kz.qorgau.casefile.CaseSummary;
import kz.qorgau.casefile.CaseWorkService;
import kz.qorgau.casefile.NewCaseFile;
import kz.qorgau.protection.ProtectionService;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import kz.qorgau.shared.Page;
import kz.qorgau.shared.PageRequest;

import java.time.Instant;
import java.util.List;

/**
 * Case files over HTTP. Every call goes through the services the pages use, so the partitions, the secret fields
 * and the audit trail are the same: a case outside the caller's partition answers 404 like one that does not exist.
 */
@Path("cases")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CasesApi {

    @Inject
    ApiCaller caller;

    @Inject
    CaseFileService cases;

    @Inject
    CaseWorkService work;

    @Inject
    ProtectionService protection;

    @Inject
    CaseNoteService notes;

    @Inject
    kz.qorgau.referral.ReferralService referrals;

    @Inject
    kz.qorgau.trafficking.TraffickingService trafficking;

    @jakarta.ws.rs.core.Context
    UriInfo uri;

    /**
     * The caller's cases, a page at a time, most recently active first, with how many there are; narrowed like the
     * list page's bar: {@code status}, {@code kind}, {@code risk} (codes, repeated or separated by commas),
     * {@code assignee} ({@code nobody} or a user name) and {@code withDeadline=true} (something due, as her start
     * page counts it). A filter never widens her partition.
     */
    @GET
    public Page<CaseSummary> list(@QueryParam("status") List<String> status, @QueryParam("kind") List<String> kind,
                                  @QueryParam("risk") List<String> risk, @QueryParam("assignee") String assignee,
                                  @QueryParam("withDeadline") @DefaultValue("false") boolean withDeadline,
                                  @QueryParam("first") @DefaultValue("0") int first,
                                  @QueryParam("size") @DefaultValue("20") int size) {
        return cases.page(caller.get(), new PageRequest(first, size), filter(status, kind, risk, assignee, withDeadline));
    }

    @Inject
    kz.qorgau.web.faces.Options options;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.HttpHeaders headers;

    /**
     * The caller's case list, filtered exactly as {@code GET /cases} takes it, every row, as CSV (or XLSX with
     * {@code format=XLSX}), streamed from the database as it is written, the same columns and names as the list
     * page's export; audited as an export.
     */
    @GET
    @Path("export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
    public Response export(@QueryParam("format") @DefaultValue("CSV") String format,
                           @QueryParam("status") List<String> status, @QueryParam("kind") List<String> kind,
                           @QueryParam("risk") List<String> risk, @QueryParam("assignee") String assignee,
                           @QueryParam("withDeadline") @DefaultValue("false") boolean withDeadline) {
        kz.qorgau.web.lists.ListFiles.Format f = ListParams.format(format);
        kz.qorgau.casefile.CaseListFilter filter = filter(status, kind, risk, assignee, withDeadline);
        kz.qorgau.shared.Caller who = caller.get();
        return ListParams.file(f, "cases", "nav.cases", kz.qorgau.web.cases.CaseListFiles.COLUMNS, headers, options,
                sink -> cases.export(who, filter, f.name(), sink));
    }

    private static kz.qorgau.casefile.CaseListFilter filter(List<String> status, List<String> kind, List<String> risk,
                                                            String assignee, boolean withDeadline) {
        kz.qorgau.casefile.CaseListFilter filter = kz.qorgau.casefile.CaseListFilter.NONE
                .withStatuses(ListParams.codes(status, kz.qorgau.casefile.CaseStatus.class))
                .withKinds(ListParams.codes(kind, kz.qorgau.casefile.CaseKind.class))
                .withRisks(ListParams.codes(risk, kz.qorgau.casefile.RiskLevel.class))
                .withDeadline(withDeadline);
        if (assignee == null || assignee.isBlank()) {
            return filter;
        }
        return "nobody".equals(assignee.strip())
                ? filter.withAssignee(kz.qorgau.casefile.CaseListFilter.Assignment.NOBODY, null)
                : filter.withAssignee(kz.qorgau.casefile.CaseListFilter.Assignment.WORKER, assignee);
    }

    /** Intake from another system, e.g. a hotline: the same form and the same checks as the intake page. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(NewCaseFile form) {
        String number = cases.open(caller.get(), Bodies.required(form)).toString();
        return Response.created(uri.getAbsolutePathBuilder().path(number).build()).entity(new Opened(number)).build();
    }

    /** The case as the caller may see it; its {@code ETag} is the case file's version. */
    @GET
    @Path("{number}")
    @APIResponse(responseCode = "200", description = "the case",
            headers = @Header(name = ETags.ETAG, description = ETags.ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseDetails.class)))
    public Response details(@PathParam("number") String number) {
        CaseDetails details = work.details(caller.get(), number);
        return Response.ok(details).tag(ETags.of(details.version())).build();
    }

    /** The safety plan, for those who may read it; 404 with its own message when none was written. */
    @GET
    @Path("{number}/safety-plan")
    @APIResponse(responseCode = "200", description = "the safety plan",
            headers = @Header(name = ETags.ETAG, description = ETags.ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Plan.class)))
    public Response safetyPlan(@PathParam("number") String number) {
        Plan plan = work.safetyPlan(caller.get(), number)
                .map(p -> new Plan(p.text(), p.updatedBy(), p.updatedAt(), p.version()))
                .orElseThrow(NothingRecorded::new);
        return Response.ok(plan).tag(ETags.of(plan.version())).build();
    }

    /** Where the victim lives and shelters: the owning organisation only; 404 with its own message when nothing was recorded. */
    @GET
    @Path("{number}/address")
    @APIResponse(responseCode = "200", description = "where the victim lives and shelters",
            headers = @Header(name = ETags.ETAG, description = ETags.ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Address.class)))
    public Response address(@PathParam("number") String number) {
        Address address = work.secretAddress(caller.get(), number)
                .map(s -> new Address(s.currentAddress().orElse(null), s.shelterLocation().orElse(null), s.version()))
                .orElseThrow(NothingRecorded::new);
        return Response.ok(address).tag(ETags.of(address.version())).build();
    }

    /** "Who saw this": the case's audit trail, for the owning organisation and the region's supervisor. */
    @GET
    @Path("{number}/audit")
    public Page<AuditEntry> whoSaw(@PathParam("number") String number,
                                   @QueryParam("first") @DefaultValue("0") int first,
                                   @QueryParam("size") @DefaultValue("20") int size) {
        return work.whoSaw(caller.get(), number, new PageRequest(first, size));
    }

    @GET
    @Path("{number}/protective-orders")
    public Page<ProtectiveOrdersApi.Order> orders(@PathParam("number") String number,
                                                  @QueryParam("first") @DefaultValue("0") int first,
                                                  @QueryParam("size") @DefaultValue("20") int size) {
        return ProtectiveOrdersApi.Order.of(protection.orders(caller.get(), number, new PageRequest(first, size)));
    }

    /** A police unit issues an order on a case of its region. */
    @POST
    @Path("{number}/protective-orders")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issueOrder(@PathParam("number") String number, ProtectiveOrdersApi.Issue order) {
        ProtectiveOrdersApi.Issue issue = Bodies.required(order);
        Long id = protection.issue(caller.get(), number, issue.orderNumber(), issue.issueDate(), issue.perpetratorOrNull(),
                issue.prohibitions());
        return Response.status(Response.Status.CREATED).entity(new Issued(id)).build();
    }

    /** Counselling notes: the owning organisation, the assigned worker and the supervisor; never police or courts. */
    @GET
    @Path("{number}/notes")
    public Page<CaseNoteService.NoteView> notes(@PathParam("number") String number,
                                                @QueryParam("first") @DefaultValue("0") int first,
                                                @QueryParam("size") @DefaultValue("20") int size) {
        return notes.notes(caller.get(), number, new PageRequest(first, size));
    }

    /** A further note; a note is never changed, a correction is another note. */
    @POST
    @Path("{number}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response writeNote(@PathParam("number") String number, Note note) {
        notes.write(caller.get(), number, Bodies.required(note).text());
        return Response.status(Response.Status.CREATED).build();
    }

    public record Note(String text) {
    }

    /** Police or the owning social worker bring the case before a court, which may then read it. */
    @POST
    @Path("{number}/court-submissions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response bringBeforeCourt(@PathParam("number") String number, Submission submission) {
        work.bringBeforeCourt(caller.get(), number, Bodies.required(submission).courtCode());
        return Response.status(Response.Status.CREATED).build();
    }

    public record Submission(String courtCode) {
    }

    /**
     * A referral to a provider of special social services, proposed and — with {@code send} — sent at once (the
     * victim's consent to disclosure is checked as on the page). What statistics count as referrals starts here.
     */
    @POST
    @Path("{number}/referrals")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response refer(@PathParam("number") String number, Referral referral) {
        Referral r = Bodies.required(referral);
        Long id = referrals.propose(caller.get(), number, r.service(), r.provider());
        if (Boolean.TRUE.equals(r.send())) {
            long version = referrals.ofCase(caller.get(), number).stream().filter(v -> v.id().equals(id)).findFirst()
                    .orElseThrow().version();
            referrals.send(caller.get(), id, version);
        }
        return Response.status(Response.Status.CREATED).entity(new Issued(id)).build();
    }

    public record Referral(kz.qorgau.referral.SpecialSocialService service, String provider, Boolean send) {
    }

    /** The preliminary identification of a trafficking victim, if made; its {@code ETag} is its version. */
    @GET
    @Path("{number}/trafficking-identification")
    @APIResponse(responseCode = "200", description = "the identification",
            headers = @Header(name = ETags.ETAG, description = ETags.ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Identification.class)))
    public Response identification(@PathParam("number") String number) {
        var made = trafficking.of(caller.get(), number).orElseThrow(NothingRecorded::new);
        Identification body = new Identification(made.status(), made.decidedOn(), made.typesOfExploitation(), made.meansOfControl(),
                made.countryOfRecruitment().orElse(null), made.countryOfExploitation().orElse(null), made.recruitmentType().orElse(null));
        return Response.ok(body).tag(ETags.of(made.version())).build();
    }

    /**
     * The preliminary identification of a trafficking victim, by the police: the first without {@code If-Match}, a
     * revision with the {@code ETag} of the identification as read; 201 with the new {@code ETag}.
     */
    @POST
    @Path("{number}/trafficking-identification")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "identified",
            headers = @Header(name = ETags.ETAG, description = ETags.ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    public Response identify(@PathParam("number") String number,
                             @Parameter(description = "none for the first identification; for a revision the ETag of the one read (missing 428, stale 412)")
                             @jakarta.ws.rs.HeaderParam(ETags.IF_MATCH) String ifMatch,
                             Identification identification) {
        Identification i = Bodies.required(identification);
        long expected;
        if (ifMatch != null) {
            expected = ETags.expected(ifMatch);
        } else if (trafficking.of(caller.get(), number).isPresent()) {
            // a revision of one made: the service would refuse it as a conflict; the caller is told what to send
            throw new ETags.Required();
        } else {
            expected = -1; // the first; two made at once are refused by the service's check and the unique case
        }
        long version = trafficking.identify(caller.get(), number, expected, i.status(), i.decidedOn(),
                i.exploitation() == null ? java.util.Set.of() : i.exploitation(),
                i.meansOfControl() == null ? java.util.Set.of() : i.meansOfControl(),
                i.countryOfRecruitment(), i.countryOfExploitation(), i.recruitment());
        return Response.status(Response.Status.CREATED).tag(ETags.of(version)).build();
    }

    public record Identification(kz.qorgau.trafficking.IdentificationStatus status, java.time.LocalDate decidedOn,
                                 java.util.Set<kz.qorgau.trafficking.ExploitationType> exploitation,
                                 java.util.Set<kz.qorgau.trafficking.MeansOfControl> meansOfControl,
                                 String countryOfRecruitment, String countryOfExploitation,
                                 kz.qorgau.trafficking.RecruitmentType recruitment) {
    }

    /** The case is readable but this part of it was never written: not the same as a case that is not there. */
    static final class NothingRecorded extends kz.qorgau.shared.QorgauException {
        NothingRecorded() {
            super(List.of("api.nothingRecorded"));
        }
    }

    public record Issued(Long id) {
    }

    public record Opened(String number) {
    }

    public record Plan(String text, String updatedBy, Instant updatedAt, long version) {
    }

    public record Address(String currentAddress, String shelterLocation, long version) {
    }
}
