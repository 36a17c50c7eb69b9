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
     * Opens a case in the caller's organisation and returns its number; refuses invalid input, saving nothing. The
     * case is of her organisation's region, so that the region's supervisor sees what its workers open.
     */
    public CaseNumber open(Caller caller, NewCaseFile form) {
        caller.require(Permission.CASE_OPEN);
        inputCheck.require(form);
        kz.qorgau.reference.Organisation owner = caller.organisationCode()
                .flatMap(reference::organisation)
                .orElseThrow(() -> new InvalidInputException("case.organisation.unknown"));
        String organisation = owner.code();
        String region = reference.region(form.getRegionCode())
                .orElseThrow(() -> new InvalidInputException("case.region.unknown"))
                .code();
        AccessPolicy.requireIntakeRegion(caller, owner.regionCode(), region);
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
        List<CaseSummary> page = CaseScope.of(caller).map(scope -> cases.list(scope, query)).orElse(List.of());
        if (!page.isEmpty()) {
            audit.record(caller, AuditAction.READ, "CaseList", null, null, "first=" + query.first() + " rows=" + page.size());
        }
        return page;
    }

    public long count(Caller caller) {
        return CaseScope.of(caller).map(cases::count).orElse(0L);
    }
}
