package kz.qorgau.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
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
import kz.qorgau.casefile.CaseListQuery;
import kz.qorgau.casefile.CaseNoteService;
import kz.qorgau.casefile.CaseSummary;
import kz.qorgau.casefile.CaseWorkService;
import kz.qorgau.casefile.NewCaseFile;
import kz.qorgau.protection.ProtectionService;

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

    /** The caller's cases, a page at a time, most recently active first. */
    @GET
    public List<CaseSummary> list(@QueryParam("first") @DefaultValue("0") int first,
                                  @QueryParam("size") @DefaultValue("20") int size) {
        if (first < 0 || size < 1 || size > CaseListQuery.MAX_PAGE_SIZE) {
            throw new BadRequestException();
        }
        return cases.list(caller.get(), new CaseListQuery(first, size, CaseListQuery.SortBy.LAST_ACTIVITY, false));
    }

    @Inject
    kz.qorgau.web.faces.Options options;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.HttpHeaders headers;

    /**
     * The caller's whole case list as CSV (or XLSX with {@code format=XLSX}), streamed from the database as it is
     * written, the same columns and names as the list page's export; audited as an export.
     */
    @GET
    @Path("export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    public Response export(@QueryParam("format") @DefaultValue("CSV") String format) {
        kz.qorgau.web.lists.ListFiles.Format f;
        try {
            f = kz.qorgau.web.lists.ListFiles.Format.valueOf(format);
        } catch (IllegalArgumentException unknown) {
            throw new BadRequestException();
        }
        kz.qorgau.shared.Caller who = caller.get();
        kz.qorgau.web.cases.CaseListFiles files = new kz.qorgau.web.cases.CaseListFiles(
                ApiErrors.Problem.language(headers.getAcceptableLanguages()), options);
        jakarta.ws.rs.core.StreamingOutput body = out -> files.write(f, out,
                sink -> cases.export(who, kz.qorgau.casefile.CaseListFilter.NONE, f.name(), sink));
        return Response.ok(body, f.contentType)
                .header("Content-Disposition", "attachment; filename=\"cases" + f.extension + "\"").build();
    }

    /** Intake from another system, e.g. a hotline: the same form and the same checks as the intake page. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(NewCaseFile form) {
        String number = cases.open(caller.get(), Bodies.required(form)).toString();
        return Response.created(uri.getAbsolutePathBuilder().path(number).build()).entity(new Opened(number)).build();
    }

    @GET
    @Path("{number}")
    public CaseDetails details(@PathParam("number") String number) {
        return work.details(caller.get(), number);
    }

    /** The safety plan, for those who may read it; 404 with its own message when none was written. */
    @GET
    @Path("{number}/safety-plan")
    public Plan safetyPlan(@PathParam("number") String number) {
        return work.safetyPlan(caller.get(), number)
                .map(p -> new Plan(p.text(), p.updatedBy(), p.updatedAt(), p.version()))
                .orElseThrow(NothingRecorded::new);
    }

    /** Where the victim lives and shelters: the owning organisation only; 404 with its own message when nothing was recorded. */
    @GET
    @Path("{number}/address")
    public Address address(@PathParam("number") String number) {
        return work.secretAddress(caller.get(), number)
                .map(s -> new Address(s.currentAddress().orElse(null), s.shelterLocation().orElse(null), s.version()))
                .orElseThrow(NothingRecorded::new);
    }

    /** "Who saw this": the case's audit trail, for the owning organisation and the region's supervisor. */
    @GET
    @Path("{number}/audit")
    public List<AuditEntry> whoSaw(@PathParam("number") String number) {
        return work.whoSaw(caller.get(), number);
    }

    @GET
    @Path("{number}/protective-orders")
    public List<ProtectiveOrdersApi.Order> orders(@PathParam("number") String number) {
        return ProtectiveOrdersApi.Order.of(protection.orders(caller.get(), number));
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
    public List<CaseNoteService.NoteView> notes(@PathParam("number") String number) {
        return notes.notes(caller.get(), number);
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

    /** The preliminary identification of a trafficking victim, by the police; {@code version} -1 for the first. */
    @POST
    @Path("{number}/trafficking-identification")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response identify(@PathParam("number") String number, Identification identification) {
        Identification i = Bodies.required(identification);
        trafficking.identify(caller.get(), number, i.version() == null ? -1 : i.version(), i.status(), i.decidedOn(),
                i.exploitation() == null ? java.util.Set.of() : i.exploitation(),
                i.meansOfControl() == null ? java.util.Set.of() : i.meansOfControl(),
                i.countryOfRecruitment(), i.countryOfExploitation(), i.recruitment());
        return Response.status(Response.Status.CREATED).build();
    }

    public record Identification(Long version, kz.qorgau.trafficking.IdentificationStatus status, java.time.LocalDate decidedOn,
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
