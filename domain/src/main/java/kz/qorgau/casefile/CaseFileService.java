package kz.qorgau.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.Audited;
import kz.qorgau.reference.ReferenceData;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Clocks;
import kz.qorgau.shared.InputCheck;
import kz.qorgau.shared.LegalTerms;
import kz.qorgau.shared.InvalidInputException;
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

    /** Opens a case in the caller's organisation and returns its number; refuses invalid input, saving nothing. */
    public CaseNumber open(Caller caller, NewCaseFile form) {
        caller.require(Permission.CASE_OPEN);
        inputCheck.require(form);
        String organisation = caller.organisationCode()
                .flatMap(reference::organisation)
                .orElseThrow(() -> new InvalidInputException("case.organisation.unknown"))
                .code();
        String region = reference.region(form.getRegionCode())
                .orElseThrow(() -> new InvalidInputException("case.region.unknown"))
                .code();
        LocalDate today = LocalDate.now(clock);
        Person victim = new Person(form.victim(), today);
        if (victim.birthDate().isEmpty() && form.getEstimatedAge() == null) {
            throw new InvalidInputException("case.victim.ageOrBirthDate.required");
        }
        CaseNumber number = cases.allocateNumber(region, today.getYear());
        CaseFile file = CaseFile.open(number, form.getKind(), victim, organisation, caller.username(),
                form.getIncidentDate(), form.getIncidentType(), today, Instant.now(clock));
        cases.add(file);
        cases.flush();
        timeline.record(file.id(), CaseEventKind.CASE_OPENED, caller, form.getKind().name(), Instant.now(clock));
        return number;
    }

    /**
     * Who may already be known, before a new case is opened: the same IIN, or the same name and date of birth.
     * Matches in the caller's partition are named by case number; elsewhere they are only counted, so that nobody
     * learns another organisation's cases.
     */
    public DuplicateCheck possibleDuplicates(Caller caller, NewCaseFile form) {
        caller.require(Permission.CASE_OPEN);
        String iin = form.getIin() == null || form.getIin().isBlank() ? null : form.getIin().strip();
        boolean byName = form.getFamilyName() != null && form.getGivenName() != null && form.getBirthDate() != null;
        if (iin == null && !byName) {
            return new DuplicateCheck(false, List.of(), 0);
        }
        List<String> visible = CaseScope.of(caller)
                .map(scope -> cases.numbersOfVictims(scope, iin, form.getFamilyName(), form.getGivenName(), form.getBirthDate()))
                .orElse(List.of());
        long all = cases.countCasesOfVictims(iin, form.getFamilyName(), form.getGivenName(), form.getBirthDate());
        return new DuplicateCheck(true, visible, Math.max(0, all - visible.size()));
    }

    /** A page of the caller's cases; the list shows victims' names, so reading it is audited too (one line a page). */
    public List<CaseSummary> list(Caller caller, CaseListQuery query) {
        return list(caller, query, CaseListFilter.NONE);
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

    public long count(Caller caller) {
        return count(caller, CaseListFilter.NONE).value();
    }

    /** How many cases the filtered list holds: exact up to a limit, an estimate beyond it. */
    public CaseListCount count(Caller caller, CaseListFilter filter) {
        return CaseScope.of(caller).map(scope -> cases.count(scope, filter, dueWindow(caller))).orElse(CaseListCount.ZERO);
    }

    /** "Has a deadline" means what the caller's start page lists as due today (see DeadlineService). */
    private DueWindow dueWindow(Caller caller) {
        LocalDate today = LocalDate.now(clock);
        LegalTerms terms = LegalTerms.on(today);
        return new DueWindow(today, today.plusDays(terms.orderExpiryWarningDays()),
                today.minusDays(terms.referralAnswerDays()).atStartOfDay(Clocks.KAZAKHSTAN).toInstant(),
                today.minusDays(terms.inactivityDays()).atStartOfDay(Clocks.KAZAKHSTAN).toInstant(),
                caller.may(Permission.CASE_WORK) || caller.may(Permission.CASE_APPROVE_CLOSURE));
    }
}
