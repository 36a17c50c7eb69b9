package kz.qorgau.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.Audited;
import kz.qorgau.reference.ReferenceData;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.InputCheck;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.access.AccessPolicy;
import kz.qorgau.shared.Permission;
import kz.qorgau.timeline.CaseEventKind;
import kz.qorgau.timeline.Timeline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Intake and case lists. Every method takes the caller and applies its permissions and partition itself. */
@ApplicationScoped
@Transactional
@Audited
public class CaseFileService {

    @Inject
    CaseFileRepository cases;

    @Inject
    AuditTrail audit;

    @Inject
    ReferenceData reference;

    @Inject
    InputCheck inputCheck;

    @Inject
    Clock clock;

    @Inject
    Timeline timeline;

    /**
     * Opens a case in the caller's organisation and returns its number: the victim, the incident that brought her, and
     * what the intake recorded besides — a risk assessment, consents, a safety plan — in one transaction, under the
     * same rules as on the case page. Refuses invalid input, saving nothing and giving the number back. The case is of
     * her organisation's region, so that the region's supervisor sees what its workers open.
     */
    public CaseNumber open(Caller caller, NewCaseFile form) {
        caller.require(Permission.CASE_OPEN);
        inputCheck.require(form);
        LocalDate today = LocalDate.now(clock);
        List<String> refusals = new java.util.ArrayList<>();
        for (IntakeStep step : IntakeStep.values()) {
            refusals.addAll(form.refusals(step, today));
        }
        legalArticleRefusal(form).ifPresent(refusals::add);
        if (!refusals.isEmpty()) {
            throw new InvalidInputException(refusals.stream().distinct().toList());
        }
        if (form.hasSafetyPlan()) {
            caller.require(Permission.SAFETY_PLAN_WRITE);
        }
        kz.qorgau.reference.Organisation owner = caller.organisationCode()
                .flatMap(reference::organisation)
                .orElseThrow(() -> new InvalidInputException("case.organisation.unknown"));
        String organisation = owner.code();
        String region = reference.region(form.getRegionCode())
                .orElseThrow(() -> new InvalidInputException("case.region.unknown"))
                .code();
        AccessPolicy.requireIntakeRegion(caller, owner.regionCode(), region);
        Person victim = new Person(form.victim(), today);
        Instant now = Instant.now(clock);
        CaseNumber number = cases.allocateNumber(region, today.getYear());
        CaseFile file = CaseFile.open(number, form.getKind(), victim, organisation, caller.username(),
                form.incident(region), today, now);
        if (form.getRiskLevel() != null) {
            file.assessRisk(form.getRiskLevel(), today, caller.username(), today, now);
        }
        LocalDate consentOn = form.consentGivenOn(today);
        for (ConsentScope scope : form.getConsents()) {
            file.giveConsent(scope, consentOn, caller.username(), today, now);
        }
        cases.add(file);
        cases.flush();
        timeline.record(file.id(), CaseEventKind.CASE_OPENED, caller, form.getKind().name(), now);
        if (form.getRiskLevel() != null) {
            timeline.record(file.id(), CaseEventKind.RISK_ASSESSED, caller, form.getRiskLevel().name(), now);
        }
        for (ConsentScope scope : form.getConsents()) {
            timeline.record(file.id(), CaseEventKind.CONSENT_GIVEN, caller, scope.name(), now);
        }
        if (form.hasSafetyPlan()) {
            SafetyPlan plan = new SafetyPlan(file.id());
            plan.revise(form.getSafetyPlan(), caller.username(), now);
            cases.add(plan);
            timeline.record(file.id(), CaseEventKind.SAFETY_PLAN_REVISED, caller, null, now);
        }
        cases.flush();
        return number;
    }

    /**
     * Checks one step of an intake, saving nothing: the step's Bean Validation and the model's rules, as
     * {@link #open} will check them all again. Refuses with every key of the step at once.
     */
    public void checkStep(Caller caller, NewCaseFile form, IntakeStep step) {
        caller.require(Permission.CASE_OPEN);
        List<String> refusals = new java.util.ArrayList<>(inputCheck.refusals(form, step.properties()));
        refusals.addAll(form.refusals(step, LocalDate.now(clock)));
        if (step == IntakeStep.INCIDENT) {
            legalArticleRefusal(form).ifPresent(refusals::add);
        }
        if (!refusals.isEmpty()) {
            throw new InvalidInputException(refusals.stream().distinct().toList());
        }
    }

    /** A new incident is qualified under an article in force, as on the case page. */
    private java.util.Optional<String> legalArticleRefusal(NewCaseFile form) {
        String code = form.getLegalArticleCode();
        if (code == null || code.isBlank() || reference.legalArticle(code.strip()).filter(a -> a.active()).isPresent()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("incident.legalArticle.unknown");
    }

    /** How many matches of her partition a duplicate check lists at a time. */
    public static final int DUPLICATES_PAGE = 10;

    /**
     * Who may already be known, before a new case is opened: the same IIN, or the same name and date of birth. Cases of
     * the caller's partition are listed a page at a time and counted by the database; of cases anywhere else she learns
     * only that there are some, so that nobody finds out which organisation knows a woman. Each check is audited as a
     * read, naming how she searched and what she was told, never the IIN or name she searched for.
     */
    public DuplicateCheck possibleDuplicates(Caller caller, PersonSearch search, int first) {
        caller.require(Permission.CASE_OPEN);
        search.checked();
        if (first < 0) {
            throw new IllegalArgumentException("first must not be negative");
        }
        java.util.Optional<CaseScope> scope = CaseScope.of(caller);
        List<DuplicateCheck.Match> page = scope.map(s -> cases.casesOfVictim(s, search, first, DUPLICATES_PAGE)).orElse(List.of());
        long visible = scope.map(s -> cases.countCasesOfVictim(s, search)).orElse(0L);
        boolean elsewhere = cases.countCasesOfVictim(search) > visible;
        audit.record(caller, AuditAction.READ, "DuplicateCheck", null, null,
                "by=" + search.criteria() + " first=" + first + " found=" + visible + " elsewhere=" + (elsewhere ? "yes" : "no"));
        return new DuplicateCheck(true, page, visible, elsewhere);
    }

    /** The first page of matches for the identifying fields of an intake form. */
    public DuplicateCheck possibleDuplicates(Caller caller, NewCaseFile form) {
        return possibleDuplicates(caller, PersonSearch.of(form), 0);
    }

    /** A page of the caller's cases; the list shows victims' names, so reading it is audited too (one line a page). */
    public List<CaseSummary> list(Caller caller, CaseListQuery query) {
        return list(caller, query, CaseListFilter.NONE);
    }

    /**
     * A page of the caller's cases, most recently active first, with how many the whole list holds, counted by the
     * database in her partition (see {@link CaseListCount}: exact up to ten thousand).
     */
    public kz.qorgau.shared.Page<CaseSummary> page(Caller caller, kz.qorgau.shared.PageRequest request) {
        return page(caller, request, CaseListFilter.NONE);
    }

    /** The same, narrowed by a filter (as the list page's bar narrows it), with the filtered list's count. */
    public kz.qorgau.shared.Page<CaseSummary> page(Caller caller, kz.qorgau.shared.PageRequest request, CaseListFilter filter) {
        List<CaseSummary> items = list(caller, new CaseListQuery(request.first(), request.size(), CaseListQuery.SortBy.LAST_ACTIVITY, false), filter);
        CaseListCount total = count(caller, filter);
        return new kz.qorgau.shared.Page<>(items, total.value(), total.exact(), request.first(), request.size());
    }

    /** A page of the caller's cases narrowed by a filter, which can never widen her partition. */
    public List<CaseSummary> list(Caller caller, CaseListQuery query, CaseListFilter filter) {
        List<CaseSummary> page = CaseScope.of(caller).map(scope -> cases.list(scope, filter, dueWindow(caller), query))
                .orElse(List.of());
        if (!page.isEmpty()) {
            audit.record(caller, AuditAction.READ, "CaseList", null, null, "first=" + query.first() + " rows=" + page.size());
        }
        return page;
    }

    /**
     * Every case of the caller's filtered list, handed to {@code sink} as it streams from the database; the export is
     * audited with how many rows left (never which). Nothing for one who lists no cases.
     */
    public long export(Caller caller, CaseListFilter filter, String format, java.util.function.Consumer<CaseExportRow> sink) {
        long rows = CaseScope.of(caller).map(scope -> cases.export(scope, filter, dueWindow(caller), sink)).orElse(0L);
        audit.record(caller, AuditAction.EXPORT, "CaseList", null, null, format + " rows=" + rows);
        return rows;
    }

    public long count(Caller caller) {
        return count(caller, CaseListFilter.NONE).value();
    }

    /** How many cases the filtered list holds: exact up to a limit, an estimate beyond it. */
    public CaseListCount count(Caller caller, CaseListFilter filter) {
        return CaseScope.of(caller).map(scope -> cases.count(scope, filter, dueWindow(caller))).orElse(CaseListCount.ZERO);
    }

    /** "Has a deadline" means what the caller's start page lists as due today (see DeadlineService). */
    private DueWindow dueWindow(Caller caller) {
        return DueWindow.on(LocalDate.now(clock), caller.may(Permission.CASE_WORK) || caller.may(Permission.CASE_APPROVE_CLOSURE));
    }
}
